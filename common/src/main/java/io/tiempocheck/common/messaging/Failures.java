package io.tiempocheck.common.messaging;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientException;
import java.time.DateTimeException;

/**
 * Tells a consumer's failures apart by what retrying can do about them. A consumer retries what may
 * pass, parks (in a dead-letter topic) what lies in one record, and stops for what lies in the
 * infrastructure: a record must never be parked because the database was away.
 */
public final class Failures {

    private Failures() {
    }

    /** A failure that may pass by itself: a lost or refused connection, a deadlock, a lock wait or a timeout. */
    public static boolean isTransient(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof SQLTransientException || e instanceof SQLRecoverableException
                    || e instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (e instanceof SQLException sql && hasState(sql, "08", "40", "HYT")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure the same input meets again whatever the retries: a value the database refuses (data,
     * constraint, syntax), or one the code cannot compute with (a date out of range, an overflow).
     */
    public static boolean isDeterministic(Throwable error) {
        if (isTransient(error)) {
            return false;
        }
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof SQLDataException || e instanceof SQLIntegrityConstraintViolationException
                    || e instanceof SQLSyntaxErrorException) {
                return true;
            }
            if (e instanceof SQLException sql && hasState(sql, "22", "23", "42")) {
                return true;
            }
            if (e instanceof DateTimeException || e instanceof ArithmeticException || e instanceof IllegalArgumentException
                    || e instanceof NullPointerException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's text, for a dead-letter header or a log line. */
    public static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static boolean hasState(SQLException e, String... classes) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        for (String prefix : classes) {
            if (state.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
