package io.tiempocheck.features.recording;

import io.tiempocheck.common.event.UsageEvent;
import io.tiempocheck.features.store.HourSlots;

import java.time.ZoneId;

/**
 * A usage event and the seconds of it that count, by local hour slot: what {@code registro} stores of it.
 * The two travel together from the split to the insert, so no list of slots has to stay in step with a
 * list of events.
 */
public record SlottedEvent(UsageEvent event, HourSlots slots) {

    /** The event with all of its seconds counted. */
    public static SlottedEvent of(UsageEvent event) {
        return new SlottedEvent(event, HourSlots.of(event.fechaHora(), event.tiempo(), ZoneId.of(event.tz())));
    }

    /** The seconds sent that the slots do not count: its device had counted that time already. */
    public int trimmedSeconds() {
        return event.tiempo() - slots.total();
    }
}
