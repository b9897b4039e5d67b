package org.studentsupport.referral;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.studentsupport.consent.CodeListConverter;
import org.studentsupport.consent.Consent;
import org.studentsupport.directory.ProviderService;
import org.studentsupport.student.Student;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;

/**
 * One student (and optionally family members) referred to one directory service. The status moves
 * only through {@link #moveTo}, which applies the rules of {@link ReferralStatus}.
 */
@Entity
@Table(name = "referral")
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.REFERRAL, deduceAliasInjectionPoints = false)
public class Referral {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "student_id", nullable = false)
    public Student student;

    @Column(name = "school_id", nullable = false)
    public UUID schoolId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "service_id", nullable = false)
    public ProviderService service;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Convert(converter = ReferralStatusConverter.class)
    @Column(nullable = false)
    public ReferralStatus status = ReferralStatus.DRAFT;

    @Column(nullable = false)
    public String purpose;

    @Convert(converter = CodeListConverter.class)
    @Column(name = "reason_codes", nullable = false)
    public List<String> reasonCodes = new ArrayList<>();

    @Column(name = "reason_text")
    public String reasonText;

    @Column(nullable = false)
    public String urgency = "routine";

    @Convert(converter = CodeListConverter.class)
    @Column(name = "shared_categories", nullable = false)
    public List<String> sharedCategories = new ArrayList<>();

    /** Seen only inside the school. */
    @Column(name = "internal_notes")
    public String internalNotes;

    /** What the provider should know. */
    @Column(name = "shared_notes")
    public String sharedNotes;

    @ElementCollection
    @CollectionTable(name = "referral_family_member", joinColumns = @JoinColumn(name = "referral_id"))
    @Column(name = "contact_id")
    public Set<UUID> familyContactIds = new LinkedHashSet<>();

    @ManyToOne
    @JoinColumn(name = "consent_id")
    public Consent consent;

    /** Relies on the FERPA health-or-safety emergency exception instead of consent. */
    @Column(nullable = false)
    public boolean emergency;

    @Column(name = "emergency_threat")
    public String emergencyThreat;

    @Column(name = "emergency_parties_informed")
    public String emergencyPartiesInformed;

    @Column(name = "consent_revoked", nullable = false)
    public boolean consentRevoked;

    @Column(name = "status_reason_code")
    public String statusReasonCode;

    @Column(name = "status_reason_text")
    public String statusReasonText;

    @Column(name = "first_service_on")
    public LocalDate firstServiceOn;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "follow_up_due")
    public LocalDate followUpDue;

    @Column(name = "rerouted_from_id")
    public UUID reroutedFromId;

    @Column(name = "rerouted_to_id")
    public UUID reroutedToId;

    @Column(nullable = false)
    public String author;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected Referral() {
    }

    public Referral(Student student, ProviderService service, String author) {
        this.id = UUID.randomUUID();
        this.student = student;
        this.schoolId = student.school.id;
        this.service = service;
        this.organizationId = service.organization.id;
        this.author = author;
    }

    /**
     * Moves the referral to a status and returns the history entry of the move. The caller has
     * checked the move with {@link ReferralStatus#canMove} and {@link ReferralStatus#check}.
     */
    public ReferralTransition moveTo(ReferralStatus target, ActorSide side, String actor, Instant at,
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
                if (firstServiceOn == null) {
                    break;
                }
                if (this.firstServiceOn == null) {
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

    /** The legal basis of the disclosure this referral makes: a consent id or the emergency exception. */
    public String basis() {
        return emergency ? "health-or-safety-emergency" : consent == null ? null : "consent:" + consent.id;
    }
}
