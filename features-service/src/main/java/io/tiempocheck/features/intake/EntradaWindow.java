package io.tiempocheck.features.intake;

import io.tiempocheck.features.intake.EntradaSql.UserCount;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the entrada checks share. Their rows are UTC hours, so "the last hour" is the hour in progress and the whole
 * hour before it: never less than an hour of data, at most two.
 */
final class EntradaWindow {

    static final String GROUP = "entrada";
    /** The users listed in a check's detalle. */
    static final int TOP_USERS = 10;

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private EntradaWindow() {
    }

    static Instant since(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
    }

    /** "09:00 UTC", for the sentences. */
    static String hour(Instant since) {
        return HOUR.format(since);
    }

    static List<Map<String, Object>> users(List<UserCount> users) {
        List<Map<String, Object>> listed = new ArrayList<>(users.size());
        for (UserCount user : users) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("usuario_id", user.userId());
            row.put("cantidad", user.count());
            listed.add(row);
        }
        return listed;
    }
}
