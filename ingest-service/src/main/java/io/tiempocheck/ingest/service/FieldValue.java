package io.tiempocheck.ingest.service;

/**
 * One field of an event as the body gave it: absent, JSON null, text, a whole number within int range,
 * or anything else (another number, a boolean, an object, a list). That is all validation needs to
 * know, so a batch is read as a token stream instead of being built into a JSON tree first.
 */
public record FieldValue(Kind kind, String text, int number) {

    public enum Kind { ABSENT, NULL, TEXT, INT, OTHER }

    public static final FieldValue ABSENT = new FieldValue(Kind.ABSENT, null, 0);
    public static final FieldValue NULL = new FieldValue(Kind.NULL, null, 0);
    public static final FieldValue OTHER = new FieldValue(Kind.OTHER, null, 0);

    public static FieldValue text(String text) {
        return new FieldValue(Kind.TEXT, text, 0);
    }

    public static FieldValue integer(int number) {
        return new FieldValue(Kind.INT, null, number);
    }

    boolean isMissing() {
        return kind == Kind.ABSENT || kind == Kind.NULL;
    }
}
