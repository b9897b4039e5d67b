package org.studentsupport.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.studentsupport.consent.CodeListConverter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;

/**
 * One entry of the record of disclosures (FERPA 99.32): who received which data about the student,
 * for what legitimate interest, on what basis, when, and who disclosed it. Append-only: the
 * application's database role cannot change or delete entries.
 */
@Entity
@Immutable
@Table(name = "disclosure")
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.DISCLOSURE, deduceAliasInjectionPoints = false)
public class Disclosure {

    public static final String CONSENT = "consent";
    public static final String EMERGENCY = "health-or-safety-emergency";

    @Id
    public UUID id;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "party_organization_id", nullable = false)
    public UUID partyOrganizationId;

    @Column(name = "party_name", nullable = false)
    public String partyName;

    /** The purpose code the party's legitimate interest is stated as. */
    @Column(name = "legitimate_interest", nullable = false)
    public String legitimateInterest;

    @Column(name = "legitimate_interest_text")
    public String legitimateInterestText;

    @Convert(converter = CodeListConverter.class)
    @Column(name = "data_categories", nullable = false)
    public List<String> dataCategories;

    @Column(nullable = false)
    public String basis;

    @Column(name = "consent_id")
    public UUID consentId;

    /** For emergencies: the articulable and significant threat (99.32(a)(5)). */
    public String threat;

    @Column(name = "parties_informed")
    public String partiesInformed;

    @Column(name = "disclosed_at", nullable = false)
    public Instant disclosedAt;

    /** The school official who made the disclosure. */
    @Column(nullable = false)
    public String official;

    protected Disclosure() {
    }

    public Disclosure(UUID studentId, UUID referralId, UUID partyOrganizationId, String partyName) {
        this.id = UUID.randomUUID();
        this.studentId = studentId;
        this.referralId = referralId;
        this.partyOrganizationId = partyOrganizationId;
        this.partyName = partyName;
    }
}
