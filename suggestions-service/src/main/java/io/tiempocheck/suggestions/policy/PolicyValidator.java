package io.tiempocheck.suggestions.policy;

import io.tiempocheck.common.rest.InvalidInputException;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Turns a sent policy into a complete one over the defaults, or refuses it naming the field. */
public final class PolicyValidator {

    public static final int MIN_WINDOW = 7;
    public static final int MAX_WINDOW = 56;
    private static final BigDecimal MIN_MULTIPLIER = new BigDecimal("0.10");
    private static final BigDecimal MAX_MULTIPLIER = new BigDecimal("3.00");
    private static final long MIN_CAP = 60;
    private static final long MAX_CAP = 86_400;
    private static final int MAX_CATEGORY_LENGTH = 64;

    private PolicyValidator() {
    }

    /** @param prefix the field path of the policy in its request ("" or "politicas[1].") */
    public static Policy validate(PolicyRequest request, String prefix) {
        Policy defaults = Policy.defaults();
        int window = defaults.windowDays();
        if (request.windowDays() != null) {
            window = request.windowDays();
            if (window < MIN_WINDOW || window > MAX_WINDOW) {
                throw new InvalidInputException(prefix + "ventana_dias", "debe estar entre " + MIN_WINDOW + " y " + MAX_WINDOW + " días");
            }
        }
        BaseStatistic base = defaults.base();
        if (request.base() != null) {
            base = BaseStatistic.of(request.base()).orElseThrow(() ->
                    new InvalidInputException(prefix + "base", "debe ser media, mediana o p75"));
        }
        SortedMap<String, Long> caps = new TreeMap<>(defaults.caps());
        if (request.caps() != null) {
            for (Map.Entry<String, Long> cap : request.caps().entrySet()) {
                String category = cap.getKey().strip();
                String field = prefix + "topes." + cap.getKey();
                if (category.isEmpty() || category.length() > MAX_CATEGORY_LENGTH) {
                    throw new InvalidInputException(field, "el nombre de la categoría debe tener de 1 a " + MAX_CATEGORY_LENGTH + " caracteres");
                }
                if (cap.getValue() == null) {
                    caps.remove(category);
                } else if (cap.getValue() < MIN_CAP || cap.getValue() > MAX_CAP) {
                    throw new InvalidInputException(field, "el tope debe estar entre " + MIN_CAP + " y " + MAX_CAP + " segundos");
                } else {
                    caps.put(category, cap.getValue());
                }
            }
        }
        return new Policy(window, base,
                multiplier(request.limitMultiplier(), defaults.limitMultiplier(), prefix + "multiplicador_limite"),
                multiplier(request.goalMultiplier(), defaults.goalMultiplier(), prefix + "multiplicador_meta"),
                multiplier(request.otherMultiplier(), defaults.otherMultiplier(), prefix + "multiplicador_otras"),
                caps);
    }

    private static BigDecimal multiplier(BigDecimal sent, BigDecimal fallback, String field) {
        if (sent == null) {
            return fallback;
        }
        if (sent.compareTo(MIN_MULTIPLIER) < 0 || sent.compareTo(MAX_MULTIPLIER) > 0) {
            throw new InvalidInputException(field, "debe estar entre 0,10 y 3,00");
        }
        if (sent.stripTrailingZeros().scale() > 3) {
            throw new InvalidInputException(field, "admite a lo sumo 3 decimales");
        }
        return sent.scale() < 2 ? sent.setScale(2) : sent;
    }
}
