package io.tiempocheck.features.categories;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.QueryDates;
import io.tiempocheck.features.categories.CategoryViews.GlobalCategories;
import io.tiempocheck.features.categories.CategoryViews.GlobalSiteCategory;
import io.tiempocheck.features.categories.CategoryViews.UncategorisedSites;
import io.tiempocheck.features.store.DayStateRepository;
import io.tiempocheck.features.store.FeatureScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The global site → category table. A change and the rewrite of every row that follows the global
 * category (the rows of users without an override of the domain) commit together, under every user's
 * day-state locks: the consumer takes one of those before it reads a category, so each batch either
 * committed before (its rows are rewritten here) or starts after and reads the new category. It holds
 * the whole feature store's writers for one set-based statement per table, which an operator's
 * occasional change can afford.
 */
@ApplicationScoped
public class GlobalCategoryService {

    private final AgroalDataSource dataSource;
    private final CategorySql sql;
    private final DayStateRepository dayStates;
    private final Clock clock;

    public GlobalCategoryService(AgroalDataSource dataSource, CategorySql sql, DayStateRepository dayStates, Clock clock) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.dayStates = dayStates;
        this.clock = clock;
    }

    public GlobalCategories all() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return new GlobalCategories(sql.globalNames(connection), sql.globalTable(connection));
        }
    }

    public UncategorisedSites uncategorised(int days, int top) throws SQLException {
        LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = to.minusDays(days - 1L);
        try (Connection connection = dataSource.getConnection()) {
            return new UncategorisedSites(from, to, sql.uncategorised(connection, from, to, top));
        }
    }

    @Transactional(rollbackOn = Exception.class)
    public GlobalSiteCategory assign(String rawDomain, String requested) throws SQLException {
        String domain = CategoryService.validDomain(rawDomain);
        if (requested == null || requested.isBlank()) {
            throw new InvalidInputException("categoria", "indica el nombre de una categoría");
        }
        try (Connection connection = dataSource.getConnection()) {
            String category = sql.findGlobal(connection, requested.strip())
                    .orElseThrow(() -> CategoryRefused.unknownCategory(requested.strip()));
            dayStates.lock(connection, FeatureScope.allUsers(QueryDates.FIRST, QueryDates.LAST));
            sql.putGlobal(connection, domain, category);
            long hourly = sql.recategoriseGlobal(connection, "features_horarias", domain, category);
            long daily = sql.recategoriseGlobal(connection, "features_diarias", domain, category);
            return new GlobalSiteCategory(domain, category, hourly, daily);
        }
    }
}
