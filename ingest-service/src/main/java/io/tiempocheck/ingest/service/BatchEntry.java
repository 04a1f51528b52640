package io.tiempocheck.ingest.service;

/** One element of a batch's "eventos" list: the fields the contract knows, or not a JSON object at all. */
public record BatchEntry(boolean isObject, FieldValue eventId, FieldValue dominio, FieldValue fechaHora, FieldValue tiempo) {

    public static final BatchEntry NOT_AN_OBJECT =
            new BatchEntry(false, FieldValue.ABSENT, FieldValue.ABSENT, FieldValue.ABSENT, FieldValue.ABSENT);
}
