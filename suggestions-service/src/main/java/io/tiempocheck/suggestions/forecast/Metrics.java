package io.tiempocheck.suggestions.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Held-out errors in seconds. MASE divides the MAE by the in-sample MAE of the seasonal-naive
 * forecast on the training data (Hyndman and Koehler's scale), so 1 means "as good as last week's
 * same day"; it is null for a series that repeats its weeks exactly, where that scale is 0.
 */
@Schema(name = "Metricas")
public record Metrics(
        @JsonProperty("mae") double mae,
        @JsonProperty("rmse") double rmse,
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("mase") Double mase,
        @JsonProperty("puntos") int points) {

    /** Accumulates held-out errors over folds. */
    static final class Sum {
        private double absolute;
        private double squared;
        private double scaled;
        private int scaledPoints;
        private int points;

        void add(double actual, double predicted, double scale) {
            double error = Math.abs(actual - predicted);
            absolute += error;
            squared += error * error;
            points++;
            if (scale > 0) {
                scaled += error / scale;
                scaledPoints++;
            }
        }

        void add(Sum other) {
            absolute += other.absolute;
            squared += other.squared;
            scaled += other.scaled;
            scaledPoints += other.scaledPoints;
            points += other.points;
        }

        Metrics metrics() {
            return new Metrics(round(absolute / points), round(Math.sqrt(squared / points)),
                    scaledPoints == 0 ? null : Math.round(scaled / scaledPoints * 1000) / 1000.0, points);
        }

        boolean empty() {
            return points == 0;
        }

        private static double round(double seconds) {
            return Math.round(seconds * 100) / 100.0;
        }
    }

    /** Mean |y[t] - y[t - 7]| over the training prefix; 0 when it has under eight days. */
    static double seasonalScale(double[] y, int trainEnd) {
        double sum = 0;
        int count = 0;
        for (int t = Method.SEASON; t < trainEnd; t++) {
            sum += Math.abs(y[t] - y[t - Method.SEASON]);
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }
}
