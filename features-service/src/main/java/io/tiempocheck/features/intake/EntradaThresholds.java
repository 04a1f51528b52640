package io.tiempocheck.features.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.tiempocheck.features.quality.Thresholds;

/**
 * The thresholds of the entrada checks, under the qa_datos contract's keys
 * ({@code tiempocheck.features.quality.checks.<check>.amarillo} / {@code .rojo}), with each check's defaults.
 */
@ConfigMapping(prefix = "tiempocheck.features.quality.checks")
public interface EntradaThresholds {

    @WithName(IngestRejectionsCheck.ID)
    Rejected rejected();

    @WithName(ResentEventsCheck.ID)
    Resent resent();

    @WithName(OutOfRangeEventsCheck.ID)
    OutOfRange outOfRange();

    /** Rejections (events, or whole batches) in the window: a few are a client's slip, a hundred a broken client. */
    interface Rejected {
        @WithDefault("10")
        double amarillo();

        @WithDefault("100")
        double rojo();

        default Thresholds thresholds() {
            return new Thresholds(amarillo(), rojo());
        }
    }

    /** Copies of stored events sent again: retries over a poor network are normal, a loop resending is not. */
    interface Resent {
        @WithDefault("50")
        double amarillo();

        @WithDefault("500")
        double rojo();

        default Thresholds thresholds() {
            return new Thresholds(amarillo(), rojo());
        }
    }

    /** Accepted events from the future or long past: a wrong device clock, or an import of old history. */
    interface OutOfRange {
        @WithDefault("10")
        double amarillo();

        @WithDefault("100")
        double rojo();

        default Thresholds thresholds() {
            return new Thresholds(amarillo(), rojo());
        }
    }
}
