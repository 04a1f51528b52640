package io.tiempocheck.suggestions.suggestion;

import io.tiempocheck.suggestions.policy.Policy;
import io.tiempocheck.suggestions.policy.PolicyRepository;
import io.tiempocheck.suggestions.store.FeatureStoreReader;
import io.tiempocheck.suggestions.store.LocalDays;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Today's suggestions of a user: their policy over their window of the feature store. */
@ApplicationScoped
public class SuggestionService {

    private final PolicyRepository policies;
    private final FeatureStoreReader store;
    private final LocalDays days;

    public SuggestionService(PolicyRepository policies, FeatureStoreReader store, LocalDays days) {
        this.policies = policies;
        this.store = store;
        this.days = days;
    }

    public List<SuggestionDetail> today(long userId, ZoneId zone) throws SQLException {
        Policy policy = policies.find(userId).orElseGet(Policy::defaults);
        LocalDate today = days.today(zone);
        return SuggestionRule.suggest(policy, store.history(userId, today.minusDays(policy.windowDays()), today.minusDays(1)), today);
    }
}
