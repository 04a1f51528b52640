package io.tiempocheck.features.privacy;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.common.privacy.AccountErased;
import io.tiempocheck.common.security.RevokedTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Keeps erased accounts out of the feature store. An erasure deletes the user's rows; a batch drops
 * the events of erased users before it is written. The two exclude each other (a read-write lock):
 * a batch that was filtered before the erasure was known has committed before the rows are deleted,
 * so no event of an erased user outlives the erasure, and a replay of the topic finds the user erased.
 */
@ApplicationScoped
public class FeatureStoreErasure {

    private static final String[] TABLES = {"registro", "features_horarias", "features_diarias", "features_dias",
            "dominio_categoria_usuario", "categorias_usuario", "rechazos_ingesta", "entrada_anomalias"};

    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);

    private final AgroalDataSource dataSource;
    private final RevokedTokens revoked;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public FeatureStoreErasure(AgroalDataSource dataSource, RevokedTokens revoked) {
        this.dataSource = dataSource;
        this.revoked = revoked;
    }

    /** Writes the batch without the records of erased users, with no erasure running meanwhile. */
    public <E, T> T excludingErased(List<E> records, ToLongFunction<E> userOf, Function<List<E>, T> write) {
        // Before the lock: the feed erases while it catches up, and must not wait for a batch that waits for it.
        revoked.awaitCaughtUp(CATCH_UP_TIMEOUT);
        lock.readLock().lock();
        try {
            List<E> kept = new ArrayList<>(records.size());
            for (E record : records) {
                if (!revoked.isErased(userOf.applyAsLong(record))) {
                    kept.add(record);
                }
            }
            return write.apply(kept);
        } finally {
            lock.readLock().unlock();
        }
    }

    void erase(@Observes AccountErased erased) throws SQLException {
        lock.writeLock().lock();
        try (Connection connection = dataSource.getConnection()) {
            erased.deleteRows(connection, TABLES);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
