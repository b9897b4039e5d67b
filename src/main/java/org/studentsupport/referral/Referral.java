package org.studentsupport.referral;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.UpdateTimestamp;
import org.studentsupport.consent.CodeListConverter;
import org.studentsupport.consent.Consent;
import org.studentsupport.consent.ConsentGate;
import org.studentsupport.directory.ProviderService;
import org.studentsupport.disclosure.Disclosure;
import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.ConsentRequiredException;
import org.studentsupport.domain.IllegalMoveException;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentContact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;
import java.util.function.Function;

/**
 * One student (and optionally family members) referred to one directory service: the aggregate of
 * the referral feature. It owns its rules: a draft is written and revised, sent through the consent
 * gate (which yields the disclosure entry), moved through the workflow of {@link ReferralStatus}, and
 * re-routed when rejected. Every move is kept in its history. The fields are package-private: the
 * feature's views read them; only the methods below change them.
 */
@Entity
@Table(name = "referral")
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.REFERRAL, deduceAliasInjectionPoints = false)
public class Referral {

    @Id UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "student_id", nullable = false) Student student;
    @Column(name = "school_id", nullable = false) UUID schoolId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "service_id", nullable = false) ProviderService service;
    @Column(name = "organization_id", nullable = false) UUID organizationId;

    @Convert(converter = ReferralStatusConverter.class)
    @Column(nullable = false) ReferralStatus status = ReferralStatus.DRAFT;
    @Column(nullable = false) String purpose;

    @Convert(converter = CodeListConverter.class)
    @Column(name = "reason_codes", nullable = false) List<String> reasonCodes = new ArrayList<>();
    @Column(name = "reason_text") String reasonText;
    @Column(nullable = false) String urgency = "routine";

    @Convert(converter = CodeListConverter.class)
    @Column(name = "shared_categories", nullable = false) List<String> sharedCategories = new ArrayList<>();

    /** Seen only inside the school. */
    @Column(name = "internal_notes") String internalNotes;

    /** What the provider should know. */
    @Column(name = "shared_notes") String sharedNotes;

    @ElementCollection
    @CollectionTable(name = "referral_family_member", joinColumns = @JoinColumn(name = "referral_id"))
    @Column(name = "contact_id") Set<UUID> familyContactIds = new LinkedHashSet<>();

    @ManyToOne
    @JoinColumn(name = "consent_id") Consent consent;

    /** Relies on the FERPA health-or-safety emergency exception instead of consent. */
    @Column(nullable = false) boolean emergency;
    @Column(name = "emergency_threat") String emergencyThreat;
    @Column(name = "emergency_parties_informed") String emergencyPartiesInformed;
    @Column(name = "consent_revoked", nullable = false) boolean consentRevoked;
    @Column(name = "status_reason_code") String statusReasonCode;
    @Column(name = "status_reason_text") String statusReasonText;
    @Column(name = "first_service_on") LocalDate firstServiceOn;
    @Column(name = "requested_at") Instant requestedAt;
    @Column(name = "accepted_at") Instant acceptedAt;
    @Column(name = "closed_at") Instant closedAt;
    @Column(name = "follow_up_due") LocalDate followUpDue;
    /** When the referral last disclosed data: sending, or a shared update. */
    @Column(name = "last_disclosed_at") Instant lastDisclosedAt;
    @Column(name = "rerouted_from_id") UUID reroutedFromId;
    @Column(name = "rerouted_to_id") UUID reroutedToId;
    @Column(nullable = false) String author;
    @Version long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false) Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false) Instant updatedAt;

    /**
     * Whether the status is open ({@link ReferralStatus#OPEN}), computed by the database: the student's referrals are
     * listed open first through the index on exactly this expression (migration V91); a test checks the list.
     */
    @Formula(OPEN_CONDITION) boolean open;

    static final String OPEN_CONDITION = "status in ('draft', 'requested', 'accepted', 'in-progress', 'on-hold')";

    /** The moves, written with the referral (never loaded through here: the views query the history). */
    @OneToMany(mappedBy = "referral", cascade = CascadeType.PERSIST) List<ReferralTransition> history = new ArrayList<>();

    protected Referral() {
    }

    Referral(Student student, ProviderService service, String author) {
        this.id = UUID.randomUUID();
        this.student = student;
        this.schoolId = student.school.id;
        this.service = service;
        this.organizationId = service.organization.id;
        this.author = author;
    }

    // ---- drafts ----------------------------------------------------------------------------------

    /** A new draft to a service, written by {@code author} on {@code today}; nothing leaves the school yet. */
    public static Referral draft(Student student, ProviderService service, String author, DraftContent content,
                                 LocalDate today, ReferralSettings settings) {
        Referral referral = new Referral(student, service, author);
        referral.write(content);
        referral.followUpDue = FollowUp.due(ReferralStatus.DRAFT, today, settings);
        return referral;
    }

    /** Replaces what a draft says, and its service when another is given. Only a draft can be revised. */
    public void revise(ProviderService newService, DraftContent content) {
        requireDraft();
        if (newService != null && !newService.id.equals(service.id)) {
            service = newService;
            organizationId = newService.organization.id;
        }
        write(content);
    }

    /** Refuses (409) unless the referral is still a draft. */
    public void requireDraft() {
        if (status != ReferralStatus.DRAFT) {
            throw new ConflictException("Only a draft can be edited; this referral is " + status.code(),
                    Map.of("currentStatus", status.code()));
        }
    }

    /** What the draft says now. */
    public DraftContent content() {
        return new DraftContent(new LinkedHashSet<>(familyContactIds), reasonCodes, reasonText, urgency, purpose,
                sharedCategories, internalNotes, sharedNotes, consent,
                emergency ? new EmergencyBasis(emergencyThreat, emergencyPartiesInformed) : null);
    }

    private void write(DraftContent content) {
        familyContactIds.clear();
        familyContactIds.addAll(content.familyContactIds());
        reasonCodes = content.reasonCodes();
        reasonText = content.reasonText();
        urgency = content.urgency();
        purpose = content.purpose();
        sharedCategories = content.sharedCategories();
        internalNotes = content.internalNotes();
        sharedNotes = content.sharedNotes();
        if (consent != content.consent()) {
            // the withdrawal flag speaks of the consent relied on; another basis starts unflagged
            consentRevoked = false;
        }
        consent = content.consent();
        emergency = content.emergency() != null;
        emergencyThreat = content.emergency() == null ? null : content.emergency().threat();
        emergencyPartiesInformed = content.emergency() == null ? null : content.emergency().partiesInformed();
    }

    // ---- the workflow ----------------------------------------------------------------------------

    /**
     * Sends the draft to the provider (draft → requested), by the school: the service must take
     * referrals, and the {@link ConsentGate} must allow the disclosure. Returns the entry of the record
     * of disclosures that the sending causes, with the snapshot of the data disclosed; the caller stores
     * it in the same transaction.
     *
     * @param members the student's links to the family members named on the referral (what {@code contact} discloses)
     * @throws IllegalMoveException when the referral is not a draft
     * @throws ConsentRequiredException when neither a consent nor the emergency exception covers the disclosure
     * @throws RuleBrokenException when only the service refuses
     */
    public Disclosure send(Recipient recipient, Move move, List<StudentContact> members, LocalDate today,
                           ReferralSettings settings) {
        requireMove(move.side(), ReferralStatus.REQUESTED);
        List<Violation> unmet = new ArrayList<>();
        if (!recipient.takesReferrals()) {
            unmet.add(Violation.atPointer("/serviceId", "the service '" + recipient.serviceName() + "' does not take referrals now"));
        }
        ConsentGate.Decision decision = gate(organizationId, today);
        unmet.addAll(decision.violations());
        if (!unmet.isEmpty()) {
            String detail = "The referral cannot be sent: " + unmet.size() + " requirement(s) for disclosing student data are not met";
            throw decision.allowed() ? new RuleBrokenException(detail, unmet) : new ConsentRequiredException(detail, unmet);
        }
        record(ReferralStatus.REQUESTED, move);
        followUpDue = FollowUp.due(ReferralStatus.REQUESTED, today, settings);
        return disclose(decision, recipient.organizationName(), members, Disclosure.REFERRAL_SENT, null, move, today);
    }

    /**
     * Shares an update of the data with the provider of a sent, open referral, by the school: a new
     * disclosure with a fresh snapshot, through the same {@link ConsentGate} as sending. A revoked or
     * expired consent (or one that no longer covers what is shared) stops it.
     *
     * @throws ConflictException when the referral is a draft (send it) or closed
     * @throws ConsentRequiredException when the basis does not cover the disclosure, naming each gap
     */
    public Disclosure shareUpdate(String organizationName, Move move, List<StudentContact> members, LocalDate today) {
        if (!ReferralStatus.SENT_OPEN.contains(status)) {
            throw new ConflictException(status == ReferralStatus.DRAFT
                    ? "A draft has disclosed nothing yet: send it with POST /api/v1/referrals/" + id + "/send"
                    : "This referral is " + status.code() + ": a closed referral shares nothing more",
                    Map.of("currentStatus", status.code()));
        }
        ConsentGate.Decision decision = gate(organizationId, today);
        if (!decision.allowed()) {
            throw new ConsentRequiredException("The update cannot be shared: " + decision.violations().size()
                    + " requirement(s) for disclosing student data are not met", decision.violations());
        }
        return disclose(decision, organizationName, members, Disclosure.UPDATE_SHARED, move.note(), move, today);
    }

    /** What the consent gate says of disclosing this referral's data to an organization on a day. */
    private ConsentGate.Decision gate(UUID organization, LocalDate today) {
        return ConsentGate.decide(new ConsentGate.Request(today, organization, purpose, sharedCategories, consent,
                emergency ? new ConsentGate.Emergency(emergencyThreat, emergencyPartiesInformed) : null));
    }

    private Disclosure disclose(ConsentGate.Decision decision, String organizationName, List<StudentContact> members,
                                String occasion, String note, Move move, LocalDate today) {
        lastDisclosedAt = move.at();
        Disclosure.Party party = new Disclosure.Party(organizationId, organizationName, purpose,
                consent == null ? null : consent.purposeText());
        return Disclosure.allowedBy(decision, student.id, id, party, new Disclosure.Content(sharedCategories,
                DisclosedData.of(this, members, today).toJson(), occasion, note), move.at(), move.actor());
    }

    /**
     * Any move but sending, by the side the move names: the workflow must give that side the move, and
     * the move must carry what its target requires (a first service not in the future).
     *
     * @throws IllegalMoveException when the workflow does not allow it
     * @throws RuleBrokenException when the move lacks what it must carry
     */
    public void transition(ReferralStatus target, Move move, LocalDate today, ReferralSettings settings) {
        requireMove(move.side(), target);
        List<Violation> missing = new ArrayList<>();
        for (ReferralStatus.Missing m : target.check(move.reasonCode(), move.reasonText(), move.firstServiceOn())) {
            missing.add(Violation.atPointer("/" + m.field(), m.message()));
        }
        if (move.firstServiceOn() != null && move.firstServiceOn().isAfter(today)) {
            missing.add(Violation.atPointer("/firstServiceOn", "must not be in the future"));
        }
        if (!missing.isEmpty()) {
            throw new RuleBrokenException("The move to '" + target.code() + "' is missing what it must carry", missing);
        }
        boolean starts = target == ReferralStatus.IN_PROGRESS;
        record(target, new Move(move.side(), move.actor(), move.at(), move.reasonCode(), move.reasonText(),
                starts ? move.firstServiceOn() : null, move.note()));
        LocalDate from = starts && move.firstServiceOn() != null ? move.firstServiceOn() : today;
        followUpDue = FollowUp.due(target, from, settings);
    }

    /**
     * A rejected referral → a new draft to another service with the same content (and other shared
     * notes when given), linked both ways. Only once, and only to another service.
     *
     * @param directory finds the other service (refusing when there is none)
     */
    public Referral reroute(UUID serviceId, Function<UUID, ProviderService> directory, String author, String newSharedNotes,
                            Consent newBasis, LocalDate today, ReferralSettings settings) {
        if (status != ReferralStatus.REJECTED) {
            throw new ConflictException("Only a rejected referral can be re-routed; this one is " + status.code(),
                    Map.of("currentStatus", status.code()));
        }
        if (reroutedToId != null) {
            throw new ConflictException("This referral was already re-routed to " + reroutedToId,
                    Map.of("reroutedToId", reroutedToId.toString()));
        }
        if (serviceId.equals(service.id)) {
            throw new RuleBrokenException("Re-route to another service",
                    List.of(Violation.atPointer("/serviceId", "is the service that rejected the referral")));
        }
        ProviderService target = directory.apply(serviceId);
        DraftContent copy = content().withSharedNotes(newSharedNotes != null ? newSharedNotes : sharedNotes);
        if (newBasis != null) {
            copy = copy.withConsent(newBasis);
        }
        // The new draft would disclose the same data to another party: it needs a basis that still holds.
        ConsentGate.Decision decision = ConsentGate.decide(new ConsentGate.Request(today, target.organization.id, copy.purpose(),
                copy.sharedCategories(), copy.consent(), copy.emergency() == null ? null
                        : new ConsentGate.Emergency(copy.emergency().threat(), copy.emergency().partiesInformed())));
        if (!decision.allowed()) {
            throw new ConsentRequiredException("The referral cannot be re-routed on its basis: " + decision.violations().size()
                    + " requirement(s) for disclosing student data are not met", decision.violations());
        }
        Referral next = draft(student, target, author, copy, today, settings);
        next.reroutedFromId = id;
        reroutedToId = next.id;
        return next;
    }

    /** The consent this referral relies on was revoked while it was open. */
    void flagConsentRevoked() {
        consentRevoked = true;
    }

    /**
     * The day from which the consent this referral relies on no longer covers anything (revoked, or
     * expired) when that day has come; null while it holds, and for referrals on the emergency exception.
     */
    LocalDate consentEndedOn(LocalDate today) {
        return consent == null ? null : consent.endedOn(today);
    }

    /** Whether the consent relied on was revoked while the referral was open, or has ended since. */
    boolean consentWithdrawn(LocalDate today) {
        return consentRevoked || consentEndedOn(today) != null;
    }

    private void requireMove(ActorSide side, ReferralStatus target) {
        if (!status.canMove(side, target)) {
            List<String> allowed = ReferralStatus.codes(status.allowedFor(side));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("currentStatus", status.code());
            details.put("requestedStatus", target.code());
            details.put("allowedStatuses", allowed);
            throw new IllegalMoveException("A referral in status '" + status.code() + "' cannot be moved to '" + target.code()
                    + "' by the " + side.code() + "; allowed: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed)),
                    details);
        }
    }

    private void record(ReferralStatus target, Move move) {
        history.add(moveTo(target, move.side(), move.actor(), move.at(), move.reasonCode(), move.reasonText(),
                move.firstServiceOn(), move.note()));
    }

    /**
     * Sets the status and the facts of the move, and returns the history entry, without the rules of
     * {@link #send} and {@link #transition} beyond the workflow's table: only those and test set-ups use it.
     */
    ReferralTransition moveTo(ReferralStatus target, ActorSide side, String actor, Instant at,
                              String reasonCode, String reasonText, LocalDate firstServiceOn, String note) {
        if (!status.canMove(side, target)) {
            throw new IllegalStateException(status.code() + " -> " + target.code() + " by " + side.code());
        }
        ReferralTransition transition = new ReferralTransition(this, status, target, actor, side, at,
                reasonCode, reasonText, firstServiceOn, note);
        this.status = target;
        if (reasonCode != null || reasonText != null) {
            this.statusReasonCode = reasonCode;
            this.statusReasonText = reasonText;
        }
        switch (target) {
            case REQUESTED -> requestedAt = at;
            case ACCEPTED -> acceptedAt = at;
            case IN_PROGRESS -> {
                if (firstServiceOn != null && this.firstServiceOn == null) {
                    this.firstServiceOn = firstServiceOn;
                }
            }
            default -> {
            }
        }
        if (target.isFinal()) {
            closedAt = at;
        }
        return transition;
    }

    // ---- reading -----------------------------------------------------------------------------------

    /** The legal basis of the disclosure this referral makes: a consent id or the emergency exception. */
    public String basis() {
        return basis(emergency, consent == null ? null : consent.id());
    }

    static String basis(boolean emergency, UUID consentId) {
        return emergency ? ConsentGate.EMERGENCY : consentId == null ? null : "consent:" + consentId;
    }

    public UUID id() {
        return id;
    }

    public UUID studentId() {
        return student.id;
    }

    public ReferralStatus status() {
        return status;
    }

    public boolean isEmergency() {
        return emergency;
    }

    public long version() {
        return version;
    }
}
