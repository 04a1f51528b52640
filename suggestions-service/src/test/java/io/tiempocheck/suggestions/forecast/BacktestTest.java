package io.tiempocheck.suggestions.forecast;

import io.tiempocheck.suggestions.forecast.ExpandingWindowSplit.Fold;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestTest {

    private static final List<Method> ALL = Arrays.asList(Method.values());

    /** Weekdays around 2 h, weekends around 5 h, a little noise: a strongly weekly habit. */
    private static double[] weekly(int days, long seed) {
        Random random = new Random(seed);
        double[] y = new double[days];
        for (int t = 0; t < days; t++) {
            y[t] = (t % 7 >= 5 ? 18_000 : 7200) + random.nextGaussian() * 300;
        }
        return y;
    }

    @Test
    void aStronglyWeeklySeriesIsForecastBetterThanTheLastValue() {
        Backtest backtest = Backtest.run(weekly(120, 6), ALL);
        double model = backtest.metrics(Method.HOLT_WINTERS).mae();
        double last = backtest.metrics(Method.ULTIMO_VALOR).mae();
        assertTrue(model < last / 3, "Holt-Winters " + model + " s against last value " + last + " s");
        assertTrue(backtest.metrics(Method.HOLT_WINTERS).mase() < 1.2);
        assertEquals(28, backtest.metrics(Method.HOLT_WINTERS).points());
    }

    @Test
    void aWeeklyHabitThatKeepsGrowingPromotesTheModelOverEveryBaseline() {
        Random random = new Random(9);
        double[] y = new double[120];
        for (int t = 0; t < y.length; t++) {
            y[t] = (t % 7 >= 5 ? 18_000 : 7200) + 60.0 * t + random.nextGaussian() * 100;
        }
        Backtest backtest = Backtest.run(y, ALL);
        assertEquals(Method.HOLT_WINTERS, backtest.chosen());
        assertEquals(Method.INGENUO_ESTACIONAL, backtest.bestBaseline());
    }

    @Test
    void onPureNoiseTheModelIsNotPromoted() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            double[] y = new double[120];
            for (int t = 0; t < y.length; t++) {
                y[t] = 3600 + random.nextGaussian() * 1200;
            }
            Backtest backtest = Backtest.run(y, ALL);
            assertTrue(backtest.chosen().baseline(), "seed " + seed + ": " + backtest.chosen() + " over " + backtest.bestBaseline()
                    + " " + backtest.metrics(Method.HOLT_WINTERS) + " " + backtest.metrics(backtest.bestBaseline()));
        }
    }

    @Test
    void aHeldOutDayIsNeverSeenByTheFitThatForecastsIt() {
        double[] y = weekly(90, 3);
        List<Fold> folds = ExpandingWindowSplit.folds(y.length);
        assertEquals(4, folds.size());
        for (int i = 0; i < folds.size(); i++) {
            assertEquals(ExpandingWindowSplit.HORIZON, folds.get(i).testEnd() - folds.get(i).trainEnd());
            if (i > 0) {
                assertEquals(folds.get(i - 1).testEnd(), folds.get(i).trainEnd(), "training expands up to the next test block");
            }
        }
        assertEquals(y.length, folds.get(3).testEnd());
        for (Method method : Method.values()) {
            double[] before = Backtest.heldOut(y, method);
            for (Fold fold : folds) {
                // Changing a fold's own days (and everything after them) leaves its forecast of those days unchanged.
                double[] changed = y.clone();
                for (int t = fold.trainEnd(); t < y.length; t++) {
                    changed[t] = 50_000;
                }
                double[] after = Backtest.heldOut(changed, method);
                for (int t = fold.trainEnd(); t < fold.testEnd(); t++) {
                    assertEquals(before[t], after[t], method + " day " + t);
                }
            }
        }
        double[] changedTraining = y.clone();
        changedTraining[folds.get(3).trainEnd() - 1] = 50_000;
        assertNotEquals(Backtest.heldOut(y, Method.ULTIMO_VALOR)[folds.get(3).trainEnd()],
                Backtest.heldOut(changedTraining, Method.ULTIMO_VALOR)[folds.get(3).trainEnd()], "the training days do count");
    }

    @Test
    void aSeriesTooShortForAFoldUsesTheSeasonalNaiveBaselineWithoutAnError() {
        Backtest backtest = Backtest.run(weekly(20, 1), ALL);
        assertEquals(Method.INGENUO_ESTACIONAL, backtest.chosen());
        assertNull(backtest.metrics(Method.HOLT_WINTERS));
    }

    @Test
    void theBaselinesForecastAsTheirNamesSay() {
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
        assertEquals(14, Method.ULTIMO_VALOR.forecast(y, 3)[2]);
        double[] seasonal = Method.INGENUO_ESTACIONAL.forecast(y, 8);
        assertEquals(8, seasonal[0]);
        assertEquals(14, seasonal[6]);
        assertEquals(8, seasonal[7]);
        assertEquals(11, Method.MEDIA_MOVIL_7.forecast(y, 1)[0]);
        assertFalse(Method.HOLT_WINTERS.baseline());
    }

    @Test
    void maseIsTheMaeOverTheSeasonalNaiveInSampleError() {
        double[] y = new double[42];
        for (int t = 0; t < y.length; t++) {
            y[t] = t;
        }
        // In-sample |y[t] - y[t-7]| is 7 everywhere; the last value is off by 1..7 on the next seven days.
        Metrics.Sum sum = new Metrics.Sum();
        for (int h = 1; h <= 7; h++) {
            sum.add(34 + h, 34, Metrics.seasonalScale(y, 35));
        }
        Metrics metrics = sum.metrics();
        assertEquals(4.0, metrics.mae());
        assertEquals(Math.round(Math.sqrt(140.0 / 7) * 100) / 100.0, metrics.rmse());
        assertEquals(Math.round(4.0 / 7 * 1000) / 1000.0, metrics.mase());
    }
}
