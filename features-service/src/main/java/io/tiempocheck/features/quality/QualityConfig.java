package io.tiempocheck.features.quality;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The data-quality checks' settings. Each check has its thresholds in code; an operator overrides
 * them per check with {@code tiempocheck.features.quality.checks.<check>.amarillo} and {@code .rojo}.
 */
@ConfigMapping(prefix = "tiempocheck.features.quality")
public interface QualityConfig {

    /** Every how often the qa_datos job runs (a Quarkus duration such as 5m, or "off"); read by FeatureJobs' schedule. */
    @WithDefault("5m")
    String every();

    /** Runs (and their results) older than this are deleted by the job. */
    @WithDefault("P30D")
    Duration retention();

    /** Overrides of the thresholds in code, by check id. */
    Map<String, Limits> checks();

    /** Days back (from today, UTC) that qa_deltas compares hours, day and registro: as /features_qa by default. */
    @WithDefault("7")
    int qaWindowDays();

    /** Days back that the plausibility checks (user-days over 24 h, user-hours over 3,600 s) look at. */
    @WithDefault("14")
    int plausibilityWindowDays();

    /** How long without a single event makes a usual sender silent. */
    @WithDefault("PT1H")
    Duration silenceWindow();

    /** Of the last four same weekdays, on how many a user must have sent in this hour to count as a usual sender. */
    @WithDefault("3")
    int usualSenderWeeks();

    /** Days of a site's own history that sitios_inusuales compares today with. */
    @WithDefault("28")
    int unusualHistoryDays();

    /** Standard deviations above its mean that make a site's day unusual. */
    @WithDefault("3")
    double unusualSigmas();

    /** Seconds a site must have today to be unusual at all: a site seldom used is not an alarm at ten minutes. */
    @WithDefault("7200")
    long unusualFloorSeconds();

    /** Days back that sin_categoria measures. */
    @WithDefault("7")
    int coverageDays();

    /** Users, days or sites a check lists in its detalle at most. */
    @WithDefault("20")
    int detailLimit();

    interface Limits {
        OptionalDouble amarillo();

        OptionalDouble rojo();
    }

    /** The check's thresholds: the configured ones where set, the check's own defaults otherwise. */
    default Thresholds thresholds(String check, Thresholds defaults) {
        Limits limits = checks().get(check);
        if (limits == null) {
            return defaults;
        }
        return new Thresholds(limits.amarillo().orElse(defaults.amarillo()), limits.rojo().orElse(defaults.rojo()));
    }
}
