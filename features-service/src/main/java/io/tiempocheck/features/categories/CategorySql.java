package io.tiempocheck.features.categories;

import io.tiempocheck.features.store.CategoryLookup;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the categories endpoints: the global list ({@code categorias}, {@code dominio_categoria}), each person's own
 * ({@code categorias_usuario}) and overrides ({@code dominio_categoria_usuario}), and the rewrite of a
 * person's aggregate rows of one domain. Every statement about a person binds their id.
 */
@ApplicationScoped
public class CategorySql {

    /** The global categories in the original's order with {@value CategoryLookup#UNCATEGORIZED} last, then the person's own by name. */
    public List<CategoryViews.Category> all(Connection connection, long userId) throws SQLException {
        List<CategoryViews.Category> categories = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT nombre FROM categorias ORDER BY nombre = '" + CategoryLookup.UNCATEGORIZED + "', id")) {
            collect(statement, false, categories);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT nombre FROM categorias_usuario WHERE usuario_id = ? ORDER BY nombre")) {
            statement.setLong(1, userId);
            collect(statement, true, categories);
        }
        return categories;
    }

    private static void collect(PreparedStatement statement, boolean own, List<CategoryViews.Category> categories)
            throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                categories.add(new CategoryViews.Category(rows.getString(1), own));
            }
        }
    }

    /** The category's stored name (the names compare case-insensitively), global or the person's own, if it exists. */
    public Optional<CategoryViews.Category> find(Connection connection, long userId, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT nombre, FALSE FROM categorias WHERE nombre = ?"
                        + " UNION ALL SELECT nombre, TRUE FROM categorias_usuario WHERE usuario_id = ? AND nombre = ?")) {
            statement.setString(1, name);
            statement.setLong(2, userId);
            statement.setString(3, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new CategoryViews.Category(rows.getString(1), rows.getBoolean(2))) : Optional.empty();
            }
        }
    }

    public void create(Connection connection, long userId, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO categorias_usuario (usuario_id, nombre) VALUES (?, ?)")) {
            statement.setLong(1, userId);
            statement.setString(2, name);
            statement.executeUpdate();
        }
    }

    /** The global category of a domain, {@link CategoryLookup#UNCATEGORIZED} when it has none. */
    public String globalCategory(Connection connection, String domain) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.nombre FROM dominio_categoria dc"
                + " JOIN categorias c ON c.id = dc.categoria_id WHERE dc.dominio = ?")) {
            statement.setString(1, domain);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : CategoryLookup.UNCATEGORIZED;
            }
        }
    }

    public void putOverride(Connection connection, long userId, String domain, String category) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO dominio_categoria_usuario (usuario_id, dominio, categoria) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE categoria = VALUES(categoria), actualizado_en = CURRENT_TIMESTAMP(3)")) {
            statement.setLong(1, userId);
            statement.setString(2, domain);
            statement.setString(3, category);
            statement.executeUpdate();
        }
    }

    /** Whether there was an override to remove. */
    public boolean removeOverride(Connection connection, long userId, String domain) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM dominio_categoria_usuario WHERE usuario_id = ? AND dominio = ?")) {
            statement.setLong(1, userId);
            statement.setString(2, domain);
            return statement.executeUpdate() > 0;
        }
    }

    /**
     * Gives every row of the person's domain in {@code table} the category, in one statement; answers the rows
     * of that domain (the driver counts matched rows, changed or not). {@code schema_ver} stays: the seconds are
     * those the definition computed, only the label changes. {@code actualizado_en} says the row was written.
     */
    public long recategorise(Connection connection, String table, long userId, String domain, String category)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + table
                + " SET categoria = ?, actualizado_en = CURRENT_TIMESTAMP(3) WHERE usuario_id = ? AND dominio = ?")) {
            statement.setString(1, category);
            statement.setLong(2, userId);
            statement.setString(3, domain);
            return statement.executeUpdate();
        }
    }

    /** The global categories' names, as {@link #all} orders them. */
    public List<String> globalNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT nombre FROM categorias ORDER BY nombre = '" + CategoryLookup.UNCATEGORIZED + "', id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    public List<CategoryViews.DomainCategory> globalTable(Connection connection) throws SQLException {
        List<CategoryViews.DomainCategory> table = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT dc.dominio, c.nombre FROM dominio_categoria dc"
                + " JOIN categorias c ON c.id = dc.categoria_id ORDER BY dc.dominio");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                table.add(new CategoryViews.DomainCategory(rows.getString(1), rows.getString(2)));
            }
        }
        return table;
    }

    /** A global category's stored name (names compare case-insensitively); a person's own categories do not count. */
    public Optional<String> findGlobal(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT nombre FROM categorias WHERE nombre = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * The time still labelled {@value CategoryLookup#UNCATEGORIZED} on days {@code from..to}, per domain the global
     * table does not hold, most seconds first (a person's own label of a site is theirs and is not counted).
     */
    public List<CategoryViews.UncategorisedSite> uncategorised(Connection connection, LocalDate from, LocalDate to, int top)
            throws SQLException {
        List<CategoryViews.UncategorisedSite> sites = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT d.dominio, SUM(d.segundos),"
                + " COUNT(DISTINCT d.usuario_id) FROM features_diarias d"
                + " WHERE d.dia BETWEEN ? AND ? AND d.categoria = '" + CategoryLookup.UNCATEGORIZED + "'"
                + " AND NOT EXISTS (SELECT 1 FROM dominio_categoria dc WHERE dc.dominio = d.dominio)"
                + " GROUP BY d.dominio ORDER BY SUM(d.segundos) DESC, d.dominio LIMIT ?")) {
            statement.setObject(1, from);
            statement.setObject(2, to);
            statement.setInt(3, top);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sites.add(new CategoryViews.UncategorisedSite(rows.getString(1), rows.getLong(2), rows.getLong(3)));
                }
            }
        }
        return sites;
    }

    public void putGlobal(Connection connection, String domain, String category) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO dominio_categoria (dominio, categoria_id)"
                + " SELECT ?, id FROM categorias WHERE nombre = ? ON DUPLICATE KEY UPDATE categoria_id = VALUES(categoria_id)")) {
            statement.setString(1, domain);
            statement.setString(2, category);
            statement.executeUpdate();
        }
    }

    /**
     * Gives the domain's rows in {@code table} the global category, for every user without an override of it, in one
     * statement; answers the rows matched, as {@link #recategorise} does. The same rule as
     * {@link CategoryLookup#CATEGORY_OF_GROUP}: an override always wins over the global table.
     */
    public long recategoriseGlobal(Connection connection, String table, String domain, String category) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + table + " t"
                + " SET t.categoria = ?, t.actualizado_en = CURRENT_TIMESTAMP(3) WHERE t.dominio = ?"
                + " AND NOT EXISTS (SELECT 1 FROM dominio_categoria_usuario du"
                + " WHERE du.usuario_id = t.usuario_id AND du.dominio = t.dominio)")) {
            statement.setString(1, category);
            statement.setString(2, domain);
            return statement.executeUpdate();
        }
    }
}
