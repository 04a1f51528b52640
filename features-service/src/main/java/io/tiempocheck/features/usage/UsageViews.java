package io.tiempocheck.features.usage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the usage API answers. Field names are Spanish: they are the extension's and the dashboard's contract. */
public final class UsageViews {

    private UsageViews() {
    }

    public record DomainSeconds(String dominio, String categoria, long segundos) {
    }

    public record CategorySeconds(String categoria, long segundos) {
    }

    public record Hour(int hora, long segundos, Map<String, Long> categorias, List<DomainSeconds> dominios) {
    }

    public record HourlyUsage(LocalDate dia, String tz, long segundos, List<Hour> horas) {
    }

    public record Day(LocalDate dia, long segundos, Map<String, Long> categorias, List<DomainSeconds> dominios) {
    }

    public record DailyUsage(LocalDate desde, LocalDate hasta, String tz, long segundos, List<Day> dias) {
    }

    public record CategoryUsage(String rango, LocalDate desde, LocalDate hasta, long segundos, List<CategorySeconds> categorias) {
    }

    public record SiteUsage(String rango, LocalDate desde, LocalDate hasta, long segundos, List<DomainSeconds> sitios) {
    }
}
