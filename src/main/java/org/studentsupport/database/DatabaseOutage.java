package org.studentsupport.database;

import jakarta.transaction.RollbackException;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Tells a failure of the database itself (down, restarting, out of connections) from a failure of
 * one statement, so that the first can be answered with a 503 and retried, the second reported as
 * the bug it is.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /**
     * Whether the failure, or one of its causes, is the database not answering: no connection (SQL
     * state class 08), shutting down or not accepting connections (57P), out of resources (53), or no
     * connection from the pool in time. A commit that failed says why in the exceptions its
     * {@link RollbackException} suppressed (the transaction manager's deferred failures, such as the
     * connection terminated under the commit when the database shuts down): those are looked at too.
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RollbackException) {
                for (Throwable deferred : t.getSuppressed()) {
                    if (isOutage(deferred)) {
                        return true;
                    }
                }
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"))) {
                    return true;
                }
                String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
                if (state == null && message.contains("acquisition timeout")) {
                    return true;
                }
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure is a unique key the statement ran into (SQL state 23505). */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
