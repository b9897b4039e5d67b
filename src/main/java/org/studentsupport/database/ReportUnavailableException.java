package org.studentsupport.database;

import java.sql.SQLException;

/** A report's database could not answer (the read-only service down, a statement cancelled). */
public class ReportUnavailableException extends RuntimeException {

    private final int limitSeconds;

    public ReportUnavailableException(SQLException cause, int limitSeconds) {
        super("The report database did not answer: " + cause.getMessage(), cause);
        this.limitSeconds = limitSeconds;
    }

    /** Whether the statement ran past the report time limit and was cancelled (SQL state 57014). */
    public boolean timedOut() {
        return getCause() instanceof SQLException e && "57014".equals(e.getSQLState());
    }

    /** The report time limit, in seconds. */
    public int limitSeconds() {
        return limitSeconds;
    }

    /**
     * Whether the failure is the database's state rather than the statement's: no connection (class
     * 08), shutting down or cancelled (57), out of resources (53), or no connection from the pool in
     * time (no SQL state).
     */
    static boolean isOutage(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57") || state.startsWith("53");
    }
}
