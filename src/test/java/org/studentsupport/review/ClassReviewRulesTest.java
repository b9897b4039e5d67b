package org.studentsupport.review;

import org.junit.jupiter.api.Test;
import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.studentsupport.vocabulary.CodeKind;
import org.studentsupport.vocabulary.Vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of a whole-class review and of its entries, checked on the model alone. */
class ClassReviewRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 1);
    private static final UUID ANA = new UUID(0, 1);
    private static final UUID BEN = new UUID(0, 2);
    private static final UUID CARA = new UUID(0, 3);

    private final ClassReview review = new ClassReview(UUID.randomUUID(), null, UUID.randomUUID());
    private final ReviewEntryRules rules = new ReviewEntryRules(List.of("1", "2", "3"), new Vocabulary(Map.of(
            "reading", new Vocabulary.Term("reading", CodeKind.NEED, "academic", true, "Reading"),
            "math", new Vocabulary.Term("math", CodeKind.NEED, "academic", true, "Math"),
            "retired-need", new Vocabulary.Term("retired-need", CodeKind.NEED, "academic", false, "Old"),
            "strong-reader", new Vocabulary.Term("strong-reader", CodeKind.STRENGTH, "academic", true, "Strong reader"),
            "vision", new Vocabulary.Term("vision", CodeKind.NEED, "health", true, "Vision"))));

    @Test
    void aReviewWithATierForEveryEnrolledStudentIsFinalized() {
        review.saveDraft("coord", null, DAY);

        review.finalizeBy("coord", List.of(entry(ANA, "1"), entry(BEN, "3")), Set.of(ANA, BEN));

        assertTrue(review.isFinal());
        assertEquals("coord", review.finalizedBy);
        assertNotNull(review.finalizedAt);
    }

    @Test
    void finalizingNamesEveryEntryWithoutATierAndEveryEnrolledStudentWithoutAnEntry() {
        review.saveDraft("coord", null, DAY);

        RuleBrokenException refused = assertThrows(RuleBrokenException.class,
                () -> review.finalizeBy("coord", List.of(entry(ANA, "1"), entry(BEN, null)), Set.of(CARA, ANA, BEN)));

        assertEquals("The review cannot be finalized: 2 student(s) without a tier", refused.getMessage());
        assertEquals(List.of(
                Violation.atPointer("/entries/1/tier", "student " + BEN + " has no tier; every student needs one to finalize"),
                Violation.atPointer("/entries", "student " + CARA
                        + " is enrolled in the class but has no entry; tier is required to finalize")), refused.violations());
        assertFalse(review.isFinal());
        assertNull(review.finalizedBy);
    }

    @Test
    void aFinalReviewIsNotFinalizedOrSavedAsADraftAgain() {
        review.finalizeBy("coord", List.of(), Set.of());

        assertEquals("The review is already finalized",
                assertThrows(ConflictException.class, () -> review.finalizeBy("coord", List.of(), Set.of())).getMessage());
        assertEquals("The review is finalized; correct it with an amendment",
                assertThrows(ConflictException.class, () -> review.saveDraft("coord", null, DAY)).getMessage());
    }

    @Test
    void onlyAFinalReviewIsAmended() {
        assertEquals("The review is a draft; save the draft again instead of amending it",
                assertThrows(ConflictException.class, review::amended).getMessage());

        review.finalizeBy("coord", List.of(), Set.of());
        review.amended();

        assertTrue(review.isFinal());
    }

    @Test
    void goodEntriesBreakNoRule() {
        List<ReviewEntryInput> entries = List.of(input(ANA, "2", domains("reading"), null), input(BEN, null, null, null));

        assertEquals(List.of(), rules.check(entries, Set.of(ANA, BEN), DAY, false));
    }

    @Test
    void aStudentOffTheRosterOrTwiceIsNamed() {
        List<ReviewEntryInput> entries = List.of(input(ANA, "1", null, null), input(ANA, "1", null, null), input(CARA, "1", null, null));

        assertEquals(List.of(
                Violation.atPointer("/entries/1/studentId", "student " + ANA + " appears more than once"),
                Violation.atPointer("/entries/2/studentId", "student " + CARA + " is not enrolled in this class on 2026-10-01")),
                rules.check(entries, Set.of(ANA, BEN), DAY, false));
    }

    @Test
    void aTierOutsideTheScaleIsWrongAndAMissingOneOnlyWhenRequired() {
        List<ReviewEntryInput> entries = List.of(input(ANA, "4", null, null), input(BEN, null, null, null));

        assertEquals(List.of(Violation.atPointer("/entries/0/tier", "student " + ANA + ": '4' is not a tier of the scale [1, 2, 3]")),
                rules.check(entries, Set.of(ANA, BEN), DAY, false));
        assertEquals(List.of(
                Violation.atPointer("/entries/0/tier", "student " + ANA + ": '4' is not a tier of the scale [1, 2, 3]"),
                Violation.atPointer("/entries/1/tier", "student " + BEN + ": tier is required in a finalized review")),
                rules.check(entries, Set.of(ANA, BEN), DAY, true));
    }

    @Test
    void anUnknownRetiredWrongKindOrWrongDomainCodeIsNamedByItsPlaceInTheBody() {
        DomainsInput domains = new DomainsInput(
                new DomainInput(List.of("strong-reader", "spelling", "reading"), List.of("vision", "strong-reader", "retired-need", "math"), null),
                null, new DomainInput(null, List.of("vision"), null), null);

        assertEquals(List.of(
                Violation.atPointer("/entries/0/domains/academic/strengths/1", "student " + ANA
                        + ": 'spelling' is not a code of the strengths vocabulary"),
                Violation.atPointer("/entries/0/domains/academic/strengths/2", "student " + ANA
                        + ": 'reading' is a need code, not a strength"),
                Violation.atPointer("/entries/0/domains/academic/needs/0", "student " + ANA
                        + ": 'vision' is a need of the health domain, not of academic"),
                Violation.atPointer("/entries/0/domains/academic/needs/1", "student " + ANA
                        + ": 'strong-reader' is a strength code, not a need"),
                Violation.atPointer("/entries/0/domains/academic/needs/2", "student " + ANA
                        + ": 'retired-need' is retired")),
                rules.check(List.of(input(ANA, "1", domains, null)), Set.of(ANA), DAY, false));
    }

    @Test
    void anAmendmentEntryMergesIntoTheCurrentEntryDomainByDomain() {
        ClassReviewEntry current = entry(ANA, "2");
        current.interests = "soccer";
        current.needsIndividualReview = true;
        List<ClassReviewDomain> currentDomains = List.of(
                new ClassReviewDomain(current.id, ReviewDomain.ACADEMIC, List.of("strong-reader"), List.of("reading"), "slow reader"),
                new ClassReviewDomain(current.id, ReviewDomain.HEALTH, List.of(), List.of("vision"), null),
                new ClassReviewDomain(current.id, ReviewDomain.FAMILY, List.of(), List.of("housing"), null));
        // only the health domain is replaced and the family domain cleared; tier, interests and flag left out
        DomainsInput named = new DomainsInput(null, null, new DomainInput(null, List.of("dental"), "seen by the nurse"),
                new DomainInput(List.of(), List.of(), null));

        ReviewEntries.Merged merged = ReviewEntries.merged(review.id, new ReviewEntryInput(ANA, null, null, null, named),
                current, currentDomains, 4, UUID.randomUUID());

        assertEquals("2", merged.entry().tier);
        assertEquals("soccer", merged.entry().interests);
        assertTrue(merged.entry().needsIndividualReview);
        assertFalse(merged.entry().carriedForward);
        assertEquals(4, merged.entry().position);
        assertEquals(List.of("academic", "health"), merged.domains().stream().map(d -> d.domain).toList());
        assertEquals(List.of("strong-reader"), merged.domains().get(0).strengthCodes());
        assertEquals(List.of("reading"), merged.domains().get(0).needCodes());
        assertEquals("slow reader", merged.domains().get(0).note);
        assertEquals(List.of("dental"), merged.domains().get(1).needCodes());
        assertEquals("seen by the nurse", merged.domains().get(1).note);
        assertTrue(merged.domains().stream().allMatch(d -> d.entryId.equals(merged.entry().id)));

        ReviewEntries.Merged retiered = ReviewEntries.merged(review.id, new ReviewEntryInput(ANA, "3", "", false, null),
                current, currentDomains, 4, UUID.randomUUID());
        assertEquals("3", retiered.entry().tier);
        assertNull(retiered.entry().interests);
        assertFalse(retiered.entry().needsIndividualReview);
        assertEquals(3, retiered.domains().size());
    }

    @Test
    void aReviewWithAnUnconfirmedCarriedForwardEntryIsNotFinalized() {
        review.saveDraft("coord", null, DAY);
        ClassReviewEntry carried = entry(BEN, "2");
        carried.carriedForward = true;

        RuleBrokenException refused = assertThrows(RuleBrokenException.class,
                () -> review.finalizeBy("coord", List.of(entry(ANA, "1"), carried), Set.of(ANA, BEN)));

        assertEquals(List.of(Violation.atPointer("/entries/1/carriedForward", "student " + BEN
                + ": the entry is carried forward from the previous period and not confirmed")), refused.violations());
        assertFalse(review.isFinal());
    }

    private static ClassReviewEntry entry(UUID student, String tier) {
        ClassReviewEntry entry = new ClassReviewEntry(UUID.randomUUID(), student, 0);
        entry.tier = tier;
        return entry;
    }

    private static DomainsInput domains(String academicNeed) {
        return new DomainsInput(new DomainInput(null, List.of(academicNeed), "note"), null, null, null);
    }

    private static ReviewEntryInput input(UUID student, String tier, DomainsInput domains, String interests) {
        return new ReviewEntryInput(student, tier, interests, false, domains);
    }
}
