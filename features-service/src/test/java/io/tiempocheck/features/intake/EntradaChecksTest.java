package io.tiempocheck.features.intake;

import io.tiempocheck.features.intake.EntradaSql.AnomalySums;
import io.tiempocheck.features.intake.EntradaSql.RejectionSums;
import io.tiempocheck.features.quality.CheckResult;
import io.tiempocheck.features.quality.CheckState;
import io.tiempocheck.features.quality.Thresholds;
import io.tiempocheck.features.testing.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entrada checks over rows on the real MariaDB/MySQL: the window, the sums, the lights and the sentences. */
class EntradaChecksTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:20:00Z");
    private static final Instant SINCE = Instant.parse("2026-12-03T09:00:00Z");

    private static MigratedDatabase database;
    private final EntradaSql sql = new EntradaSql();

    @BeforeAll
    static void plantRows() throws SQLException {
        database = new MigratedDatabase("entrada");
        try (Connection connection = database.transaction(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO rechazos_ingesta (hora, usuario_id, motivo, cantidad) VALUES"
                    + " ('2026-12-03 08:00:00', 1, 'dominio', 1000),"   // before the window
                    + " ('2026-12-03 09:00:00', 1, 'fecha_hora', 70),"
                    + " ('2026-12-03 10:00:00', 1, 'fecha_hora', 50),"
                    + " ('2026-12-03 10:00:00', 2, 'tiempo', 5),"
                    + " ('2026-12-03 10:00:00', 3, 'lote_invalido', 1)");
            statement.executeUpdate("INSERT INTO entrada_anomalias (hora, usuario_id, duplicados, futuros, antiguos) VALUES"
                    + " ('2026-12-03 08:00:00', 1, 900, 900, 900),"
                    + " ('2026-12-03 09:00:00', 4, 40, 0, 3),"
                    + " ('2026-12-03 10:00:00', 5, 20, 8, 0),"
                    + " ('2026-12-03 10:00:00', 6, 0, 0, 0)");
            connection.commit();
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        database.close();
    }

    @Test
    void rejectionsOfTheHourInProgressAndTheOneBeforeTurnRedPastTheThreshold() throws SQLException {
        assertEquals(SINCE, EntradaWindow.since(NOW));
        RejectionSums sums;
        try (Connection connection = database.transaction()) {
            sums = sql.rejections(connection, SINCE, 10);
        }
        CheckResult result = IngestRejectionsCheck.judge(sums, SINCE, new Thresholds(10, 100));
        assertEquals(CheckState.ROJO, result.estado());
        assertEquals(126, result.valor());
        assertEquals("entrada", result.grupo());
        assertEquals(Map.of("fecha_hora", 120L, "tiempo", 5L, "lote_invalido", 1L), result.detalle().get("por_motivo"));
        assertEquals(List.of(Map.of("usuario_id", 1L, "cantidad", 120L), Map.of("usuario_id", 2L, "cantidad", 5L),
                Map.of("usuario_id", 3L, "cantidad", 1L)), result.detalle().get("por_usuario"));
        assertEquals("126 rechazos en la ingesta desde las 09:00 UTC, sobre todo por fecha_hora (120); el usuario con más es el 1 (120)."
                + " Esos datos no se guardan: compruebe el reloj y la zona horaria de los dispositivos de esos usuarios"
                + " (fechas sin desfase, del futuro o demasiado antiguas).", result.mensaje());

        assertEquals(CheckState.AMARILLO, IngestRejectionsCheck.judge(sums, SINCE, new Thresholds(100, 1000)).estado());
        CheckResult none = IngestRejectionsCheck.judge(new RejectionSums(0, Map.of(), List.of()), SINCE, new Thresholds(10, 100));
        assertEquals(CheckState.VERDE, none.estado());
        assertEquals("Ningún evento ni lote rechazado en la ingesta desde las 09:00 UTC.", none.mensaje());
    }

    @Test
    void resentAndOutOfRangeEventsAreSummedOverTheWindow() throws SQLException {
        AnomalySums sums;
        try (Connection connection = database.transaction()) {
            sums = sql.anomalies(connection, SINCE, 10);
        }
        CheckResult resent = ResentEventsCheck.judge(sums, SINCE, new Thresholds(50, 500));
        assertEquals(CheckState.AMARILLO, resent.estado());
        assertEquals(60, resent.valor());
        assertEquals(List.of(Map.of("usuario_id", 4L, "cantidad", 40L), Map.of("usuario_id", 5L, "cantidad", 20L)),
                resent.detalle().get("por_usuario"));
        assertTrue(resent.mensaje().startsWith("60 eventos llegaron otra vez con un event_id ya guardado desde las 09:00 UTC"), resent.mensaje());

        CheckResult outOfRange = OutOfRangeEventsCheck.judge(sums, SINCE, new Thresholds(10, 100), Duration.ofDays(30));
        assertEquals(CheckState.AMARILLO, outOfRange.estado());
        assertEquals(11, outOfRange.valor());
        assertEquals(8L, outOfRange.detalle().get("futuros"));
        assertEquals(3L, outOfRange.detalle().get("antiguos"));
        assertEquals(List.of(Map.of("usuario_id", 5L, "futuros", 8L, "antiguos", 0L), Map.of("usuario_id", 4L, "futuros", 0L, "antiguos", 3L)),
                outOfRange.detalle().get("por_usuario"));
        assertTrue(outOfRange.mensaje().contains("reloj del dispositivo adelantado"), outOfRange.mensaje());
    }
}
