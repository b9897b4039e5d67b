package org.studentsupport.database;

import java.sql.SQLException;

/** A report's database could not answer (the read-only service down, a statement cancelled). */
public class ReportUnavailableException extends RuntimeException {

    public ReportUnavailableException(SQLException cause) {
        super("The report database did not answer: " + cause.getMessage(), cause);
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
