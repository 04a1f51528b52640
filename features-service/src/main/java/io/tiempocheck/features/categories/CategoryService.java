package io.tiempocheck.features.categories;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.domain.DomainNormalizer;
import io.tiempocheck.common.domain.InvalidDomainException;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.QueryDates;
import io.tiempocheck.features.categories.CategoryViews.Category;
import io.tiempocheck.features.categories.CategoryViews.SiteCategory;
import io.tiempocheck.features.store.DayStateRepository;
import io.tiempocheck.features.store.FeatureScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;

/**
 * A person's categories and their overrides of a site's category. An override and the rewrite of the
 * person's whole history of that site commit together, under all of the person's day-state locks: the
 * consumer takes one of those first in every batch, so a batch of that person either committed before
 * (and its rows are rewritten here) or starts after and reads the new category. Nothing is ever written
 * with the old category once the override is answered.
 */
@ApplicationScoped
public class CategoryService {

    static final int MAX_NAME_LENGTH = 64;

    private final AgroalDataSource dataSource;
    private final CategorySql sql;
    private final DayStateRepository dayStates;

    public CategoryService(AgroalDataSource dataSource, CategorySql sql, DayStateRepository dayStates) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.dayStates = dayStates;
    }

    public List<Category> all(long userId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return sql.all(connection, userId);
        }
    }

    @Transactional(rollbackOn = Exception.class)
    public Category create(long userId, String requested) throws SQLException {
        String name = validName(requested);
        try (Connection connection = dataSource.getConnection()) {
            if (sql.find(connection, userId, name).isPresent()) {
                throw exists(name);
            }
            try {
                sql.create(connection, userId, name);
            } catch (SQLIntegrityConstraintViolationException e) {
                // The same name created twice at once: the primary key settles it, the second is told it exists.
                throw exists(name);
            }
            return new Category(name, true);
        }
    }

    @Transactional(rollbackOn = Exception.class)
    public SiteCategory override(long userId, String rawDomain, String requested) throws SQLException {
        String domain = validDomain(rawDomain);
        if (requested == null || requested.isBlank()) {
            throw new InvalidInputException("categoria", "indica el nombre de una categoría");
        }
        try (Connection connection = dataSource.getConnection()) {
            Category category = sql.find(connection, userId, requested.strip())
                    .orElseThrow(() -> CategoryRefused.unknownCategory(requested.strip()));
            lockHistory(connection, userId);
            sql.putOverride(connection, userId, domain, category.nombre());
            return recategorise(connection, userId, domain, category.nombre());
        }
    }

    /** Removes the override; the site's history goes back to its global category. */
    @Transactional(rollbackOn = Exception.class)
    public SiteCategory removeOverride(long userId, String rawDomain) throws SQLException {
        String domain = validDomain(rawDomain);
        try (Connection connection = dataSource.getConnection()) {
            lockHistory(connection, userId);
            if (!sql.removeOverride(connection, userId, domain)) {
                throw new CategoryRefused(404, "dominio", "no has cambiado la categoría de " + domain);
            }
            return recategorise(connection, userId, domain, sql.globalCategory(connection, domain));
        }
    }

    private void lockHistory(Connection connection, long userId) throws SQLException {
        dayStates.lock(connection, FeatureScope.ofUser(userId, QueryDates.FIRST, QueryDates.LAST));
    }

    private SiteCategory recategorise(Connection connection, long userId, String domain, String category) throws SQLException {
        long hourly = sql.recategorise(connection, "features_horarias", userId, domain, category);
        long daily = sql.recategorise(connection, "features_diarias", userId, domain, category);
        return new SiteCategory(domain, category, hourly, daily);
    }

    static String validName(String requested) {
        String name = requested == null ? "" : requested.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("nombre", "no puede estar vacío");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new InvalidInputException("nombre", "admite como máximo " + MAX_NAME_LENGTH + " caracteres");
        }
        return name;
    }

    static String validDomain(String raw) {
        try {
            return DomainNormalizer.normalize(raw);
        } catch (InvalidDomainException e) {
            throw new InvalidInputException("dominio", e.getMessage());
        }
    }

    private static CategoryRefused exists(String name) {
        return new CategoryRefused(409, "nombre", "ya existe la categoría " + name);
    }
}
