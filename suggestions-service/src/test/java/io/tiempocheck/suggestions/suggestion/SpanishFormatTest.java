package io.tiempocheck.suggestions.suggestion;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpanishFormatTest {

    @ParameterizedTest
    @CsvSource({"0,0 min", "45,45 s", "60,1 min", "5640,1 h 34 min", "7200,2 h", "3605,1 h 5 s", "5170,1 h 26 min 10 s", "100800,28 h"})
    void durationsReadAsAPersonSaysThem(long seconds, String text) {
        assertEquals(text, SpanishFormat.duration(seconds));
    }

    @ParameterizedTest
    @CsvSource({"0.9,'0,90'", "0.90,'0,90'", "1,'1,00'", "1.10,'1,10'", "0.875,'0,875'"})
    void decimalsHaveACommaAndAtLeastTwoPlaces(String value, String text) {
        assertEquals(text, SpanishFormat.decimal(new BigDecimal(value)));
    }
}
