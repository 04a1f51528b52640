package io.tiempocheck.features.categories;

import com.fasterxml.jackson.annotation.JsonProperty;

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
}
