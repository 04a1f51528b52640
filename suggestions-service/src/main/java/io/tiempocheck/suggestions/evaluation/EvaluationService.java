package io.tiempocheck.suggestions.evaluation;

import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.QueryDates;
import io.tiempocheck.suggestions.evaluation.PolicyEvaluator.NamedPolicy;
import io.tiempocheck.suggestions.policy.PolicyRequest;
import io.tiempocheck.suggestions.policy.PolicyValidator;
import io.tiempocheck.suggestions.store.FeatureStoreReader;
import io.tiempocheck.suggestions.store.LocalDays;
import io.tiempocheck.suggestions.store.UsageHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Runs a user's evaluation over one read of their history, and stores it. */
@ApplicationScoped
public class EvaluationService {

    static final int MAX_POLICIES = 5;
    static final int MAX_DAYS = 366;
    private static final int MAX_NAME_LENGTH = 64;

    private final FeatureStoreReader store;
    private final EvaluationRepository evaluations;
    private final LocalDays days;
    private final Clock clock;

    public EvaluationService(FeatureStoreReader store, EvaluationRepository evaluations, LocalDays days, Clock clock) {
        this.store = store;
        this.evaluations = evaluations;
        this.days = days;
        this.clock = clock;
    }

    public Evaluation evaluate(long userId, ZoneId zone, EvaluationRequest request) throws SQLException {
        LocalDate today = days.today(zone);
        // Body fields, not query parameters: a missing day is refused rather than defaulted, and each
        // refusal of the range names the end that breaks it (hasta: before desde, not yet over, too far).
        if (request.from() == null) {
            throw new InvalidInputException("desde", "falta: " + QueryDates.NOT_A_DATE);
        }
        if (request.to() == null) {
            throw new InvalidInputException("hasta", "falta: " + QueryDates.NOT_A_DATE);
        }
        LocalDate from = QueryDates.bounded("desde", request.from());
        LocalDate to = QueryDates.bounded("hasta", request.to());
        if (from.isAfter(to)) {
            throw new InvalidInputException("hasta", "debe ser igual o posterior a desde");
        }
        if (!to.isBefore(today)) {
            throw new InvalidInputException("hasta", "debe ser anterior a hoy (" + today + "): el día de hoy no ha terminado");
        }
        if (QueryDates.days(from, to) > MAX_DAYS) {
            throw new InvalidInputException("hasta", QueryDates.tooLong(MAX_DAYS));
        }
        List<NamedPolicy> policies = policies(request.policies());
        UsageHistory history = store.history(userId, from.minusDays(PolicyValidator.MAX_WINDOW), to);
        List<PolicyOutcome> outcomes = PolicyEvaluator.evaluate(policies, history, from, to);
        // Whole seconds: the driver sends a timestamp's fraction or not depending on its settings, and the
        // answer must be the one read back later.
        return evaluations.insert(userId, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS), from, to, outcomes);
    }

    public Evaluation get(long userId, long id) throws SQLException {
        return evaluations.find(userId, id).orElseThrow(() -> new NotFoundException("no existe la evaluación " + id));
    }

    private static List<NamedPolicy> policies(List<PolicyRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            throw new InvalidInputException("politicas", "se necesita al menos una política");
        }
        if (requests.size() > MAX_POLICIES) {
            throw new InvalidInputException("politicas", "a lo sumo " + MAX_POLICIES + " políticas por evaluación");
        }
        List<NamedPolicy> policies = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            PolicyRequest request = requests.get(i);
            String prefix = "politicas[" + i + "].";
            if (request == null) {
                throw new InvalidInputException("politicas[" + i + "]", "debe ser un objeto");
            }
            String name = request.name() == null || request.name().isBlank() ? "politica " + (i + 1) : request.name().strip();
            if (name.length() > MAX_NAME_LENGTH) {
                throw new InvalidInputException(prefix + "nombre", "a lo sumo " + MAX_NAME_LENGTH + " caracteres");
            }
            policies.add(new NamedPolicy(name, PolicyValidator.validate(request, prefix)));
        }
        return policies;
    }
}
