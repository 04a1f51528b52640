package io.tiempocheck.alerts.limits;

import io.tiempocheck.alerts.config.AlertsConfig;
import io.tiempocheck.common.domain.DomainNormalizer;
import io.tiempocheck.common.domain.InvalidDomainException;
import io.tiempocheck.common.rest.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;

/** Turns a request into a limit that can fire, or refuses it naming the field and the reason. */
@ApplicationScoped
public class LimitValidator {

    static final int MAX_DAILY_SECONDS = 86_400;
    private static final List<Integer> EVERY_DAY = List.of(1, 2, 3, 4, 5, 6, 7);

    private final FeatureStoreReader featureStore;
    private final int defaultWarningPercent;

    public LimitValidator(FeatureStoreReader featureStore, AlertsConfig config) {
        this.featureStore = featureStore;
        this.defaultWarningPercent = config.evaluation().defaultWarningPercent();
    }

    public LimitDraft validate(long userId, LimitRequest request) throws SQLException {
        if (request == null) {
            throw new InvalidInputException(null, "falta el cuerpo con el límite");
        }
        boolean hasCategory = request.category() != null && !request.category().isBlank();
        boolean hasDomain = request.domain() != null && !request.domain().isBlank();
        if (hasCategory == hasDomain) {
            throw hasCategory
                    ? new InvalidInputException("dominio", "indica una categoria o un dominio, no ambos")
                    : new InvalidInputException("categoria", "indica una categoria o un dominio");
        }
        String category = hasCategory ? category(userId, request.category().strip()) : null;
        String domain = hasDomain ? domain(request.domain()) : null;
        if (request.dailySeconds() == null) {
            throw new InvalidInputException("segundos_diarios", "falta");
        }
        if (request.dailySeconds() < 1 || request.dailySeconds() > MAX_DAILY_SECONDS) {
            throw new InvalidInputException("segundos_diarios", "debe estar entre 1 y " + MAX_DAILY_SECONDS + " segundos");
        }
        int warning = request.warningPercent() == null ? defaultWarningPercent : request.warningPercent();
        if (warning < 1 || warning > 99) {
            throw new InvalidInputException("umbral_aviso", "debe ser un porcentaje entre 1 y 99");
        }
        return new LimitDraft(category, domain, request.dailySeconds(), warning, weekdays(request.weekdays()),
                request.active() == null || request.active());
    }

    private String category(long userId, String name) throws SQLException {
        return featureStore.canonicalCategory(userId, name).orElseThrow(() -> new InvalidInputException("categoria",
                "categoría desconocida: " + name + " (existen: " + String.join(", ", namesOrNothing(userId)) + ")"));
    }

    private List<String> namesOrNothing(long userId) {
        try {
            return featureStore.categoryNames(userId);
        } catch (SQLException e) {
            return List.of();
        }
    }

    private static String domain(String raw) {
        try {
            return DomainNormalizer.normalize(raw);
        } catch (InvalidDomainException e) {
            throw new InvalidInputException("dominio", e.getMessage());
        }
    }

    private static List<Integer> weekdays(List<Integer> requested) {
        if (requested == null || requested.isEmpty()) {
            return EVERY_DAY;
        }
        if (requested.size() > EVERY_DAY.size()) {
            throw new InvalidInputException("dias_semana", "como máximo " + EVERY_DAY.size() + " días, cada uno una vez");
        }
        TreeSet<Integer> days = new TreeSet<>();
        for (Integer day : requested) {
            if (day == null || day < 1 || day > 7) {
                throw new InvalidInputException("dias_semana", "cada día debe ser un número de 1 (lunes) a 7 (domingo)");
            }
            days.add(day);
        }
        return List.copyOf(days);
    }
}
