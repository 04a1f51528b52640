package io.tiempocheck.features.categories;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;

/** What the categories API reads and answers; field names are the dashboard's contract. */
public final class CategoryViews {

    private CategoryViews() {
    }

    public record Category(String nombre, boolean propia) {
    }

    public record CategoryList(List<Category> categorias) {
    }

    public record NewCategory(String nombre) {
    }

    public record SiteCategoryRequest(String categoria) {
    }

    /** A site's category after an override or its removal, and how many of the person's rows were rewritten. */
    public record SiteCategory(String dominio, String categoria,
            @JsonProperty("filas_horarias") long filasHorarias,
            @JsonProperty("filas_diarias") long filasDiarias) {
    }

    /** The global categories (the names a global assignment accepts) and the domains the global table holds. */
    public record GlobalCategories(List<String> categorias, List<DomainCategory> dominios) {
    }

    public record DomainCategory(String dominio, String categoria) {
    }

    /** Sites no global category covers, with the seconds spent on them while uncategorised and by how many users. */
    public record UncategorisedSites(LocalDate desde, LocalDate hasta, List<UncategorisedSite> sitios) {
    }

    public record UncategorisedSite(String dominio, long segundos, long usuarios) {
    }

    /** A domain's new global category and how many rows, over every user without an override, were rewritten. */
    public record GlobalSiteCategory(String dominio, String categoria,
            @JsonProperty("filas_horarias") long filasHorarias,
            @JsonProperty("filas_diarias") long filasDiarias) {
    }
}
