package io.tiempocheck.features.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

@ApplicationScoped
public class CategoryRepository {

    public static final String UNCATEGORIZED = "Sin categoría";

    /** Category of each of the given domains; domains without one map to {@link #UNCATEGORIZED}. */
    public Map<String, String> categoriesOf(Connection connection, Collection<String> domains) throws SQLException {
        Map<String, String> result = new HashMap<>();
        if (domains.isEmpty()) {
            return result;
        }
        String placeholders = String.join(",", java.util.Collections.nCopies(domains.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT dc.dominio, c.nombre FROM dominio_categoria dc JOIN categorias c ON c.id = dc.categoria_id"
                        + " WHERE dc.dominio IN (" + placeholders + ")")) {
            int i = 1;
            for (String domain : domains) {
                statement.setString(i++, domain);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        for (String domain : domains) {
            result.putIfAbsent(domain, UNCATEGORIZED);
        }
        return result;
    }
}
