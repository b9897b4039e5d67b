package org.studentsupport.referral;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Follow-up dates of each status from the settings, and overdue, as plain Java. */
class FollowUpTest {

    /** Settings with a distinct number for each deadline, so that a mix-up shows. */
    static final ReferralSettings SETTINGS = new ReferralSettings() {
        public int draftDays() {
            return 7;
        }

        public int answerSchoolDays() {
            return 5;
        }

        public int firstServiceDays() {
            return 14;
        }

        public int onHoldReviewDays() {
            return 30;
        }

        public int inProgressCheckInDays() {
            return 21;
        }

        public int idempotencyKeyHours() {
            return 24;
        }
    };

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

    @Test
    void eachOpenStatusHasItsOwnDeadline() {
        assertEquals(MONDAY.plusDays(7), FollowUp.due(ReferralStatus.DRAFT, MONDAY, SETTINGS));
        assertEquals(MONDAY.plusDays(7), FollowUp.due(ReferralStatus.REQUESTED, MONDAY, SETTINGS)); // 5 school days: next Monday
        assertEquals(MONDAY.plusDays(14), FollowUp.due(ReferralStatus.ACCEPTED, MONDAY, SETTINGS));
        assertEquals(MONDAY.plusDays(30), FollowUp.due(ReferralStatus.ON_HOLD, MONDAY, SETTINGS));
        assertEquals(MONDAY.plusDays(21), FollowUp.due(ReferralStatus.IN_PROGRESS, MONDAY, SETTINGS));
    }

    @Test
    void finalStatusesNeedNoFollowUp() {
        for (ReferralStatus status : ReferralStatus.FINAL) {
            assertNull(FollowUp.due(status, MONDAY, SETTINGS), status.code());
        }
        for (ReferralStatus status : ReferralStatus.OPEN) {
            assertTrue(FollowUp.due(status, MONDAY, SETTINGS).isAfter(MONDAY), status.code());
        }
    }

    @Test
    void schoolDaysSkipWeekends() {
        LocalDate friday = LocalDate.of(2026, 11, 20);
        assertEquals(LocalDate.of(2026, 11, 23), FollowUp.plusSchoolDays(friday, 1));
        assertEquals(LocalDate.of(2026, 11, 27), FollowUp.plusSchoolDays(friday, 5));
        assertEquals(LocalDate.of(2026, 11, 23), FollowUp.plusSchoolDays(LocalDate.of(2026, 11, 21), 1)); // from a Saturday
        assertEquals(friday, FollowUp.plusSchoolDays(friday, 0));
    }

    @Test
    void onlyAnOpenReferralPastItsDateIsOverdue() {
        assertTrue(FollowUp.isOverdue(ReferralStatus.REQUESTED, MONDAY.minusDays(1), MONDAY));
        assertFalse(FollowUp.isOverdue(ReferralStatus.REQUESTED, MONDAY, MONDAY));
        assertFalse(FollowUp.isOverdue(ReferralStatus.COMPLETED, MONDAY.minusDays(10), MONDAY));
        assertFalse(FollowUp.isOverdue(ReferralStatus.ACCEPTED, null, MONDAY));
    }
}
