package io.tiempocheck.ingest.messaging;

/** Kafka did not acknowledge an event: broker down, timed out, or the producer's buffer is full. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(Throwable cause) {
        super(cause.toString(), cause);
    }
}
