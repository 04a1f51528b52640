package io.tiempocheck.ingest.service;

/** The whole request is refused; nothing of it is accepted. Mapped to {@code status} by the REST layer. */
public class BatchRefusedException extends RuntimeException {

    private final int status;
    private final String field;

    public BatchRefusedException(int status, String field, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
