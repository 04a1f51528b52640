package io.tiempocheck.e2e;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Builds request bodies, and the usage they must produce computed the slow, obvious way: second by second. */
final class Events {

    private Events() {
    }

    static Map<String, Object> event(String domain, String start, int seconds) {
        return event(UUID.randomUUID().toString(), domain, start, seconds);
    }

    static Map<String, Object> event(String id, String domain, String start, int seconds) {
        return Map.of("event_id", id, "dominio", domain, "fecha_hora", start, "tiempo", seconds);
    }

    static Map<String, Object> batch(List<?> events) {
        return Map.of("eventos", events);
    }

    /** Key of an hourly aggregate row: user|day|hour|domain. */
    static String hourKey(long user, LocalDate day, int hour, String domain) {
        return user + "|" + day + "|" + hour + "|" + domain;
    }

    /** Adds the interval's seconds, one by one, to the local hours they fall in. */
    static void addSecondBySecond(Map<String, Long> usage, long user, String domain, OffsetDateTime start, int seconds, ZoneId zone) {
        for (int s = 0; s < seconds; s++) {
            var local = start.plusSeconds(s).atZoneSameInstant(zone);
            usage.merge(hourKey(user, local.toLocalDate(), local.getHour(), domain), 1L, Long::sum);
        }
    }

    static Map<String, Long> newUsage() {
        return new TreeMap<>();
    }
}
