package io.tiempocheck.suggestions.forecast;

import io.tiempocheck.suggestions.forecast.CategoryForecast.ForecastDay;
import io.tiempocheck.suggestions.store.UsageHistory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A user's forecasts: each category's series backtested, then the chosen method fitted on all of it. */
public final class Forecasts {

    private static final List<Method> ALL = Arrays.asList(Method.values());

    private Forecasts() {
    }

    /** @param today the first forecast day; the history ends the day before */
    public static List<CategoryForecast> of(UsageHistory history, LocalDate today, int days) {
        List<CategoryForecast> forecasts = new ArrayList<>();
        Dataset.series(history, today.minusDays(1)).forEach((category, y) -> {
            Backtest backtest = Backtest.run(y, ALL);
            double[] predicted = backtest.chosen().forecast(y, days);
            List<ForecastDay> out = new ArrayList<>(days);
            for (int h = 0; h < days; h++) {
                out.add(new ForecastDay(today.plusDays(h), Math.max(0, Math.round(predicted[h]))));
            }
            Map<Method, Metrics> metrics = new EnumMap<>(Method.class);
            ALL.forEach(m -> {
                if (backtest.metrics(m) != null) {
                    metrics.put(m, backtest.metrics(m));
                }
            });
            Metrics chosen = backtest.metrics(backtest.chosen());
            forecasts.add(new CategoryForecast(category, backtest.chosen(), !backtest.chosen().baseline(), backtest.bestBaseline(),
                    chosen == null ? null : chosen.mae(), metrics, reason(backtest), out));
        });
        return forecasts;
    }

    private static String reason(Backtest backtest) {
        Metrics model = backtest.metrics(Method.HOLT_WINTERS);
        Metrics baseline = backtest.metrics(backtest.bestBaseline());
        if (model == null || baseline == null) {
            return "historial de menos de " + (ExpandingWindowSplit.MIN_TRAIN + ExpandingWindowSplit.HORIZON)
                    + " días: sin validación, se usa la línea base " + backtest.chosen().id();
        }
        if (!backtest.chosen().baseline()) {
            return "holt_winters superó a la mejor línea base (" + backtest.bestBaseline().id() + ") en validación: MAE "
                    + model.mae() + " s frente a " + baseline.mae() + " s";
        }
        return "holt_winters no superó a la mejor línea base en validación (MAE " + model.mae() + " s frente a "
                + baseline.mae() + " s): se usa " + backtest.chosen().id();
    }
}
