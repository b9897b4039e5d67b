package org.studentsupport.referral;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workflow table of the domain page, checked over every (status, side, target) combination. */
class ReferralStatusTest {

    /** Written from the domain page's table, independently of the enum: "from>to:side". */
    private static final Set<String> ALLOWED = Set.of(
            "draft>requested:school", "draft>cancelled:school", "draft>entered-in-error:school",
            "requested>accepted:provider", "requested>rejected:provider", "requested>cancelled:school",
            "accepted>in-progress:provider", "accepted>on-hold:provider", "accepted>on-hold:school",
            "accepted>failed:provider", "accepted>failed:school", "accepted>cancelled:school",
            "in-progress>on-hold:provider", "in-progress>on-hold:school",
            "in-progress>completed:provider", "in-progress>completed:school",
            "in-progress>failed:provider", "in-progress>failed:school",
            "on-hold>in-progress:provider", "on-hold>failed:provider", "on-hold>failed:school",
            "on-hold>cancelled:school");

    private static final Set<String> FINAL = Set.of("rejected", "completed", "failed", "cancelled", "entered-in-error");

    @Test
    void theDatabasesOpenExpressionListsExactlyTheOpenStatuses() {
        assertEquals("status in " + ReferralFigures.sqlList(ReferralStatus.OPEN), Referral.OPEN_CONDITION);
    }

    @Test
    void everyStatusSideAndTargetCombinationFollowsTheDomainTable() {
        int checked = 0;
        for (ReferralStatus from : ReferralStatus.values()) {
            for (ActorSide side : ActorSide.values()) {
                for (ReferralStatus to : ReferralStatus.values()) {
                    String move = from.code() + ">" + to.code() + ":" + side.code();
                    assertEquals(ALLOWED.contains(move), from.canMove(side, to), move);
                    assertEquals(ALLOWED.contains(move), from.allowedFor(side).contains(to), move);
                    checked++;
                }
            }
        }
        assertEquals(10 * 2 * 10, checked);
    }

    @Test
    void finalStatusesAllowNoMoveAtAll() {
        for (ReferralStatus status : ReferralStatus.values()) {
            assertEquals(FINAL.contains(status.code()), status.isFinal(), status.code());
            assertEquals(!FINAL.contains(status.code()), status.isOpen(), status.code());
        }
    }

    @Test
    void statusCodesAreTheFhirTaskStatuses() {
        assertEquals(List.of("draft", "requested", "accepted", "rejected", "in-progress", "on-hold", "completed",
                        "failed", "cancelled", "entered-in-error"),
                java.util.Arrays.stream(ReferralStatus.values()).map(ReferralStatus::code).toList());
        assertEquals(ReferralStatus.IN_PROGRESS, ReferralStatus.fromCode("in-progress"));
    }

    @Test
    void rejectionNeedsAKnownReasonAndTextForOther() {
        assertEquals("reasonCode", ReferralStatus.REJECTED.check(null, null, null).get(0).field());
        assertEquals("reasonCode", ReferralStatus.REJECTED.check("too-busy", null, null).get(0).field());
        assertEquals("reasonText", ReferralStatus.REJECTED.check("other", " ", null).get(0).field());
        assertTrue(ReferralStatus.REJECTED.check("other", "moved away", null).isEmpty());
        for (String reason : List.of("no-capacity", "not-eligible", "out-of-service-area", "unable-to-contact-family")) {
            assertTrue(ReferralStatus.REJECTED.check(reason, null, null).isEmpty(), reason);
        }
    }

    @Test
    void failureNeedsAKnownReasonAndTextForOther() {
        assertFalse(ReferralStatus.FAILED.check("no-capacity", null, null).isEmpty());
        assertEquals("reasonText", ReferralStatus.FAILED.check("other", null, null).get(0).field());
        for (String reason : List.of("family-declined", "unable-to-contact", "no-longer-needed", "provider-unable")) {
            assertTrue(ReferralStatus.FAILED.check(reason, null, null).isEmpty(), reason);
        }
    }

