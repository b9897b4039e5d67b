package org.studentsupport.database;

import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are the database going away (503), and which are failures of a statement (500). */
class DatabaseOutageKindsTest {

    @Test
    void aCommitCutOffByTheDatabaseShuttingDownIsAnOutage() {
        // What the transaction manager throws when the connection is terminated under the commit
        // (PostgreSQL's fast shutdown): the reason is a suppressed exception, not the cause.
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);

        assertTrue(DatabaseOutage.isOutage(rollback));
        assertTrue(DatabaseOutage.isOutage(new IllegalStateException("wrapped by the transaction runner", rollback)));
    }

    @Test
    void aCommitRefusedForAConstraintIsNotAnOutage() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertFalse(DatabaseOutage.isOutage(rollback));
        assertFalse(DatabaseOutage.isOutage(new RollbackException("no reason given")));
    }

    @Test
    void aRefusedConnectionIsAnOutageAndABadStatementIsNot() {
        assertTrue(DatabaseOutage.isOutage(new RuntimeException(new SQLException("Connection refused", "08001"))));
        assertFalse(DatabaseOutage.isOutage(new RuntimeException(new SQLException("syntax error", "42601"))));
    }
}
