package org.studentsupport.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.studentsupport.student.FamilyContact;
import org.studentsupport.student.Student;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;

/**
 * A written consent to disclose (FERPA 99.30): who signed it and when, how, which records, for
 * which purposes, to whom, until when; and whether it was revoked. Revocation stops future
 * disclosures, not past ones, so a revoked consent stays on file.
 */
@Entity
@Table(name = "consent")
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.CONSENT, deduceAliasInjectionPoints = false)
public class Consent {

    public static final String PAPER = "paper";
    public static final String ELECTRONIC = "electronic";

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "student_id", nullable = false)
    public Student student;

    /** The family contact who signed; null when the student signed (18 or older). */
    @ManyToOne
    @JoinColumn(name = "signer_contact_id")
    public FamilyContact signerContact;

    @Column(name = "signed_by_student", nullable = false)
    public boolean signedByStudent;

    @Column(name = "signed_on", nullable = false)
    public LocalDate signedOn;

    @Column(nullable = false)
    public String method;

    @Column(name = "paper_scan_reference")
    public String paperScanReference;

    @Column(name = "electronic_signer_identity")
    public String electronicSignerIdentity;

    @Convert(converter = CodeListConverter.class)
    @Column(name = "data_categories", nullable = false)
    public List<String> dataCategories = new ArrayList<>();

    @Convert(converter = CodeListConverter.class)
    @Column(nullable = false)
    public List<String> purposes = new ArrayList<>();

    @Column(name = "purpose_text")
    public String purposeText;

    @Column(name = "recipient_organization_id")
    public UUID recipientOrganizationId;

    @Column(name = "recipient_class")
    public String recipientClass;

    @Column(name = "expires_on", nullable = false)
    public LocalDate expiresOn;

    @Column(name = "revoked_on")
    public LocalDate revokedOn;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revocation_note")
    public String revocationNote;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected Consent() {
    }

    public Consent(Student student) {
        this.id = UUID.randomUUID();
        this.student = student;
    }

    public boolean isRevoked() {
        return revokedOn != null;
    }

    /** Signed on or before the day, not expired and not revoked on it. */
    public boolean isInForceOn(LocalDate day) {
        return !signedOn.isAfter(day) && !expiresOn.isBefore(day) && (revokedOn == null || revokedOn.isAfter(day));
    }

    /** Whether the consent names this organization, or a class of parties that includes it. */
    public boolean coversRecipient(UUID organizationId) {
        return organizationId.equals(recipientOrganizationId) || "community-providers".equals(recipientClass);
    }

    /**
     * What this consent does not cover of a disclosure on a day: each gap names the referral field it
     * concerns ({@code consentId}, {@code purpose} or {@code sharedCategories}). Empty when it covers it all.
     */
    public List<Gap> gaps(LocalDate day, UUID organizationId, String purpose, List<String> categories) {
        List<Gap> gaps = new ArrayList<>();
        if (signedOn.isAfter(day)) {
            gaps.add(new Gap("consentId", "consent " + id + " is dated " + signedOn + ", after today"));
        }
        if (expiresOn.isBefore(day)) {
            gaps.add(new Gap("consentId", "consent " + id + " expired on " + expiresOn));
        }
        if (revokedOn != null && !revokedOn.isAfter(day)) {
            gaps.add(new Gap("consentId", "consent " + id + " was revoked on " + revokedOn));
        }
        if (!coversRecipient(organizationId)) {
            gaps.add(new Gap("consentId", "consent " + id + " does not name organization " + organizationId
                    + " as a recipient (it names " + (recipientClass != null ? recipientClass : recipientOrganizationId) + ")"));
        }
        if (purpose == null || !purposes.contains(purpose)) {
            gaps.add(new Gap("purpose", "consent " + id + " does not cover the purpose '" + purpose + "' (it covers "
                    + purposes + ")"));
        }
        List<String> uncovered = categories.stream().filter(c -> !dataCategories.contains(c)).toList();
        if (!uncovered.isEmpty()) {
            gaps.add(new Gap("sharedCategories", "consent " + id + " does not cover the data categories " + uncovered
                    + " (it covers " + dataCategories + ")"));
        }
        return gaps;
    }

    /** Something a consent does not cover: the field of the disclosure it concerns, and why. */
    public record Gap(String field, String message) {
    }

    public void revoke(LocalDate on, String by, String note) {
        this.revokedOn = on;
        this.revokedBy = by;
        this.revocationNote = note;
    }
}
