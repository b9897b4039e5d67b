package org.studentsupport.consent;

import org.junit.jupiter.api.Test;
import org.studentsupport.school.District;
import org.studentsupport.school.School;
import org.studentsupport.student.FamilyContact;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentContact;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a consent does not cover of a disclosure on a day, without a database. */
class ConsentGapsTest {

    static final LocalDate TODAY = ConsentGatePolicyTest.TODAY;
    static final UUID PROVIDER = ConsentGatePolicyTest.PROVIDER;

    /** A consent signed 30 days before TODAY, in force for a year, to one organization (null: every community provider). */
    static Consent consent(UUID organization, List<String> purposes, List<String> categories) {
        return consent(organization, purposes, categories, TODAY.minusDays(30), TODAY.plusYears(1));
    }

    /** A consent signed by a parent on a day, recorded that day, in force until {@code expiresOn}. */
    static Consent consent(UUID organization, List<String> purposes, List<String> categories, LocalDate signedOn,
                           LocalDate expiresOn) {
        Student student = new Student("stu-gaps", new School("sch-gaps", new District("dst-gaps", "Gaps"), "Gaps School"), "Ada", "Gaps");
        student.id = UUID.randomUUID();
        FamilyContact parent = new FamilyContact("fam-gaps", "Bea", "Gaps");
        return Consent.record(student, Consent.Signer.contact(new StudentContact(student, parent, "parent", true)),
                new Consent.Terms(signedOn, Consent.PAPER, "scan-1", null, categories, purposes, null, organization,
                        organization == null ? "community-providers" : null, expiresOn),
                signedOn, "coord", id -> true);
    }

    private static List<String> fields(Consent consent, List<String> categories) {
        return consent.gaps(TODAY, PROVIDER, "mentoring", categories).stream().map(Consent.Gap::field).toList();
    }

    @Test
    void aConsentCoveringOrganizationPurposeAndEveryCategoryHasNoGap() {
        Consent consent = consent(PROVIDER, List.of("mentoring", "tutoring"), List.of("identity", "contact", "plan"));
        assertTrue(consent.gaps(TODAY, PROVIDER, "mentoring", List.of("identity", "plan")).isEmpty());
    }

    @Test
    void aConsentToTheClassOfCommunityProvidersCoversAnyOrganization() {
        Consent consent = consent(null, List.of("mentoring"), List.of("identity"));
        assertTrue(consent.gaps(TODAY, UUID.randomUUID(), "mentoring", List.of("identity")).isEmpty());
    }

    @Test
    void signedLaterExpiredOrRevokedAreGapsOfTheConsentItself() {
        Consent later = consent(PROVIDER, List.of("mentoring"), List.of("identity"), TODAY.plusDays(1), TODAY.plusYears(1));
        assertEquals(List.of("consentId"), fields(later, List.of("identity")));
        assertTrue(later.gaps(TODAY, PROVIDER, "mentoring", List.of("identity")).get(0).message().contains("after today"));

        Consent expired = consent(PROVIDER, List.of("mentoring"), List.of("identity"), TODAY.minusDays(30), TODAY.minusDays(1));
        assertEquals("consent " + expired.id() + " expired on " + TODAY.minusDays(1),
                expired.gaps(TODAY, PROVIDER, "mentoring", List.of("identity")).get(0).message());

        Consent revoked = consent(PROVIDER, List.of("mentoring"), List.of("identity"));
        revoked.revoke(TODAY, "coord", null, TODAY);
        assertEquals(List.of("consentId"), fields(revoked, List.of("identity")));
        assertTrue(revoked.gaps(TODAY, PROVIDER, "mentoring", List.of("identity")).get(0).message().contains("was revoked on " + TODAY));
    }

    @Test
    void aRevocationDatedAfterTheDayIsNotYetAGap() {
        Consent consent = consent(PROVIDER, List.of("mentoring"), List.of("identity"));
        consent.revoke(TODAY.plusDays(1), "coord", null, TODAY.plusDays(1));
        assertTrue(fields(consent, List.of("identity")).isEmpty());
    }

    @Test
    void anotherOrganizationAnotherPurposeAndMissingCategoriesAreEachAGap() {
        Consent consent = consent(UUID.randomUUID(), List.of("tutoring"), List.of("identity"));
        List<Consent.Gap> gaps = consent.gaps(TODAY, PROVIDER, "mentoring", List.of("identity", "contact", "health"));
        assertEquals(List.of("consentId", "purpose", "sharedCategories"), gaps.stream().map(Consent.Gap::field).toList());
        assertTrue(gaps.get(0).message().contains("does not name organization " + PROVIDER));
        assertTrue(gaps.get(1).message().contains("does not cover the purpose 'mentoring'"));
        assertTrue(gaps.get(2).message().contains("[contact, health]"));
    }

    @Test
    void everyGapIsReportedAtOnce() {
        Consent consent = consent(UUID.randomUUID(), List.of("tutoring"), List.of("identity"), TODAY.minusDays(30),
                TODAY.minusDays(2));
        consent.revoke(TODAY.minusDays(5), "coord", null, TODAY);
        assertEquals(List.of("consentId", "consentId", "consentId", "purpose", "sharedCategories"),
                fields(consent, List.of("identity", "contact")));
    }
}
