package org.studentsupport.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.consent.Consent;
import org.studentsupport.consent.ConsentGate;
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
import org.studentsupport.student.FamilyContact;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentContact;

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
    FamilyContact parent;
    StudentContact parentLink;

    @BeforeEach
    void aStudentAServiceAndAConsent() {
        student = new Student("stu-agg", new School("sch-agg", new District("dst-agg", "Aggregate"), "Aggregate School"), "Mia", "Stone");
        service = new ProviderService(UUID.randomUUID(), new Organization(UUID.randomUUID(), "Big Sisters"), "Mentoring");
        other = new ProviderService(UUID.randomUUID(), new Organization(UUID.randomUUID(), "Other"), "Tutoring");
        student.grade = "05";
        student.birthDate = TODAY.minusYears(10);
        parent = new FamilyContact("fam-agg", "Rita", "Stone");
        parent.phone = "+1 413 555 0142";
        parentLink = new StudentContact(student, parent, "parent", true);
        consent = consent(List.of("mentoring"));
    }

    Consent consent(List<String> purposes) {
        return Consent.record(student, Consent.Signer.contact(parentLink), new Consent.Terms(TODAY.minusDays(10), Consent.PAPER,
                "scan-agg", null, List.of("identity", "contact"), purposes, "mentoring after school", null,
                "community-providers", TODAY.plusYears(1)), TODAY.minusDays(10), "coord", id -> true);
    }

    DraftContent content(Consent relied, EmergencyBasis emergency) {
        return new DraftContent(Set.of(parent.id), List.of("anxiety", "anxiety"), "why", "soon", "mentoring",
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
        referral.send(OPEN_SERVICE, by(ActorSide.SCHOOL), List.of(parentLink), TODAY, SETTINGS);
        return referral;
    }

    @Test
    void aDraftIsWrittenWithItsFollowUpDateAndDeduplicatedCodes() {
        Referral referral = draft(consent);
        assertEquals(ReferralStatus.DRAFT, referral.status());
        assertEquals(TODAY.plusDays(7), referral.followUpDue);
        assertEquals(List.of("anxiety"), referral.reasonCodes);
        assertEquals(service.organization.id, referral.organizationId);
        assertEquals(student.school.id, referral.schoolId);
        assertTrue(referral.history.isEmpty());
    }

    @Test
    void sendingWithACoveringConsentYieldsTheDisclosureEntry() {
        Referral referral = draft(consent);
        Disclosure entry = referral.send(OPEN_SERVICE, Move.plain(ActorSide.SCHOOL, "coord-1", NOW, "sent by phone too"),
                List.of(parentLink), TODAY, SETTINGS);
        assertEquals(ReferralStatus.REQUESTED, referral.status());
        assertEquals(NOW, referral.requestedAt);
        assertEquals(FollowUp.plusSchoolDays(TODAY, 5), referral.followUpDue);
        assertEquals(1, referral.history.size());
        assertEquals("sent by phone too", referral.history.get(0).note);
        assertEquals(Disclosure.CONSENT, entry.basis());
        assertEquals(consent.id(), entry.consentId());
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
        Disclosure entry = referral.send(OPEN_SERVICE, by(ActorSide.SCHOOL), List.of(parentLink), TODAY, SETTINGS);
        assertEquals(ConsentGate.EMERGENCY, entry.basis());
        assertEquals("a plan to harm", entry.threat());
        assertEquals("mother", entry.partiesInformed());
        assertNull(entry.consentId());
        assertEquals("health-or-safety-emergency", referral.basis());
    }

    @Test
    void withoutCoverTheReferralStaysADraftAndTheRefusalNamesEachGap() {
        Referral referral = draft(null);
        ConsentRequiredException refused = assertThrows(ConsentRequiredException.class,
                () -> referral.send(OPEN_SERVICE, by(ActorSide.SCHOOL), List.of(parentLink), TODAY, SETTINGS));
        assertEquals(List.of("/consentId"), refused.violations().stream().map(Violation::pointer).toList());
        Referral uncovered = draft(consent(List.of("tutoring")));
        ConsentRequiredException gaps = assertThrows(ConsentRequiredException.class,
                () -> uncovered.send(new Recipient("Mentoring", "Big Sisters", false), by(ActorSide.SCHOOL), List.of(parentLink),
                        TODAY, SETTINGS));
        assertEquals(List.of("/serviceId", "/purpose"), gaps.violations().stream().map(Violation::pointer).toList());
        assertEquals(ReferralStatus.DRAFT, uncovered.status());
        assertTrue(uncovered.history.isEmpty());
        assertNull(uncovered.requestedAt);
    }

    @Test
    void aServiceThatTakesNoReferralsRefusesEvenWithConsent() {
        Referral referral = draft(consent);
        RuleBrokenException refused = assertThrows(RuleBrokenException.class,
                () -> referral.send(new Recipient("Mentoring", "Big Sisters", false), by(ActorSide.SCHOOL), List.of(parentLink),
                        TODAY, SETTINGS));
        assertEquals("/serviceId", refused.violations().get(0).pointer());
        assertTrue(refused.violations().get(0).message().contains("'Mentoring' does not take referrals"));
    }

    @Test
    void sendingTwiceIsAnIllegalMoveNamingTheAllowedOnes() {
        Referral referral = requested();
        IllegalMoveException refused = assertThrows(IllegalMoveException.class,
                () -> referral.send(OPEN_SERVICE, by(ActorSide.SCHOOL), List.of(parentLink), TODAY, SETTINGS));
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
        assertThrows(ConflictException.class, () -> referral.reroute(other.id, id -> other, "coord", null, null, TODAY, SETTINGS));
        referral.transition(ReferralStatus.REJECTED, new Move(ActorSide.PROVIDER, "p", NOW, "no-capacity", null, null, null),
                TODAY, SETTINGS);
        RuleBrokenException same = assertThrows(RuleBrokenException.class,
                () -> referral.reroute(service.id, id -> service, "coord", null, null, TODAY, SETTINGS));
        assertEquals("/serviceId", same.violations().get(0).pointer());

        Referral next = referral.reroute(other.id, id -> other, "coord-2", "call first", null, TODAY, SETTINGS);
        assertEquals(ReferralStatus.DRAFT, next.status());
        assertEquals(other.organization.id, next.organizationId);
        assertEquals(referral.id(), next.reroutedFromId);
        assertEquals(next.id(), referral.reroutedToId);
        assertEquals("call first", next.sharedNotes);
        assertEquals(referral.reasonCodes, next.reasonCodes);
        assertEquals(consent, next.consent);
        assertEquals("coord-2", next.author);
        ConflictException again = assertThrows(ConflictException.class,
                () -> referral.reroute(other.id, id -> other, "coord", null, null, TODAY, SETTINGS));
        assertEquals(Map.of("reroutedToId", next.id().toString()), again.details());
    }

    // ---- what is disclosed, and when nothing more may be ----------------------------------------

    static final Instant LATER = NOW.plusSeconds(3600);

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theDisclosureKeepsExactlyTheFieldsOfTheSharedCategoriesAsTheyWereSent() throws Exception {
        Referral referral = draft(consent);
        Disclosure entry = referral.send(OPEN_SERVICE, by(ActorSide.SCHOOL), List.of(parentLink), TODAY, SETTINGS);
        JsonNode sent = new ObjectMapper().readTree(entry.snapshot());
        // identity and contact are shared; demographics and review needs are not
        assertEquals(Set.of("categories", "familyContacts", "sharedNotes", "studentFirstName", "studentLastInitial"), fieldNames(sent));
        assertEquals("Mia", sent.get("studentFirstName").asText());
        assertEquals("S", sent.get("studentLastInitial").asText());
        assertEquals("Rita", sent.at("/familyContacts/0/givenName").asText());
        assertEquals("+1 413 555 0142", sent.at("/familyContacts/0/phone").asText());
        assertEquals("shared", sent.get("sharedNotes").asText());
        assertEquals(Disclosure.REFERRAL_SENT, entry.occasion());
        assertEquals(NOW, referral.lastDisclosedAt);
    }

    @Test
    void sharingAnUpdateIsANewDisclosureWithAFreshSnapshot() throws Exception {
        Referral referral = requested();
        parent.phone = "+1 413 555 0199";
        Disclosure update = referral.shareUpdate("Big Sisters", Move.plain(ActorSide.SCHOOL, "coord-2", LATER, "new phone"),
                List.of(parentLink), TODAY);
        assertEquals(Disclosure.UPDATE_SHARED, update.occasion());
        assertEquals("new phone", update.note());
        assertEquals(Disclosure.CONSENT, update.basis());
        assertEquals(consent.id(), update.consentId());
        assertEquals("coord-2", update.official());
        assertEquals("+1 413 555 0199", new ObjectMapper().readTree(update.snapshot()).at("/familyContacts/0/phone").asText());
        assertEquals(LATER, referral.lastDisclosedAt);
        assertEquals(ReferralStatus.REQUESTED, referral.status());
    }

    @Test
    void aDraftOrAClosedReferralSharesNoUpdate() {
        Referral draft = draft(consent);
        ConflictException notSent = assertThrows(ConflictException.class,
                () -> draft.shareUpdate("Big Sisters", by(ActorSide.SCHOOL), List.of(parentLink), TODAY));
        assertTrue(notSent.getMessage().contains("send it"), notSent.getMessage());
        Referral cancelled = requested();
        cancelled.transition(ReferralStatus.CANCELLED, new Move(ActorSide.SCHOOL, "c", NOW, null, "moved away", null, null),
                TODAY, SETTINGS);
        assertEquals(Map.of("currentStatus", "cancelled"), assertThrows(ConflictException.class,
                () -> cancelled.shareUpdate("Big Sisters", by(ActorSide.SCHOOL), List.of(parentLink), TODAY)).details());
    }

    @Test
    void afterRevocationNothingMoreIsDisclosedButTheProviderStillClosesTheLoop() {
        Referral referral = requested();
        consent.revoke(TODAY, "coord", "mother phoned", TODAY);
        ConsentRequiredException refused = assertThrows(ConsentRequiredException.class,
                () -> referral.shareUpdate("Big Sisters", Move.plain(ActorSide.SCHOOL, "c", LATER, null), List.of(parentLink), TODAY));
        assertEquals(List.of("/consentId"), refused.violations().stream().map(Violation::pointer).toList());
        assertTrue(refused.violations().get(0).message().contains("was revoked on " + TODAY));
        assertEquals(NOW, referral.lastDisclosedAt);
        assertEquals(TODAY, referral.consentEndedOn(TODAY));
        assertTrue(referral.consentWithdrawn(TODAY));

        referral.transition(ReferralStatus.ACCEPTED, by(ActorSide.PROVIDER), TODAY, SETTINGS);
        referral.transition(ReferralStatus.IN_PROGRESS, new Move(ActorSide.PROVIDER, "p", NOW, null, null, TODAY, null), TODAY, SETTINGS);
        referral.transition(ReferralStatus.COMPLETED, new Move(ActorSide.PROVIDER, "p", NOW, "goals-met", null, null, null), TODAY,
                SETTINGS);
        assertEquals(ReferralStatus.COMPLETED, referral.status());
    }

    @Test
    void aDraftMovedOntoANewConsentIsNoLongerFlaggedAndIsSentUnderIt() {
        Referral draft = draft(consent);
        consent.revoke(TODAY, "coord", "mother phoned", TODAY);
        draft.flagConsentRevoked();
        assertTrue(draft.consentWithdrawn(TODAY));

        Consent renewed = consent(List.of("mentoring"));
        draft.revise(null, content(renewed, null));
        assertEquals(false, draft.consentWithdrawn(TODAY));
        assertNull(draft.consentEndedOn(TODAY));
        draft.send(OPEN_SERVICE, by(ActorSide.SCHOOL), List.of(parentLink), TODAY, SETTINGS);
        assertEquals(ReferralStatus.REQUESTED, draft.status());
        assertEquals(false, draft.consentWithdrawn(TODAY));
    }

    @Test
    void anExpiredConsentEndsTheDayAfterItsLastDayAndStopsSendingAndSharing() {
        LocalDate afterExpiry = TODAY.plusYears(1).plusDays(1);
        Referral sent = requested();
        assertNull(sent.consentEndedOn(TODAY.plusYears(1)));
        assertEquals(afterExpiry, sent.consentEndedOn(afterExpiry));
        ConsentRequiredException update = assertThrows(ConsentRequiredException.class,
                () -> sent.shareUpdate("Big Sisters", by(ActorSide.SCHOOL), List.of(parentLink), afterExpiry));
        assertTrue(update.violations().get(0).message().contains("expired on " + TODAY.plusYears(1)));
        Referral draft = draft(consent);
        assertThrows(ConsentRequiredException.class,
                () -> draft.send(OPEN_SERVICE, by(ActorSide.SCHOOL), List.of(parentLink), afterExpiry, SETTINGS));
        assertEquals(ReferralStatus.DRAFT, draft.status());
    }

    @Test
    void aRejectedReferralIsNotReroutedOnARevokedOrExpiredConsent() {
        Referral revokedUnder = requested();
        revokedUnder.transition(ReferralStatus.REJECTED, new Move(ActorSide.PROVIDER, "p", NOW, "no-capacity", null, null, null),
                TODAY, SETTINGS);
        Referral expiredUnder = requested();
        expiredUnder.transition(ReferralStatus.REJECTED, new Move(ActorSide.PROVIDER, "p", NOW, "no-capacity", null, null, null),
                TODAY, SETTINGS);
        ConsentRequiredException expired = assertThrows(ConsentRequiredException.class,
                () -> expiredUnder.reroute(other.id, id -> other, "coord", null, null, TODAY.plusYears(2), SETTINGS));
        assertTrue(expired.violations().get(0).message().contains("expired on"));
        assertNull(expiredUnder.reroutedToId);

        consent.revoke(TODAY, "coord", null, TODAY);
        ConsentRequiredException revoked = assertThrows(ConsentRequiredException.class,
                () -> revokedUnder.reroute(other.id, id -> other, "coord", null, null, TODAY, SETTINGS));
        assertEquals("/consentId", revoked.violations().get(0).pointer());
        assertNull(revokedUnder.reroutedToId);
    }

    @Test
    void aRejectedReferralIsReroutedOnAnotherConsentOnceTheFirstWasRevoked() {
        Referral rejected = requested();
        rejected.transition(ReferralStatus.REJECTED, new Move(ActorSide.PROVIDER, "p", NOW, "no-capacity", null, null, null),
                TODAY, SETTINGS);
        consent.revoke(TODAY, "coord", null, TODAY);
        Consent renewed = consent(List.of("mentoring"));
        Referral next = rejected.reroute(other.id, id -> other, "coord", null, renewed, TODAY, SETTINGS);
        assertEquals(renewed, next.content().consent());
        assertEquals(false, next.consentWithdrawn(TODAY));
        assertEquals(next.id, rejected.reroutedToId);
    }

    @Test
    void aConsentIsRevokedOnceOnADayBetweenItsSigningAndToday() {
        assertEquals("/revokedOn", assertThrows(RuleBrokenException.class,
                () -> consent.revoke(TODAY.plusDays(1), "coord", null, TODAY)).violations().get(0).pointer());
        assertEquals("/revokedOn", assertThrows(RuleBrokenException.class,
                () -> consent.revoke(TODAY.minusDays(11), "coord", null, TODAY)).violations().get(0).pointer());
        assertNull(consent.revokedOn());
        consent.revoke(TODAY.minusDays(1), "coord", "by letter", TODAY);
        assertEquals("revoked", consent.stateOn(TODAY));
        ConflictException again = assertThrows(ConflictException.class, () -> consent.revoke(TODAY, "coord", null, TODAY));
        assertEquals(Map.of("revokedOn", TODAY.minusDays(1).toString()), again.details());
        assertEquals(TODAY.minusDays(1), consent.revokedOn());
    }
}
