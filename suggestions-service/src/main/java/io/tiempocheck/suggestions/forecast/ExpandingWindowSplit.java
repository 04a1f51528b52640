package io.tiempocheck.suggestions.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Time-series folds over one series: each fold trains on every day before its test block and
 * tests on the next {@code horizon} days, the last fold ending on the last day. Training sets
 * only grow (an expanding window) and never reach into their own test block.
 */
public final class ExpandingWindowSplit {

    public static final int HORIZON = 7;
    public static final int MAX_FOLDS = 4;
    /** Four weeks of training at least: two to start Holt-Winters' season, two to choose its smoothing. */
    public static final int MIN_TRAIN = 28;

    private ExpandingWindowSplit() {
    }

    /** A fold: train on [0, trainEnd), test on [trainEnd, trainEnd + horizon). */
    public record Fold(int trainEnd, int testEnd) {
    }

    /** Oldest fold first; empty when the series is too short for even one. */
    public static List<Fold> folds(int length) {
        List<Fold> folds = new ArrayList<>();
        for (int k = MAX_FOLDS; k >= 1; k--) {
            int trainEnd = length - k * HORIZON;
            if (trainEnd >= MIN_TRAIN) {
                folds.add(new Fold(trainEnd, trainEnd + HORIZON));
            }
        }
        return folds;
    }
}
