package org.studentsupport.plan;

import org.junit.jupiter.api.Test;
import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of a plan, checked on the model alone. */
class PlanRulesTest {

    private final IndividualReview review = new IndividualReview(UUID.randomUUID(), "Frequent absences", "coord");

    @Test
    void aPlanTakesGoalsUpToItsLimit() {
        for (int i = 0; i < PlanRules.MAX_GOALS; i++) {
            review.addGoal("Goal " + i, null, null);
        }

        RuleBrokenException refused = assertThrows(RuleBrokenException.class, () -> review.addGoal("One more", null, null));

        assertEquals("A plan holds at most 30 goals", refused.getMessage());
        assertEquals(PlanRules.MAX_GOALS, review.goals.size(), "the refused goal is not added");
    }

    @Test
    void aGoalIsAddedAtTheEndAndOpenUnlessToldOtherwise() {
        Goal first = review.addGoal("Attend 4 days a week", LocalDate.of(2027, 1, 15), null);
        Goal second = review.addGoal("Join a club", null, "met");

        assertEquals(List.of(0, 1), List.of(first.position, second.position));
        assertEquals(Goal.OPEN, first.status);
        assertEquals("met", second.status);
        assertEquals(LocalDate.of(2027, 1, 15), first.targetDate);
        assertEquals(review, second.review);
    }

    @Test
    void aPlanTakesSupportsUpToItsLimit() {
        UUID service = UUID.randomUUID();
        for (int i = 0; i < PlanRules.MAX_SUPPORTS; i++) {
            review.addSupport("early-intervention", "Support " + i, i == 0 ? service : null);
        }

        RuleBrokenException refused = assertThrows(RuleBrokenException.class,
                () -> review.addSupport("intensive", "One more", null));

        assertEquals("A plan holds at most 50 planned supports", refused.getMessage());
        assertEquals(PlanRules.MAX_SUPPORTS, review.supports.size());
        assertEquals(service, review.supports.get(0).directoryServiceId);
        assertEquals(PlanRules.MAX_SUPPORTS - 1, review.supports.get(PlanRules.MAX_SUPPORTS - 1).position);
    }

    @Test
    void aGoalTakesNotesUpToItsLimit() {
        Goal goal = review.addGoal("Attend 4 days a week", null, null);
        for (int i = 0; i < PlanRules.MAX_NOTES; i++) {
            goal.addNote(LocalDate.of(2026, 10, 1), "Note " + i, "coord");
        }

        RuleBrokenException refused = assertThrows(RuleBrokenException.class,
                () -> goal.addNote(LocalDate.of(2026, 10, 2), "One more", "coord"));

        assertEquals("A goal holds at most 500 progress notes", refused.getMessage());
        assertEquals(PlanRules.MAX_NOTES, goal.notes.size());
    }

    @Test
    void aClosedPlanDoesNotChange() {
        review.close("coord", "Goals met");

        ConflictException refused = assertThrows(ConflictException.class, review::changed);

        assertEquals("The individual review is closed", refused.getMessage());
        assertEquals(IndividualReview.CLOSED, review.status);
        assertEquals("Goals met", review.closingNote);
        assertThrows(ConflictException.class, () -> review.close("coord", "again"));
    }

    @Test
    void anOpenPlanChangesAndMovesItsTimestamp() {
        var before = review.updatedAt;

        assertDoesNotThrow(review::changed);

        assertTrue(review.isOpen());
        assertTrue(!review.updatedAt.isBefore(before));
    }

    @Test
    void aGoalOfAnotherPlanIsNotFound() {
        Goal goal = review.addGoal("Attend 4 days a week", null, null);
        UUID other = UUID.randomUUID();

        assertEquals(goal, review.goal(goal.id));
        NotFoundException missing = assertThrows(NotFoundException.class, () -> review.goal(other));
        assertEquals("Goal " + other + " was not found", missing.getMessage());
    }

    @Test
    void everySupportNamingAServiceOutsideTheDirectoryIsNamed() {
        UUID known = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        List<SupportInput> supports = List.of(
                new SupportInput("intensive", "Counseling", known, null),
                new SupportInput("early-intervention", "Mentoring", null, null),
                new SupportInput("intensive", "Screening", unknown, null));

        List<Violation> violations = PlanRules.unknownServices(supports, Set.of(known)::contains,
                i -> "/supports/" + i + "/serviceId");

        assertEquals(List.of(Violation.atPointer("/supports/2/serviceId", "is not a service of the provider directory")),
                violations);
    }

    @Test
    void supportsWithoutAServiceNeedNoDirectory() {
        List<SupportInput> supports = List.of(new SupportInput("intensive", "Counseling", null, null));

        assertEquals(List.of(), PlanRules.unknownServices(supports, id -> {
            throw new AssertionError("the directory is not asked");
        }, i -> "/serviceId"));
    }
}
