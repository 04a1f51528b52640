package io.tiempocheck.features.usage;

import io.tiempocheck.features.config.FeaturesConfig;
import io.tiempocheck.features.usage.UsageViews.CategorySeconds;
import io.tiempocheck.features.usage.UsageViews.CategoryUsage;
import io.tiempocheck.features.usage.UsageViews.DailyUsage;
import io.tiempocheck.features.usage.UsageViews.Day;
import io.tiempocheck.features.usage.UsageViews.DomainSeconds;
import io.tiempocheck.features.usage.UsageViews.Hour;
import io.tiempocheck.features.usage.UsageViews.HourlyUsage;
import io.tiempocheck.features.usage.UsageViews.SiteUsage;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

@ApplicationScoped
public class UsageQueryService {

    private final UsageQueryRepository repository;
    private final FeaturesConfig.Query config;

    public UsageQueryService(UsageQueryRepository repository, FeaturesConfig config) {
        this.repository = repository;
        this.config = config.query();
    }

    /** All 24 hours of a local day, empty ones included, so a chart needs no gap filling. */
    public HourlyUsage hourly(long userId, ZoneId zone, LocalDate day) throws SQLException {
        Map<Integer, List<UsageRow>> byHour = repository.hourly(userId, day).stream()
                .collect(Collectors.groupingBy(UsageRow::hour));
        List<Hour> hours = new ArrayList<>(24);
        for (int hour = 0; hour < 24; hour++) {
            List<UsageRow> rows = byHour.getOrDefault(hour, List.of());
            hours.add(new Hour(hour, total(rows), byCategory(rows), topDomains(rows)));
        }
        return new HourlyUsage(day, zone.getId(), hours.stream().mapToLong(Hour::segundos).sum(), hours);
    }

    /** {@code withDomains} false leaves each day's domain list empty (a chart of categories over a long range). */
    public DailyUsage daily(long userId, ZoneId zone, LocalDate from, LocalDate to, boolean withDomains) throws SQLException {
        Map<LocalDate, List<UsageRow>> byDay = repository.daily(userId, from, to).stream()
                .collect(Collectors.groupingBy(UsageRow::day, TreeMap::new, Collectors.toList()));
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            List<UsageRow> rows = byDay.getOrDefault(day, List.of());
            days.add(new Day(day, total(rows), byCategory(rows), withDomains ? topDomains(rows) : List.of()));
        }
        return new DailyUsage(from, to, zone.getId(), days.stream().mapToLong(Day::segundos).sum(), days);
    }

    public CategoryUsage categories(long userId, UsageWindow window) throws SQLException {
        List<CategorySeconds> categories = repository.byCategory(userId, window.from(), window.to()).stream()
                .map(row -> new CategorySeconds(row.category(), row.seconds())).toList();
        long total = categories.stream().mapToLong(CategorySeconds::segundos).sum();
        return new CategoryUsage(window.rango(), window.from(), window.to(), total, categories);
    }

    /** The {@code top} most used sites of the window; {@code segundos} is the whole window's total, not the top's. */
    public SiteUsage sites(long userId, UsageWindow window, int top) throws SQLException {
        List<UsageRow> rows = repository.byDomain(userId, window.from(), window.to());
        List<DomainSeconds> sites = rows.stream().limit(top)
                .map(row -> new DomainSeconds(row.domain(), row.category(), row.seconds())).toList();
        return new SiteUsage(window.rango(), window.from(), window.to(), total(rows), sites);
    }

    public int maxRangeDays() {
        return config.maxRangeDays();
    }

    private static long total(List<UsageRow> rows) {
        return rows.stream().mapToLong(UsageRow::seconds).sum();
    }

    private static Map<String, Long> byCategory(List<UsageRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(UsageRow::category, TreeMap::new, Collectors.summingLong(UsageRow::seconds)));
    }

    private List<DomainSeconds> topDomains(List<UsageRow> rows) {
        return rows.stream()
                .sorted(Comparator.comparingLong(UsageRow::seconds).reversed().thenComparing(UsageRow::domain))
                .limit(config.topDomains())
                .map(row -> new DomainSeconds(row.domain(), row.category(), row.seconds()))
                .toList();
    }
}
