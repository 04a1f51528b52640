package io.tiempocheck.features.recording;

/** A record that can never be recorded, whatever the retries: it belongs in the dead-letter topic. */
public class InvalidEventException extends Exception {

    public InvalidEventException(String reason) {
        super(reason, null, false, false);
    }
}