    @Test
    void completionNeedsAnOutcome() {
        assertEquals("reasonCode", ReferralStatus.COMPLETED.check(null, "done", null).get(0).field());
        assertTrue(ReferralStatus.COMPLETED.check("partially-met", null, null).isEmpty());
    }

    @Test
    void startingServiceNeedsTheDateOfTheFirstService() {
        assertEquals("firstServiceOn", ReferralStatus.IN_PROGRESS.check(null, null, null).get(0).field());
        assertTrue(ReferralStatus.IN_PROGRESS.check(null, null, LocalDate.of(2026, 10, 1)).isEmpty());
    }

    @Test
    void holdingAndCancellingNeedAReason() {
        assertEquals("reasonText", ReferralStatus.ON_HOLD.check(null, null, null).get(0).field());
        assertEquals("reasonText", ReferralStatus.CANCELLED.check(null, "", null).get(0).field());
        assertTrue(ReferralStatus.ON_HOLD.check(null, "waitlisted until January", null).isEmpty());
    }

    @Test
    void theOtherStatusesCarryNoReason() {
        for (ReferralStatus status : List.of(ReferralStatus.DRAFT, ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED,
                ReferralStatus.ENTERED_IN_ERROR)) {
            assertTrue(status.check(null, null, null).isEmpty(), status.code());
        }
    }

    @Test
    void theSetsAreDerivedFromTheMoves() {
        assertEquals(List.of("draft", "requested", "accepted", "in-progress", "on-hold"), ReferralStatus.codes(ReferralStatus.OPEN));
        assertEquals(List.copyOf(FINAL).stream().sorted().toList(), ReferralStatus.codes(ReferralStatus.FINAL).stream().sorted().toList());
        assertEquals(List.of("requested", "accepted", "rejected", "in-progress", "on-hold", "completed", "failed", "cancelled"),
                ReferralStatus.codes(ReferralStatus.SENT));
        assertEquals(List.of("requested", "accepted", "in-progress", "on-hold"), ReferralStatus.codes(ReferralStatus.SENT_OPEN));
        assertEquals(List.of("rejected", "completed", "failed", "cancelled"), ReferralStatus.codes(ReferralStatus.SENT_CLOSED));
        assertEquals(List.of("accepted", "rejected", "in-progress", "on-hold", "completed", "failed", "cancelled", "entered-in-error"),
                ReferralStatus.codes(ReferralStatus.TRANSITION_TARGETS));
        for (ReferralStatus status : ReferralStatus.values()) {
            assertEquals(status.isOpen(), ReferralStatus.OPEN.contains(status), status.code());
            assertEquals(status.isFinal(), ReferralStatus.FINAL.contains(status), status.code());
        }
    }

    @Test
    void theSetsCannotBeChanged() {
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> ReferralStatus.OPEN.add(ReferralStatus.COMPLETED));
    }

    @Test
    void reachabilityFollowsEveryPath() {
        assertEquals(Set.of(ReferralStatus.values()), ReferralStatus.reachableFrom(ReferralStatus.DRAFT));
        assertEquals(Set.of(ReferralStatus.COMPLETED), ReferralStatus.reachableFrom(ReferralStatus.COMPLETED));
        assertTrue(ReferralStatus.reachableFrom(ReferralStatus.ON_HOLD).contains(ReferralStatus.COMPLETED)); // through in-progress
    }

    @Test
    void theCodePatternOfRequestsIsTheCodes() {
        assertEquals(String.join("|", ReferralStatus.codes()), ReferralStatus.CODE_PATTERN);
    }

    @Test
    void sendingIsNotATransitionTarget() {
        assertEquals(ReferralStatus.CANCELLED, ReferralStatus.transitionTarget("cancelled", "hint"));
        assertEquals(ReferralStatus.DRAFT, ReferralStatus.transitionTarget("draft", "hint")); // refused later as a move
        org.studentsupport.domain.RuleBrokenException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.studentsupport.domain.RuleBrokenException.class, () -> ReferralStatus.transitionTarget("requested", "use send"));
        assertEquals("/to", refused.violations().get(0).pointer());
        assertEquals("use send", refused.violations().get(0).message());
    }
}
