package org.studentsupport.referral;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.studentsupport.database.DatabaseOutage;
import org.studentsupport.domain.ConflictException;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new draft whose flush fails: only its key taken meanwhile is a conflict; an outage stays an outage. */
class DraftFlushFailureTest {

    @Test
    void theKeyTakenByAConcurrentRequestIsAConflictToRetry() {
        PersistenceException taken = new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505"), "referral_idempotency_key_pkey");

        assertInstanceOf(ConflictException.class, ReferralDrafts.keyTakenMeanwhileOr(taken));
    }

    @Test
    void theDatabaseGoingAwayDuringTheFlushIsNotAConflict() {
        PersistenceException outage = new JDBCConnectionException("could not execute batch",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        RuntimeException answer = ReferralDrafts.keyTakenMeanwhileOr(outage);

        assertSame(outage, answer, "passed on, for the error mapper to answer 503");
        assertTrue(DatabaseOutage.isOutage(answer));
    }
}
