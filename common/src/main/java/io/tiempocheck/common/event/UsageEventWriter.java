package io.tiempocheck.common.event;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes the Kafka key and the topic's JSON contract of the events of one batch, byte for byte the
 * document the application's ObjectMapper writes; {@link UsageEventReader} reads it back
 * (UsageEventCodecTest holds the three together).
 * The fields a batch shares (user, device, reception time, zone) are written once and copied into
 * every event; the others go straight into a byte buffer, without a JsonGenerator per event or the
 * general date formatter (see docs/benchmarks.md). One writer per batch: it is not thread-safe.
 */
public final class UsageEventWriter {

    private static final byte[] SCHEMA_VER = ascii("{\"schema_ver\":");
    private static final byte[] EVENT_ID = ascii(",\"event_id\":\"");
    private static final byte[] FECHA_HORA = ascii(",\"fecha_hora\":");
    private static final byte[] TIEMPO = ascii(",\"tiempo\":");
    private static final byte[] NULL = ascii("null");

    private byte[] buffer = new byte[384];
    private int length;
    /** The event whose shared fields {@link #key}, {@link #userAndDevice} and {@link #receivedAndZone} hold. */
    private UsageEvent shared;
    private byte[] key;
    /** {@code ","usuario_id":7,"device_id":"…","dominio":} */
    private byte[] userAndDevice;
    /** {@code ,"recibido_en":"…","tz":"…"}} */
    private byte[] receivedAndZone;

    /** The record key: the user id as text, so that a user's events keep their order in one partition. */
    public byte[] key(UsageEvent event) {
        share(event);
        return key;
    }

    public byte[] value(UsageEvent event) {
        share(event);
        length = 0;
        append(SCHEMA_VER);
        appendNumber(event.schemaVer());
        append(EVENT_ID);
        appendAscii(event.eventId().toString());
        append(userAndDevice);
        appendString(event.dominio());
        append(FECHA_HORA);
        appendOffsetDateTime(event.fechaHora());
        append(TIEMPO);
        appendNumber(event.tiempo());
        append(receivedAndZone);
        return Arrays.copyOf(buffer, length);
    }

    private void share(UsageEvent event) {
        if (shared != null && shared.usuarioId() == event.usuarioId() && Objects.equals(shared.deviceId(), event.deviceId())
                && Objects.equals(shared.recibidoEn(), event.recibidoEn()) && Objects.equals(shared.tz(), event.tz())) {
            return;
        }
        key = Long.toString(event.usuarioId()).getBytes(StandardCharsets.UTF_8);
        length = 0;
        appendAscii("\",\"usuario_id\":");
        appendAscii(Long.toString(event.usuarioId()));
        appendAscii(",\"device_id\":");
        appendString(event.deviceId());
        appendAscii(",\"dominio\":");
        userAndDevice = Arrays.copyOf(buffer, length);
        length = 0;
        appendAscii(",\"recibido_en\":");
        Instant received = event.recibidoEn();
        appendString(received == null ? null : DateTimeFormatter.ISO_INSTANT.format(received));
        appendAscii(",\"tz\":");
        appendString(event.tz());
        appendAscii("}");
        receivedAndZone = Arrays.copyOf(buffer, length);
        shared = event;
    }

    /** A JSON string as Jackson writes it: plain ASCII as is, anything else escaped by Jackson's own encoder. */
    private void appendString(String text) {
        if (text == null) {
            append(NULL);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                appendByte('"');
                append(JsonStringEncoder.getInstance().quoteAsUTF8(text));
                appendByte('"');
                return;
            }
        }
        appendByte('"');
        appendAscii(text);
        appendByte('"');
    }

    /**
     * DateTimeFormatter.ISO_OFFSET_DATE_TIME's text: seconds always, the fraction only when not zero and
     * without trailing zeros, "Z" for UTC. Years outside 0-9999 and offsets with seconds, which no
     * browser sends, are left to the formatter.
     */
    private void appendOffsetDateTime(OffsetDateTime time) {
        int year = time.getYear();
        int offset = time.getOffset().getTotalSeconds();
        if (year < 0 || year > 9999 || offset % 60 != 0) {
            appendString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
            return;
        }
        ensure(40);
        appendByte('"');
        appendDigits(year, 4);
        appendByte('-');
        appendDigits(time.getMonthValue(), 2);
        appendByte('-');
        appendDigits(time.getDayOfMonth(), 2);
        appendByte('T');
        appendDigits(time.getHour(), 2);
        appendByte(':');
        appendDigits(time.getMinute(), 2);
        appendByte(':');
        appendDigits(time.getSecond(), 2);
        int nano = time.getNano();
        if (nano != 0) {
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            appendByte('.');
            appendDigits(nano, digits);
        }
        if (offset == 0) {
            appendByte('Z');
        } else {
            appendByte(offset < 0 ? '-' : '+');
            int minutes = Math.abs(offset) / 60;
            appendDigits(minutes / 60, 2);
            appendByte(':');
            appendDigits(minutes % 60, 2);
        }
        appendByte('"');
    }

    private void appendNumber(long number) {
        appendAscii(Long.toString(number));
    }

    /** {@code value} in exactly {@code width} decimal digits, zero-padded. */
    private void appendDigits(int value, int width) {
        ensure(width);
        for (int i = length + width - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
    }

    private void appendAscii(String text) {
        int n = text.length();
        ensure(n);
        // Only called with ASCII: one byte per char.
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void appendByte(char c) {
        ensure(1);
        buffer[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
