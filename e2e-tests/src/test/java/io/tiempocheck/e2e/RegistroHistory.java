package io.tiempocheck.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * Years of plausible usage written straight into registro, for the benchmarks that need a big history
 * (the consumer's own throughput is measured by the ingest benchmark): intervals of 30 s to 10 min
 * spread over the day, 30 domains, every user in Mexico City, whose offset has no DST, so the hour split
 * is plain arithmetic. MariaDB's sequence engine numbers the rows (a benchmark-only shortcut: MySQL has
 * no such engine).
 */
final class RegistroHistory {

    private static final int CHUNK = 500_000;

    private RegistroHistory() {
    }

    /**
     * {@code events} rows spread evenly over users {@code firstUser .. firstUser + users - 1} and
     * {@code days} days from {@code firstDay}; returns how many rows registro holds afterwards.
     */
    static long insert(Connection db, long firstUser, int users, long events, LocalDate firstDay, int days) throws SQLException {
        try (Statement statement = db.createStatement()) {
            // Rows come in primary-key order (user, day) with increasing ids, so both unique indexes only append.
            long perUser = events / users;
            for (long from = 0; from < events; from += CHUNK) {
                long to = Math.min(events, from + CHUNK) - 1;
                statement.executeUpdate("INSERT INTO registro (event_id, usuario_id, device_id, dominio, fecha_hora,"
                        + " fecha_hora_local, tz, tiempo, recibido_en, procesado_en, lote, schema_ver,"
                        + " dia, hora, segundos, dia_2, hora_2, segundos_2)"
                        + " SELECT id, u, 'bench', d, local + INTERVAL 6 HOUR, local, 'America/Mexico_City', t,"
                        + " local + INTERVAL 6 HOUR, local + INTERVAL 6 HOUR, 'bench', 1,"
                        + " DATE(local), HOUR(local), LEAST(t, 3600 - MINUTE(local) * 60 - SECOND(local)),"
                        + " IF(t > 3600 - MINUTE(local) * 60 - SECOND(local), DATE(local + INTERVAL 1 HOUR), NULL),"
                        + " IF(t > 3600 - MINUTE(local) * 60 - SECOND(local), HOUR(local + INTERVAL 1 HOUR), NULL),"
                        + " GREATEST(0, t - (3600 - MINUTE(local) * 60 - SECOND(local)))"
                        + " FROM (SELECT " + firstUser + " + n DIV " + perUser + " AS u,"
                        + "  CONCAT(LPAD(HEX(n), 8, '0'), '-0000-4000-8000-000000000000') AS id,"
                        + "  ELT(1 + (n * 7) % 30, 'youtube.com','github.com','wikipedia.org','netflix.com',"
                        + "   'facebook.com','instagram.com','x.com','reddit.com','stackoverflow.com','bbc.co.uk','nytimes.com',"
                        + "   'amazon.com','mercadolibre.com.mx','spotify.com','twitch.tv','linkedin.com','gmail.com','docs.google.com',"
                        + "   'notion.so','slack.com','zoom.us','coursera.org','khanacademy.org','duolingo.com','elpais.com',"
                        + "   'eluniversal.com.mx','tiktok.com','pinterest.com','medium.com','example.org') AS d,"
                        + "  TIMESTAMP('" + firstDay + "') + INTERVAL (n % " + perUser + ") * " + days + " DIV " + perUser + " DAY"
                        + "   + INTERVAL (n * 104729) % 86400 SECOND AS local,"
                        + "  30 + (n * 31) % 571 AS t"
                        // Signed: the sequence engine's numbers are unsigned, and the split subtracts.
                        + "  FROM (SELECT CAST(seq AS SIGNED) AS n FROM seq_" + from + "_to_" + to + ") q) g");
            }
            try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM registro")) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
