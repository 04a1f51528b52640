package io.tiempocheck.suggestions.forecast;

import com.fasterxml.jackson.annotation.JsonValue;

/** The forecasting methods: three baselines and one model, each fitted on a training prefix only. */
public enum Method {
    /** Tomorrow and every later day as the last day. */
    ULTIMO_VALOR(true) {
        @Override
        double[] forecast(double[] history, int horizon) {
            double[] out = new double[horizon];
            java.util.Arrays.fill(out, history[history.length - 1]);
            return out;
        }
    },
    /** The same weekday a week earlier. */
    INGENUO_ESTACIONAL(true) {
        @Override
        double[] forecast(double[] history, int horizon) {
            double[] out = new double[horizon];
            int n = history.length;
            for (int h = 0; h < horizon; h++) {
                out[h] = n >= SEASON ? history[n - SEASON + h % SEASON] : history[n - 1];
            }
            return out;
        }
    },
    /** The mean of the last seven days. */
    MEDIA_MOVIL_7(true) {
        @Override
        double[] forecast(double[] history, int horizon) {
            int n = history.length;
            int from = Math.max(0, n - SEASON);
            double sum = 0;
            for (int i = from; i < n; i++) {
                sum += history[i];
            }
            double[] out = new double[horizon];
            java.util.Arrays.fill(out, sum / (n - from));
            return out;
        }
    },
    /** Additive Holt-Winters with a weekly season, its smoothing chosen on the training data. */
    HOLT_WINTERS(false) {
        @Override
        double[] forecast(double[] history, int horizon) {
            return HoltWinters.fit(history).forecast(horizon);
        }
    };

    public static final int SEASON = 7;

    private final boolean baseline;

    Method(boolean baseline) {
        this.baseline = baseline;
    }

    public boolean baseline() {
        return baseline;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase();
    }

    /** @param history at least one day */
    abstract double[] forecast(double[] history, int horizon);
}
