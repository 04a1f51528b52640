package io.tiempocheck.suggestions.forecast;

import io.tiempocheck.suggestions.forecast.ExpandingWindowSplit.Fold;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every method over the held-out folds of one series, and the method to use: the model only where
 * it beat the best baseline on the held-out days clearly, otherwise that baseline. "Clearly" is a
 * paired test on the same days (the mean of |baseline error| - |model error| more than
 * {@link #PROMOTION_T} standard errors above 0): a lower MAE over a few weeks happens by chance on
 * pure noise, and a model that wins by chance is a worse forecast next week. A series too short
 * for one fold uses the seasonal-naive baseline with no error to show.
 */
public record Backtest(Map<Method, Metrics.Sum> sums, Method chosen, Method bestBaseline) {

    static final double PROMOTION_T = 2.0;

    public static Backtest run(double[] y, List<Method> methods) {
        Map<Method, Metrics.Sum> sums = new EnumMap<>(Method.class);
        Map<Method, double[]> predictions = new EnumMap<>(Method.class);
        methods.forEach(m -> sums.put(m, new Metrics.Sum()));
        List<Fold> folds = ExpandingWindowSplit.folds(y.length);
        for (Method method : methods) {
            double[] predicted = heldOut(y, method);
            predictions.put(method, predicted);
            for (Fold fold : folds) {
                double scale = Metrics.seasonalScale(y, fold.trainEnd());
                for (int t = fold.trainEnd(); t < fold.testEnd(); t++) {
                    sums.get(method).add(y[t], predicted[t], scale);
                }
            }
        }
        Method bestBaseline = Method.INGENUO_ESTACIONAL;
        double bestBaselineMae = Double.POSITIVE_INFINITY;
        for (Method method : methods) {
            if (method.baseline() && !sums.get(method).empty() && sums.get(method).metrics().mae() < bestBaselineMae) {
                bestBaselineMae = sums.get(method).metrics().mae();
                bestBaseline = method;
            }
        }
        Method chosen = bestBaseline;
        for (Method method : methods) {
            if (!method.baseline() && !sums.get(method).empty() && predictions.containsKey(bestBaseline)
                    && clearlyBetter(y, predictions.get(method), predictions.get(bestBaseline))) {
                chosen = method;
            }
        }
        return new Backtest(sums, chosen, bestBaseline);
    }

    /** The paired test on the days both forecast: mean gain over its standard error above PROMOTION_T. */
    static boolean clearlyBetter(double[] y, double[] model, double[] baseline) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int t = 0; t < y.length; t++) {
            if (!Double.isNaN(model[t]) && !Double.isNaN(baseline[t])) {
                double gain = Math.abs(y[t] - baseline[t]) - Math.abs(y[t] - model[t]);
                sum += gain;
                squares += gain * gain;
                n++;
            }
        }
        if (n < 2) {
            return false;
        }
        double mean = sum / n;
        double variance = (squares - n * mean * mean) / (n - 1);
        if (variance <= 0) {
            return mean > 0;
        }
        return mean / Math.sqrt(variance / n) > PROMOTION_T;
    }

    /**
     * The method's held-out forecast of every tested day, each fitted on a copy of the days before
     * its fold only (NaN on days no fold tests). Usage is never negative, so neither is a forecast.
     */
    static double[] heldOut(double[] y, Method method) {
        double[] predicted = new double[y.length];
        Arrays.fill(predicted, Double.NaN);
        for (Fold fold : ExpandingWindowSplit.folds(y.length)) {
            double[] forecast = method.forecast(Arrays.copyOfRange(y, 0, fold.trainEnd()), fold.testEnd() - fold.trainEnd());
            for (int h = 0; h < forecast.length; h++) {
                predicted[fold.trainEnd() + h] = Math.max(0, forecast[h]);
            }
        }
        return predicted;
    }

    /** Held-out metrics of a method, or null when the series had no fold. */
    public Metrics metrics(Method method) {
        Metrics.Sum sum = sums.get(method);
        return sum == null || sum.empty() ? null : sum.metrics();
    }
}
