package io.tiempocheck.features.categories;

import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.features.store.CategoryLookup;
import io.tiempocheck.features.store.DomainCategories;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CategoryRulesTest {

    @Test
    void aPersonsOverrideWinsForThemOnlyThenTheGlobalCategoryThenSinCategoria() {
        DomainCategories categories = new DomainCategories(Map.of("youtube.com", "Entretenimiento"),
                Map.of(1L, Map.of("youtube.com", "Ocio", "mi-blog.mx", "Idiomas")));
        assertEquals("Ocio", categories.of(1, "youtube.com"));
        assertEquals("Idiomas", categories.of(1, "mi-blog.mx"));
        assertEquals("Entretenimiento", categories.of(2, "youtube.com"));
        assertEquals(CategoryLookup.UNCATEGORIZED, categories.of(2, "mi-blog.mx"));
    }

    @Test
    void aNameIsTrimmedAndHoldsOneTo64Characters() {
        assertEquals("Idiomas", CategoryService.validName("  Idiomas "));
        assertEquals("ñ".repeat(64), CategoryService.validName("ñ".repeat(64)));
        for (String bad : new String[] {null, "", "   ", "x".repeat(65)}) {
            assertEquals("nombre", assertThrows(InvalidInputException.class, () -> CategoryService.validName(bad)).field());
        }
    }

    @Test
    void aDomainFollowsTheIngestRules() {
        assertEquals("youtube.com", CategoryService.validDomain("m.youtube.com"));
        assertEquals("bbc.co.uk", CategoryService.validDomain("news.bbc.co.uk"));
        for (String bad : new String[] {"localhost", "127.0.0.1", "", "no es un dominio"}) {
            assertEquals("dominio", assertThrows(InvalidInputException.class, () -> CategoryService.validDomain(bad)).field());
        }
    }
}
