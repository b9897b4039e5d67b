package org.studentsupport.referral;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.consent.Consent;
import org.studentsupport.directory.ProviderService;
import org.studentsupport.directory.Organization;
import org.studentsupport.disclosure.Disclosure;
import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.ConsentRequiredException;
import org.studentsupport.domain.IllegalMoveException;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;
import org.studentsupport.school.District;
import org.studentsupport.school.School;
import org.studentsupport.student.Student;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The referral aggregate's own rules, as plain Java: drafts, sending through the consent gate, moves, re-routing. */
class ReferralAggregateTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 16); // a Monday
    static final Instant NOW = Instant.parse("2026-11-16T10:00:00Z");
    static final ReferralSettings SETTINGS = FollowUpTest.SETTINGS;
    static final Recipient OPEN_SERVICE = new Recipient("Mentoring", "Big Sisters", true);

    Student student;
    ProviderService service;
    ProviderService other;
    Consent consent;

    @BeforeEach
    void aStudentAServiceAndAConsent() {
        student = new Student("stu-agg", new School("sch-agg", new District("dst-agg", "Aggregate"), "Aggregate School"), "Mia", "Stone");
        service = new ProviderService(UUID.randomUUID(), new Organization(UUID.randomUUID(), "Big Sisters"), "Mentoring");
        other = new ProviderService(UUID.randomUUID(), new Organization(UUID.randomUUID(), "Other"), "Tutoring");
        consent = new Consent(student);
        consent.signedOn = TODAY.minusDays(10);
        consent.expiresOn = TODAY.plusYears(1);
        consent.purposes = List.of("mentoring");
        consent.purposeText = "mentoring after school";
        consent.dataCategories = List.of("identity", "contact");
        consent.recipientClass = "community-providers";
    }

    DraftContent content(Consent relied, EmergencyBasis emergency) {
        return new DraftContent(Set.of(), List.of("sel.anxiety", "sel.anxiety"), "why", "soon", "mentoring",
                List.of("identity", "contact"), "internal", "shared", relied, emergency);
    }

    Referral draft(Consent relied) {
        return Referral.draft(student, service, "coord", content(relied, null), TODAY, SETTINGS);
    }

    static Move by(ActorSide side) {
        return new Move(side, side.code() + "-user", NOW, null, null, null, null);
    }

    Referral requested() {
        Referral referral = draft(consent);
        referral.send(OPEN_SERVICE, by(ActorSide.SCHOOL), TODAY, SETTINGS);
        return referral;
    }

    @Test
    void aDraftIsWrittenWithItsFollowUpDateAndDeduplicatedCodes() {
        Referral referral = draft(consent);
        assertEquals(ReferralStatus.DRAFT, referral.status());
        assertEquals(TODAY.plusDays(7), referral.followUpDue);
        assertEquals(List.of("sel.anxiety"), referral.reasonCodes);
        assertEquals(service.organization.id, referral.organizationId);
        assertEquals(student.school.id, referral.schoolId);
        assertTrue(referral.history.isEmpty());
    }

    @Test
    void sendingWithACoveringConsentYieldsTheDisclosureEntry() {
        Referral referral = draft(consent);
        Disclosure entry = referral.send(OPEN_SERVICE, Move.plain(ActorSide.SCHOOL, "coord-1", NOW, "sent by phone too"), TODAY, SETTINGS);
        assertEquals(ReferralStatus.REQUESTED, referral.status());
        assertEquals(NOW, referral.requestedAt);
        assertEquals(FollowUp.plusSchoolDays(TODAY, 5), referral.followUpDue);
        assertEquals(1, referral.history.size());
        assertEquals("sent by phone too", referral.history.get(0).note);
        assertEquals(Disclosure.CONSENT, entry.basis());
        assertEquals(consent.id, entry.consentId());
        assertEquals(student.id, entry.studentId());
        assertEquals(referral.id(), entry.referralId());
        assertEquals(service.organization.id, entry.partyOrganizationId());
        assertEquals("Big Sisters", entry.partyName());
        assertEquals("mentoring", entry.legitimateInterest());
        assertEquals("mentoring after school", entry.legitimateInterestText());
        assertEquals(List.of("identity", "contact"), entry.dataCategories());
        assertEquals(NOW, entry.disclosedAt());
        assertEquals("coord-1", entry.official());
        assertNull(entry.threat());
    }

    @Test
    void sendingUnderTheEmergencyExceptionRecordsTheThreat() {
        Referral referral = Referral.draft(student, service, "coord", content(null, new EmergencyBasis("a plan to harm", "mother")),
                TODAY, SETTINGS);
        Disclosure entry = referral.send(OPEN_SERVICE, by(ActorSide.SCHOOL), TODAY, SETTINGS);
        assertEquals(Disclosure.EMERGENCY, entry.basis());
        assertEquals("a plan to harm", entry.threat());
        assertEquals("mother", entry.partiesInformed());
        assertNull(entry.consentId());
        assertEquals("health-or-safety-emergency", referral.basis());
    }

    @Test
    void withoutCoverTheReferralStaysADraftAndTheRefusalNamesEachGap() {
        Referral referral = draft(null);
        ConsentRequiredException refused = assertThrows(ConsentRequiredException.class,
                () -> referral.send(OPEN_SERVICE, by(ActorSide.SCHOOL), TODAY, SETTINGS));
        assertEquals(List.of("/consentId"), refused.violations().stream().map(Violation::pointer).toList());
        consent.purposes = List.of("tutoring");
        Referral uncovered = draft(consent);
        ConsentRequiredException gaps = assertThrows(ConsentRequiredException.class,
                () -> uncovered.send(new Recipient("Mentoring", "Big Sisters", false), by(ActorSide.SCHOOL), TODAY, SETTINGS));
        assertEquals(List.of("/serviceId", "/purpose"), gaps.violations().stream().map(Violation::pointer).toList());
        assertEquals(ReferralStatus.DRAFT, uncovered.status());
        assertTrue(uncovered.history.isEmpty());
        assertNull(uncovered.requestedAt);
    }

    @Test
    void aServiceThatTakesNoReferralsRefusesEvenWithConsent() {
        Referral referral = draft(consent);
        RuleBrokenException refused = assertThrows(RuleBrokenException.class,
                () -> referral.send(new Recipient("Mentoring", "Big Sisters", false), by(ActorSide.SCHOOL), TODAY, SETTINGS));
        assertEquals("/serviceId", refused.violations().get(0).pointer());
        assertTrue(refused.violations().get(0).message().contains("'Mentoring' does not take referrals"));
    }

    @Test
    void sendingTwiceIsAnIllegalMoveNamingTheAllowedOnes() {
        Referral referral = requested();
        IllegalMoveException refused = assertThrows(IllegalMoveException.class,
                () -> referral.send(OPEN_SERVICE, by(ActorSide.SCHOOL), TODAY, SETTINGS));
        assertEquals(Map.of("currentStatus", "requested", "requestedStatus", "requested", "allowedStatuses", List.of("cancelled")),
                refused.details());
    }

    @Test
    void eachSideMakesOnlyItsOwnMoves() {
        Referral referral = requested();
        IllegalMoveException refused = assertThrows(IllegalMoveException.class,
                () -> referral.transition(ReferralStatus.ACCEPTED, by(ActorSide.SCHOOL), TODAY, SETTINGS));
        assertEquals(List.of("cancelled"), refused.details().get("allowedStatuses"));
        assertTrue(refused.getMessage().contains("by the school"));
        referral.transition(ReferralStatus.ACCEPTED, by(ActorSide.PROVIDER), TODAY, SETTINGS);
        assertEquals(ReferralStatus.ACCEPTED, referral.status());
        assertEquals(NOW, referral.acceptedAt);
        assertEquals(TODAY.plusDays(14), referral.followUpDue);
        assertEquals(List.of("requested", "accepted"), referral.history.stream().map(t -> t.toStatus.code()).toList());
        assertEquals("provider", referral.history.get(1).actorSide);
    }

    @Test
    void aMoveMustCarryWhatItsTargetRequires() {
        Referral referral = requested();
        referral.transition(ReferralStatus.ACCEPTED, by(ActorSide.PROVIDER), TODAY, SETTINGS);
        RuleBrokenException noDate = assertThrows(RuleBrokenException.class,
                () -> referral.transition(ReferralStatus.IN_PROGRESS, by(ActorSide.PROVIDER), TODAY, SETTINGS));
        assertEquals("/firstServiceOn", noDate.violations().get(0).pointer());
        RuleBrokenException future = assertThrows(RuleBrokenException.class, () -> referral.transition(ReferralStatus.IN_PROGRESS,
                new Move(ActorSide.PROVIDER, "p", NOW, null, null, TODAY.plusDays(1), null), TODAY, SETTINGS));
        assertEquals("must not be in the future", future.violations().get(0).message());
        assertEquals(ReferralStatus.ACCEPTED, referral.status());

        referral.transition(ReferralStatus.IN_PROGRESS, new Move(ActorSide.PROVIDER, "p", NOW, null, null, TODAY.minusDays(2), null),
                TODAY, SETTINGS);
        assertEquals(TODAY.minusDays(2), referral.firstServiceOn);
        assertEquals(TODAY.minusDays(2).plusDays(21), referral.followUpDue); // the check-in counts from the first service
        referral.transition(ReferralStatus.COMPLETED, new Move(ActorSide.SCHOOL, "c", NOW, "goals-met", null, null, null), TODAY, SETTINGS);
        assertEquals("goals-met", referral.statusReasonCode);
        assertEquals(NOW, referral.closedAt);
        assertNull(referral.followUpDue);
    }

    @Test
    void onlyADraftIsRevisedAndAnotherServiceBringsItsOrganization() {
        Referral referral = draft(consent);
        referral.revise(other, content(null, null).withSharedNotes("new notes"));
        assertEquals(other.organization.id, referral.organizationId);
        assertEquals("new notes", referral.sharedNotes);
        assertNull(referral.consent);
        Referral sent = requested();
        ConflictException refused = assertThrows(ConflictException.class, () -> sent.revise(null, content(consent, null)));
        assertEquals(Map.of("currentStatus", "requested"), refused.details());
    }

    @Test
    void aRejectedReferralIsReroutedOnceToAnotherService() {
        Referral referral = requested();
        assertThrows(ConflictException.class, () -> referral.reroute(other.id, id -> other, "coord", null, TODAY, SETTINGS));
        referral.transition(ReferralStatus.REJECTED, new Move(ActorSide.PROVIDER, "p", NOW, "no-capacity", null, null, null),
                TODAY, SETTINGS);
        RuleBrokenException same = assertThrows(RuleBrokenException.class,
                () -> referral.reroute(service.id, id -> service, "coord", null, TODAY, SETTINGS));
        assertEquals("/serviceId", same.violations().get(0).pointer());

        Referral next = referral.reroute(other.id, id -> other, "coord-2", "call first", TODAY, SETTINGS);
        assertEquals(ReferralStatus.DRAFT, next.status());
        assertEquals(other.organization.id, next.organizationId);
        assertEquals(referral.id(), next.reroutedFromId);
        assertEquals(next.id(), referral.reroutedToId);
        assertEquals("call first", next.sharedNotes);
        assertEquals(referral.reasonCodes, next.reasonCodes);
        assertEquals(consent, next.consent);
        assertEquals("coord-2", next.author);
        ConflictException again = assertThrows(ConflictException.class,
                () -> referral.reroute(other.id, id -> other, "coord", null, TODAY, SETTINGS));
        assertEquals(Map.of("reroutedToId", next.id().toString()), again.details());
    }
}
