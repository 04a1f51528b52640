package io.tiempocheck.features.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Writes a batch whose write may fail because of one of its records: when the whole batch fails, it
 * is split in halves, and each half that fails again is split again, until every failing record
 * stands alone. The other records are written in their order, in as few writes as the failures allow
 * (about two per level of halving). Each write is one transaction, so a failed write leaves nothing.
 *
 * @param <T> a record
 * @param <R> what one successful write returns
 */
public final class PoisonIsolation<T, R> {

    /** One transaction; a failure is thrown as it is, or as the retries that gave up on it wrap it. */
    @FunctionalInterface
    public interface Write<T, R> {
        R run(List<T> records);
    }

    /** @param error why the record alone could not be written */
    public record Poison<T>(T record, RuntimeException error) {
    }

    /** @param written what each successful write returned, in the order of the writes */
    public record Outcome<T, R>(List<R> written, List<Poison<T>> poison) {
    }

    private final Write<T, R> whole;
    private final Write<T, R> part;
    private final Predicate<RuntimeException> inRecords;

    /**
     * @param whole     writes the whole batch (with the bounded retries of the first attempt)
     * @param part      writes a half (retrying only failures that may pass)
     * @param inRecords whether a failure lies in the records written; any other failure (the database
     *                  away) propagates, so no record is ever parked for a fault that is not its own
     */
    public PoisonIsolation(Write<T, R> whole, Write<T, R> part, Predicate<RuntimeException> inRecords) {
        this.whole = whole;
        this.part = part;
        this.inRecords = inRecords;
    }

    public Outcome<T, R> write(List<T> records) {
        List<R> written = new ArrayList<>();
        List<Poison<T>> poison = new ArrayList<>();
        if (records.isEmpty()) {
            return new Outcome<>(written, poison);
        }
        try {
            written.add(whole.run(records));
        } catch (RuntimeException e) {
            isolate(records, e, written, poison);
        }
        return new Outcome<>(written, poison);
    }

    private void isolate(List<T> records, RuntimeException failure, List<R> written, List<Poison<T>> poison) {
        if (!inRecords.test(failure)) {
            throw failure;
        }
        if (records.size() == 1) {
            poison.add(new Poison<>(records.get(0), failure));
            return;
        }
        int middle = records.size() / 2;
        for (List<T> half : List.of(records.subList(0, middle), records.subList(middle, records.size()))) {
            try {
                written.add(part.run(half));
            } catch (RuntimeException e) {
                isolate(half, e, written, poison);
            }
        }
    }
}
