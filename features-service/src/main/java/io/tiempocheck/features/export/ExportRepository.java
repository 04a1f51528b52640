package io.tiempocheck.features.export;

import io.tiempocheck.features.store.FeatureScope;
import io.tiempocheck.features.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the aggregate tables for export, row by row, and checks them before anything is written. */
@ApplicationScoped
public class ExportRepository {

    public enum Table {
        HOURLY("features_horarias", List.of("usuario_id", "dia", "hora", "dominio", "categoria", "segundos", "schema_ver")),
        DAILY("features_diarias", List.of("usuario_id", "dia", "dominio", "categoria", "segundos", "schema_ver"));

        private final String name;
        private final List<String> columns;

        Table(String name, List<String> columns) {
            this.name = name;
            this.columns = columns;
        }

        public String tableName() {
            return name;
        }

        public List<String> columns() {
            return columns;
        }
    }

    /** Why the scope cannot be exported as it is: a list of problems, empty when it is sound. */
    public List<String> problems(Connection connection, FeatureScope scope) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (Table table : Table.values()) {
            long negative = count(connection, "SELECT COUNT(*) FROM " + table.tableName()
                    + " WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ? AND segundos < 0", scope);
            if (negative > 0) {
                problems.add(table.tableName() + ": " + negative + " filas con segundos negativos");
            }
        }
        long badHours = count(connection, "SELECT COUNT(*) FROM features_horarias"
                + " WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ? AND (hora < 0 OR hora > 23)", scope);
        if (badHours > 0) {
            problems.add("features_horarias: " + badHours + " filas con hora fuera de 0-23");
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT usuario_id, dia FROM ("
                + " SELECT usuario_id, dia, dominio, SUM(s) AS diferencia FROM ("
                + "  SELECT usuario_id, dia, dominio, segundos AS s FROM features_horarias"
                + "   WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ?"
                + "  UNION ALL SELECT usuario_id, dia, dominio, -segundos FROM features_diarias"
                + "   WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ?"
                + " ) x GROUP BY usuario_id, dia, dominio HAVING diferencia <> 0"
                + ") y GROUP BY usuario_id, dia ORDER BY usuario_id, dia LIMIT 20")) {
            Jdbc.bindScope(statement, 1, scope);
            Jdbc.bindScope(statement, 5, scope);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    problems.add("usuario " + rows.getLong(1) + ", día " + rows.getObject(2) + ": las horas y el total del día no coinciden");
                }
            }
        }
        return problems;
    }

    /** Writes the scope's rows of one table in primary key order (streamed, no sort); returns the number of rows. */
    public long write(Connection connection, Table table, FeatureScope scope, CSVPrinter out) throws SQLException, IOException {
        String columns = String.join(", ", table.columns());
        String order = table == Table.HOURLY ? "usuario_id, dia, dominio, hora" : "usuario_id, dia, dominio";
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + columns + " FROM " + table.tableName()
                + " WHERE usuario_id BETWEEN ? AND ? AND dia BETWEEN ? AND ? ORDER BY " + order,
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            Jdbc.bindScope(statement, 1, scope);
            statement.setFetchSize(Integer.MIN_VALUE);
            long count = 0;
            try (ResultSet rows = statement.executeQuery()) {
                int width = table.columns().size();
                Object[] record = new Object[width];
                while (rows.next()) {
                    for (int i = 0; i < width; i++) {
                        record[i] = rows.getString(i + 1);
                    }
                    out.printRecord(record);
                    count++;
                }
            }
            return count;
        }
    }

    private static long count(Connection connection, String sql, FeatureScope scope) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bindScope(statement, 1, scope);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
