package io.tiempocheck.suggestions.forecast;

/**
 * Additive Holt-Winters (level, trend, weekly season). Hand-written: Smile, the one Java library
 * found with it, is GPL, and Tribuo has no exponential smoothing. Level and season start from the
 * first two weeks; the smoothing constants are the grid point with the least one-step squared
 * error on the series it is fitted to, which in a backtest is the training prefix only.
 */
final class HoltWinters {

    private static final double[] ALPHAS = {0.1, 0.3, 0.5, 0.8};
    private static final double[] BETAS = {0.0, 0.05, 0.2};
    private static final double[] GAMMAS = {0.05, 0.2, 0.5};
    private static final int M = Method.SEASON;

    private final double level;
    private final double trend;
    private final double[] season;
    private final int next;

    private HoltWinters(double level, double trend, double[] season, int next) {
        this.level = level;
        this.trend = trend;
        this.season = season;
        this.next = next;
    }

    /** Too short a series (under two weeks) falls back to its mean: no season can be told from noise. */
    static HoltWinters fit(double[] y) {
        if (y.length < 2 * M) {
            double mean = java.util.Arrays.stream(y).average().orElse(0);
            return new HoltWinters(mean, 0, new double[M], y.length);
        }
        HoltWinters best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (double alpha : ALPHAS) {
            for (double beta : BETAS) {
                for (double gamma : GAMMAS) {
                    double[] error = new double[1];
                    HoltWinters fitted = run(y, alpha, beta, gamma, error);
                    if (error[0] < bestError) {
                        bestError = error[0];
                        best = fitted;
                    }
                }
            }
        }
        return best;
    }

    private static HoltWinters run(double[] y, double alpha, double beta, double gamma, double[] sse) {
        double first = 0;
        double second = 0;
        for (int i = 0; i < M; i++) {
            first += y[i];
            second += y[M + i];
        }
        first /= M;
        second /= M;
        double level = first;
        double trend = (second - first) / M;
        double[] season = new double[M];
        for (int i = 0; i < M; i++) {
            season[i] = y[i] - first;
        }
        for (int t = M; t < y.length; t++) {
            int s = t % M;
            double predicted = level + trend + season[s];
            sse[0] += (y[t] - predicted) * (y[t] - predicted);
            double previousLevel = level;
            level = alpha * (y[t] - season[s]) + (1 - alpha) * (level + trend);
            trend = beta * (level - previousLevel) + (1 - beta) * trend;
            season[s] = gamma * (y[t] - level) + (1 - gamma) * season[s];
        }
        return new HoltWinters(level, trend, season, y.length);
    }

    double[] forecast(int horizon) {
        double[] out = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            out[h] = level + (h + 1) * trend + season[(next + h) % M];
        }
        return out;
    }
}
