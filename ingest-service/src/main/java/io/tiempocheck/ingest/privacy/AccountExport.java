package io.tiempocheck.ingest.privacy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Writes all of a person's data as one JSON document, streamed row by row (the MySQL driver's
 * streaming result sets), so a user-year is never held in memory: the account and devices from
 * ingest's schema, then {@code registro}, {@code features_horarias}, {@code features_diarias} and the person's own
 * categories and category overrides from the feature store and {@code limites} and {@code alertas} from alerts-service's schema, both read
 * through read-only datasources as alerts-service reads the feature store. Each table is a list of
 * objects whose keys are its column names. Password hashes are never exported.
 */
@ApplicationScoped
public class AccountExport {

    public static final String FORMAT = "tiempocheck.exportacion.v1";

    private record Part(String name, AgroalDataSource source, String sql) {
    }

    private final List<Part> parts;
    private final JsonFactory json = new JsonFactory();
    private final Clock clock;

    public AccountExport(AgroalDataSource ingest, @DataSource("features") AgroalDataSource features,
            @DataSource("alerts") AgroalDataSource alerts, Clock clock) {
        this.clock = clock;
        this.parts = List.of(
                new Part("cuenta", ingest, "SELECT id AS usuario_id, usuario, nombre, tz, activo, creado_en FROM usuarios WHERE id = ?"),
                new Part("dispositivos", ingest, "SELECT id AS device_id, nombre, creado_en, visto_en, revocado_en FROM dispositivos"
                        + " WHERE usuario_id = ? ORDER BY creado_en"),
                new Part("registro", features, "SELECT event_id, device_id, dominio, fecha_hora, fecha_hora_local, tz, tiempo, recibido_en"
                        + " FROM registro WHERE usuario_id = ? ORDER BY fecha_hora, event_id"),
                new Part("features_horarias", features, "SELECT * FROM features_horarias WHERE usuario_id = ? ORDER BY dia, hora, dominio"),
                new Part("features_diarias", features, "SELECT * FROM features_diarias WHERE usuario_id = ? ORDER BY dia, dominio"),
                new Part("categorias_usuario", features, "SELECT nombre, creada_en FROM categorias_usuario WHERE usuario_id = ? ORDER BY nombre"),
                new Part("dominio_categoria_usuario", features, "SELECT dominio, categoria, actualizado_en FROM dominio_categoria_usuario"
                        + " WHERE usuario_id = ? ORDER BY dominio"),
                new Part("limites", alerts, "SELECT * FROM limites WHERE usuario_id = ? ORDER BY id"),
                new Part("alertas", alerts, "SELECT * FROM alertas WHERE usuario_id = ? ORDER BY id"));
    }

    public void write(long userId, OutputStream out) {
        try (JsonGenerator writer = json.createGenerator(out, JsonEncoding.UTF8)) {
            writer.writeStartObject();
            writer.writeStringField("formato", FORMAT);
            writer.writeStringField("generado_en", clock.instant().toString());
            for (Part part : parts) {
                writer.writeArrayFieldStart(part.name());
                rows(part, userId, writer);
                writer.writeEndArray();
            }
            writer.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("export of user " + userId + " failed", e);
        }
    }

    private static void rows(Part part, long userId, JsonGenerator writer) throws SQLException, IOException {
        try (Connection connection = part.source().getConnection();
             PreparedStatement select = connection.prepareStatement(part.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            // The MySQL driver's signal to stream the rows instead of reading them all first.
            select.setFetchSize(Integer.MIN_VALUE);
            select.setLong(1, userId);
            try (ResultSet rows = select.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                while (rows.next()) {
                    writer.writeStartObject();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        writer.writeFieldName(columns.getColumnLabel(i));
                        Object value = rows.getObject(i);
                        if (value == null) {
                            writer.writeNull();
                        } else if (value instanceof Number number) {
                            writer.writeNumber(number.toString());
                        } else if (value instanceof Boolean bool) {
                            writer.writeBoolean(bool);
                        } else {
                            writer.writeString(value.toString());
                        }
                    }
                    writer.writeEndObject();
                }
            }
        }
    }
}
