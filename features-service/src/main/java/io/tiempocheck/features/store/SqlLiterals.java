package io.tiempocheck.features.store;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Values written as SQL literals into the text of registro's multi-row INSERT. Only these shapes
 * come out: numbers, dates and times built digit by digit here, and strings that are either plain
 * printable ASCII without a quote or a backslash, or else hex bytes under a utf8mb4 introducer. None
 * of them means anything different under any sql_mode (NO_BACKSLASH_ESCAPES, ANSI_QUOTES), so no
 * value can end its literal early.
 */
public final class SqlLiterals {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SqlLiterals() {
    }

    public static void string(StringBuilder sql, String value) {
        if (value == null) {
            sql.append("NULL");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '\'' || c == '\\') {
                hex(sql, value);
                return;
            }
        }
        sql.append('\'').append(value).append('\'');
    }

    /** 'YYYY-MM-DD' */
    public static void date(StringBuilder sql, LocalDate value) {
        if (value == null) {
            sql.append("NULL");
            return;
        }
        sql.append('\'');
        ymd(sql, value.getYear(), value.getMonthValue(), value.getDayOfMonth());
        sql.append('\'');
    }

    /** 'YYYY-MM-DD HH:MM:SS.ffffff': microseconds, as the binary protocol sends them; the column's precision applies. */
    public static void dateTime(StringBuilder sql, LocalDateTime value) {
        sql.append('\'');
        ymd(sql, value.getYear(), value.getMonthValue(), value.getDayOfMonth());
        sql.append(' ');
        two(sql, value.getHour());
        sql.append(':');
        two(sql, value.getMinute());
        sql.append(':');
        two(sql, value.getSecond());
        int micros = value.getNano() / 1000;
        if (micros != 0) {
            sql.append('.');
            for (int divisor = 100_000; divisor > 0; divisor /= 10) {
                sql.append((char) ('0' + micros / divisor % 10));
            }
        }
        sql.append('\'');
    }

    private static void ymd(StringBuilder sql, int year, int month, int day) {
        if (year >= 0 && year < 10_000) {
            two(sql, year / 100);
            two(sql, year % 100);
        } else {
            // Outside what DATE and DATETIME hold: the server refuses it, as it refused such a bound value.
            sql.append(year);
        }
        sql.append('-');
        two(sql, month);
        sql.append('-');
        two(sql, day);
    }

    private static void two(StringBuilder sql, int value) {
        sql.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static void hex(StringBuilder sql, String value) {
        sql.append("_utf8mb4 X'");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            sql.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        sql.append('\'');
    }
}
