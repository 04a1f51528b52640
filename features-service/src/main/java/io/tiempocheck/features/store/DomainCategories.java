package io.tiempocheck.features.store;

import java.util.Map;

/**
 * The category of each (person, domain) of a consumer batch: the person's override when there is one,
 * else the global category, else {@link CategoryLookup#UNCATEGORIZED}.
 *
 * @param global    the global category of each domain of the batch that has one
 * @param overrides per person, their overrides among the batch's domains
 */
public record DomainCategories(Map<String, String> global, Map<Long, Map<String, String>> overrides) {

    public String of(long userId, String domain) {
        String own = overrides.getOrDefault(userId, Map.of()).get(domain);
        if (own != null) {
            return own;
        }
        return global.getOrDefault(domain, CategoryLookup.UNCATEGORIZED);
    }
}
