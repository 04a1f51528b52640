package io.tiempocheck.common.domain;

/** A host that cannot be counted as a website; the message is the user-facing reason (Spanish). */
public class InvalidDomainException extends Exception {

    public InvalidDomainException(String reason) {
        super(reason, null, false, false);
    }
}
