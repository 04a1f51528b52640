package io.tiempocheck.suggestions.forecast;

import io.tiempocheck.suggestions.forecast.RefitRun.MethodSummary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The held-out figures of many series added up per method, and how often each was chosen. */
public final class BacktestSummary {

    private final List<Method> methods;
    private final Map<Method, Metrics.Sum> sums = new EnumMap<>(Method.class);
    private final Map<Method, Integer> chosen = new EnumMap<>(Method.class);
    private int series;

    public BacktestSummary(List<Method> methods) {
        this.methods = methods;
        methods.forEach(m -> {
            sums.put(m, new Metrics.Sum());
            chosen.put(m, 0);
        });
    }

    public void add(double[] y) {
        Backtest backtest = Backtest.run(y, methods);
        backtest.sums().forEach((method, sum) -> sums.get(method).add(sum));
        chosen.merge(backtest.chosen(), 1, Integer::sum);
        series++;
    }

    public int series() {
        return series;
    }

    public List<MethodSummary> methods() {
        List<MethodSummary> out = new ArrayList<>();
        for (Method method : methods) {
            Metrics.Sum sum = sums.get(method);
            out.add(new MethodSummary(method, sum.empty() ? null : sum.metrics(), chosen.get(method)));
        }
        return out;
    }
}
