package io.tiempocheck.suggestions.forecast;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tiempocheck.suggestions.forecast")
public interface ForecastConfig {

    /** Days of history a series is built from (and backtested on), ending yesterday. */
    @WithDefault("182")
    int historyDays();
}
