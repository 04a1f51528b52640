package io.tiempocheck.features.recording;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoisonIsolationTest {

    /** A database that refuses every write holding one of the poison records, and commits the others. */
    private static final class Store {
        final Set<Integer> poison;
        final List<Integer> committed = new ArrayList<>();
        int writes;

        Store(Set<Integer> poison) {
            this.poison = poison;
        }

        List<Integer> write(List<Integer> records) {
            writes++;
            for (int record : records) {
                if (poison.contains(record)) {
                    throw new IllegalStateException("giving up", new IllegalArgumentException("bad record " + record));
                }
            }
            committed.addAll(records);
            return List.copyOf(records);
        }
    }

    private static PoisonIsolation<Integer, List<Integer>> isolation(Store store) {
        return new PoisonIsolation<>(store::write, store::write, e -> true);
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void aBatchThatWritesIsWrittenOnce() {
        Store store = new Store(Set.of());
        var outcome = isolation(store).write(range(2000));
        assertEquals(List.of(range(2000)), outcome.written());
        assertEquals(0, outcome.poison().size());
        assertEquals(1, store.writes);
    }

    @Test
    void everyGoodRecordCommitsInOrderAndEachPoisonRecordIsLeftAloneWithItsError() {
        Store store = new Store(Set.of(0, 777, 778, 1999));
        var outcome = isolation(store).write(range(2000));
        List<Integer> good = range(2000).stream().filter(r -> !store.poison.contains(r)).toList();
        assertEquals(good, store.committed);
        assertEquals(List.of(0, 777, 778, 1999), outcome.poison().stream().map(PoisonIsolation.Poison::record).toList());
        assertEquals("bad record 777", outcome.poison().get(1).error().getCause().getMessage());
        // About two writes per level of halving and poison record, not one write per record.
        assertTrue(store.writes < 4 * 2 * 11 + 1, "writes: " + store.writes);
    }

    @Test
    void aSinglePoisonRecordIsParked() {
        Store store = new Store(Set.of(5));
        var outcome = isolation(store).write(List.of(5));
        assertEquals(0, outcome.written().size());
        assertEquals(5, outcome.poison().get(0).record());
    }

    @Test
    void aFailureThatIsNotInTheRecordsPropagatesAndParksNothing() {
        IllegalStateException databaseAway = new IllegalStateException("connection refused");
        var isolation = new PoisonIsolation<Integer, List<Integer>>(records -> {
            throw databaseAway;
        }, records -> {
            throw databaseAway;
        }, e -> false);
        assertSame(databaseAway, assertThrows(IllegalStateException.class, () -> isolation.write(range(10))));
    }

    @Test
    void whenTheDatabaseGoesAwayDuringTheSplitTheFailurePropagates() {
        IllegalStateException databaseAway = new IllegalStateException("connection refused");
        Store store = new Store(Set.of(3));
        var isolation = new PoisonIsolation<Integer, List<Integer>>(store::write, records -> {
            throw databaseAway;
        }, e -> e != databaseAway);
        assertSame(databaseAway, assertThrows(IllegalStateException.class, () -> isolation.write(range(10))));
        assertEquals(List.of(), store.committed);
    }
}
