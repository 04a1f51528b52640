package io.tiempocheck.features.store;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The category every aggregate row is written with, one rule for the consumer and for every rebuild:
 * the person's override of the domain ({@code dominio_categoria_usuario}), else the domain's global
 * category ({@code dominio_categoria}), else {@value #UNCATEGORIZED}.
 */
@ApplicationScoped
public class CategoryLookup {

    public static final String UNCATEGORIZED = "Sin categoría";

    /**
     * The category a rebuild gives each grouped row {@code g} (with {@code g.usuario_id}, {@code g.dominio}):
     * the same rule as {@link DomainCategories#of}, as scalar subqueries that MariaDB caches per outer value.
     */
    public static final String CATEGORY_OF_GROUP = "COALESCE("
            + "(SELECT du.categoria FROM dominio_categoria_usuario du WHERE du.usuario_id = g.usuario_id AND du.dominio = g.dominio),"
            + " (SELECT c.nombre FROM dominio_categoria dc JOIN categorias c ON c.id = dc.categoria_id WHERE dc.dominio = g.dominio),"
            + " '" + UNCATEGORIZED + "')";

    /** The categories of a consumer batch's (person, domain) pairs, two reads whatever the batch's size. */
    public DomainCategories categoriesOf(Connection connection, Map<Long, Set<String>> domainsByUser) throws SQLException {
        Set<String> domains = new HashSet<>();
        domainsByUser.values().forEach(domains::addAll);
        Map<String, String> global = new HashMap<>();
        Map<Long, Map<String, String>> overrides = new HashMap<>();
        if (domains.isEmpty()) {
            return new DomainCategories(global, overrides);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT dc.dominio, c.nombre FROM dominio_categoria dc JOIN categorias c ON c.id = dc.categoria_id"
                        + " WHERE dc.dominio IN (" + placeholders(domains.size()) + ")")) {
            int i = 1;
            for (String domain : domains) {
                statement.setString(i++, domain);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    global.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT usuario_id, dominio, categoria FROM dominio_categoria_usuario WHERE usuario_id IN ("
                        + placeholders(domainsByUser.size()) + ") AND dominio IN (" + placeholders(domains.size()) + ")")) {
            int i = 1;
            for (long user : domainsByUser.keySet()) {
                statement.setLong(i++, user);
            }
            for (String domain : domains) {
                statement.setString(i++, domain);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    overrides.computeIfAbsent(rows.getLong(1), u -> new HashMap<>()).put(rows.getString(2), rows.getString(3));
                }
            }
        }
        return new DomainCategories(global, overrides);
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
