package org.studentsupport.referral;

import org.studentsupport.consent.Consent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.consent.ConsentGate;
import org.studentsupport.directory.Directory;
import org.studentsupport.disclosure.Disclosure;
import org.studentsupport.disclosure.DisclosureService;
import org.studentsupport.disclosure.DisclosureView;
import org.studentsupport.domain.ConsentRequiredException;
import org.studentsupport.domain.Versioned;
import org.studentsupport.metrics.BusinessMeters;
import org.studentsupport.security.CallerScope;

import org.hl7.fhir.r4.model.Task;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.RuleBrokenException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import org.studentsupport.domain.VersionCheck;

/**
 * The referral workflow: sending a draft (the consent gate and the disclosure entry in one
 * transaction), every other move by each side, and re-routing a rejected referral. The rules are the
 * {@link Referral}'s; this class loads, checks access and the caller's version, and stores.
 */
@ApplicationScoped
public class ReferralWorkflow {

    private final ReferralRepository referrals;
    private final ReferralAccess access;
    private final ReferralViews views;
    private final DraftRules rules;
    private final Directory directory;
    private final DisclosureService disclosures;
    private final CallerScope caller;
    private final ReferralSettings settings;
    private final AuditTrail audit;
    private final BusinessMeters meters;
    private final ReferralEvents events;

    public ReferralWorkflow(ReferralRepository referrals, ReferralAccess access, ReferralViews views, DraftRules rules,
                            Directory directory, DisclosureService disclosures, CallerScope caller, ReferralSettings settings,
                            AuditTrail audit, BusinessMeters meters, ReferralEvents events) {
        this.events = events;
        this.referrals = referrals;
        this.access = access;
        this.views = views;
        this.rules = rules;
        this.directory = directory;
        this.disclosures = disclosures;
        this.caller = caller;
        this.settings = settings;
        this.audit = audit;
        this.meters = meters;
    }

    /**
     * Sends a draft to the provider (draft → requested): the consent gate, then the disclosure entry,
     * in this one transaction.
     *
     * @param ifMatch gets the current version first and refuses when the caller's copy is stale
     */
    @Transactional
    public Versioned<ReferralView> send(UUID id, VersionCheck ifMatch, String note) {
        Referral referral = access.require(id);
        // Two sends of one draft with the same If-Match: the second waits for the first here, then reads
        // the version the first wrote and gets a 412, instead of running into the disclosure's unique key.
        referrals.getEntityManager().refresh(referral, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        ifMatch.require(referral.version);
        if (referral.isEmergency()) {
            audit.purpose(ConsentGate.EMERGENCY);
        }
        Recipient recipient = Recipient.of(directory.service(referral.service.id).orElseThrow());
        Move move = Move.plain(ActorSide.SCHOOL, caller.subject(), Instant.now(), note);
        disclosures.record(gated("send", () -> referral.send(recipient, move, referrals.familyMembers(referral), LocalDate.now(),
                settings)));
        audit.purpose(referral.basis());
        referrals.flush();
        events.sent(referral, move.at(), caller.email().orElse(null));
        meters.countOnCommit("referrals.sent", "basis", referral.isEmergency() ? "emergency" : "consent");
        return Versioned.of(views.school(referral, ActorSide.SCHOOL), referral.version);
    }

    /**
     * Shares an update of the data with the provider of a sent, open referral: the consent gate again,
     * then a new disclosure entry with a fresh snapshot, in this one transaction. Nothing is written
     * when the basis no longer holds.
     *
     * @param ifMatch gets the current version first and refuses when the caller's copy is stale
     */
    @Transactional
    public Versioned<DisclosureView> shareUpdate(UUID id, VersionCheck ifMatch, String note) {
        Referral referral = access.require(id);
        ifMatch.require(referral.version);
        String organizationName = directory.service(referral.service.id).orElseThrow().organizationName();
        Move move = Move.plain(ActorSide.SCHOOL, caller.subject(), Instant.now(), note);
        Disclosure entry = disclosures.record(gated("share-update", () -> referral.shareUpdate(organizationName, move,
                referrals.familyMembers(referral), LocalDate.now())));
        referrals.flush();
        meters.countOnCommit("referral.updates.shared");
        return Versioned.of(DisclosureView.from(entry), referral.version);
    }

    /** Any other move, by the school (coordinators) or by the provider the referral is addressed to. */
    @Transactional
    public Versioned<Object> transition(UUID id, VersionCheck ifMatch, TransitionRequest request) {
        ActorSide side = access.side();
        Referral referral = access.require(id);
        ReferralStatus target = ReferralStatus.transitionTarget(request.to(), "send a draft with POST /api/v1/referrals/" + id + "/send");
        ifMatch.require(referral.version);
        Move move = new Move(side, caller.subject(), Instant.now(), request.reasonCode(), request.reasonText(),
                request.firstServiceOn(), request.note());
        referral.transition(target, move, LocalDate.now(), settings);
        referrals.flush();
        events.moved(referral, target, move.at());
        meters.countOnCommit("referral.transitions", "to", target.code(), "side", side.code());
        return Versioned.of(views.forSide(referral, side), referral.version);
    }

    /**
     * A provider's update of the referral's Task (FHIR {@code PUT Task/{id}}): read as a move
     * ({@link FhirTaskChange}) and made through {@link #transition}, the same rules, consent state and
     * audit as the JSON API. A Task sent back unchanged changes nothing.
     *
     * @return the Task as it is now, with the referral's version
     */
    @Transactional
    public Versioned<Task> fhirUpdate(UUID id, VersionCheck ifMatch, Task sent) {
        Referral referral = access.require(id);
        ReferralFhir current = views.fhir(referral);
        if (!current.hasTask()) {
            throw new NotFoundException("Task " + id);
        }
        ifMatch.require(referral.version);
        FhirTaskChange.Asked asked = FhirTaskChange.read(current.task(), sent);
        if (!asked.unchanged()) {
            try {
                transition(id, ifMatch, asked.move());
            } catch (RuleBrokenException e) {
                throw FhirTaskChange.inTaskTerms(e, asked.move().to());
            }
        }
        return Versioned.of(views.fhir(referral).task(), referral.version);
    }

    /** A rejected referral → a new draft to another service, linked both ways. */
    @Transactional
    public Versioned<ReferralView> reroute(UUID id, VersionCheck ifMatch, RerouteRequest request) {
        Referral rejected = access.require(id);
        ifMatch.require(rejected.version);
        Consent basis = request.consentId() == null ? null : rules.consentOnFile(rejected.student, request.consentId());
        Referral next = gated("reroute", () -> rejected.reroute(request.serviceId(), rules::service, caller.subject(),
                request.sharedNotes(), basis, LocalDate.now(), settings));
        referrals.persist(next);
        referrals.flush();
        meters.countOnCommit("referrals.rerouted");
        return Versioned.created(views.newDraft(next), next.version);
    }

    /** A step that passes the consent gate; a refusal is counted (by occasion) and passed on. */
    private <T> T gated(String occasion, Supplier<T> step) {
        try {
            return step.get();
        } catch (ConsentRequiredException e) {
            meters.count("consent.gate.refusals", "occasion", occasion);
            throw e;
        }
    }
}
