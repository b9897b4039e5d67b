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
    private UUID id;

    @Column(name = "student_id", nullable = false)
    private UUID studentId;

    @Column(name = "referral_id")
    private UUID referralId;

    @Column(name = "party_organization_id", nullable = false)
    private UUID partyOrganizationId;

    @Column(name = "party_name", nullable = false)
    private String partyName;

    /** The purpose code the party's legitimate interest is stated as. */
    @Column(name = "legitimate_interest", nullable = false)
    private String legitimateInterest;

    @Column(name = "legitimate_interest_text")
    private String legitimateInterestText;

    @Convert(converter = CodeListConverter.class)
    @Column(name = "data_categories", nullable = false)
    private List<String> dataCategories;

    @Column(nullable = false)
    private String basis;

    @Column(name = "consent_id")
    private UUID consentId;

    /** For emergencies: the articulable and significant threat (99.32(a)(5)). */
    private String threat;

    @Column(name = "parties_informed")
    private String partiesInformed;

    @Column(name = "disclosed_at", nullable = false)
    private Instant disclosedAt;

    /** The school official who made the disclosure. */
    @Column(nullable = false)
    private String official;

    protected Disclosure() {
    }

    private Disclosure(UUID studentId, UUID referralId, UUID partyOrganizationId, String partyName, String legitimateInterest,
                       String legitimateInterestText, List<String> dataCategories, Instant disclosedAt, String official) {
        this.id = UUID.randomUUID();
        this.studentId = studentId;
        this.referralId = referralId;
        this.partyOrganizationId = partyOrganizationId;
        this.partyName = partyName;
        this.legitimateInterest = legitimateInterest;
        this.legitimateInterestText = legitimateInterestText;
        this.dataCategories = List.copyOf(dataCategories);
        this.disclosedAt = disclosedAt;
        this.official = official;
    }

    /** The party that received the data, and for which of its legitimate interests (a purpose code, and its words if any). */
    public record Party(UUID organizationId, String name, String legitimateInterest, String legitimateInterestText) {
    }

    /** A disclosure with the written consent of the parent or eligible student (99.30). */
    public static Disclosure byConsent(UUID studentId, UUID referralId, Party party, List<String> dataCategories, UUID consentId,
                                       Instant disclosedAt, String official) {
        Disclosure entry = new Disclosure(studentId, referralId, party.organizationId(), party.name(), party.legitimateInterest(),
                party.legitimateInterestText(), dataCategories, disclosedAt, official);
        entry.basis = CONSENT;
        entry.consentId = consentId;
        return entry;
    }

    /** A disclosure under the health-or-safety emergency exception, with the threat and who was informed (99.32(a)(5)). */
    public static Disclosure inEmergency(UUID studentId, UUID referralId, Party party, List<String> dataCategories, String threat,
                                         String partiesInformed, Instant disclosedAt, String official) {
        Disclosure entry = new Disclosure(studentId, referralId, party.organizationId(), party.name(), party.legitimateInterest(),
                party.legitimateInterestText(), dataCategories, disclosedAt, official);
        entry.basis = EMERGENCY;
        entry.threat = threat;
        entry.partiesInformed = partiesInformed;
        return entry;
    }

    public UUID id() {
        return id;
    }

    public UUID studentId() {
        return studentId;
    }

    public UUID referralId() {
        return referralId;
    }

    public UUID partyOrganizationId() {
        return partyOrganizationId;
    }

    public String partyName() {
        return partyName;
    }

    public String legitimateInterest() {
        return legitimateInterest;
    }

    public String legitimateInterestText() {
        return legitimateInterestText;
    }

    public List<String> dataCategories() {
        return dataCategories;
    }

    public String basis() {
        return basis;
    }

    public UUID consentId() {
        return consentId;
    }

    public String threat() {
        return threat;
    }

    public String partiesInformed() {
        return partiesInformed;
    }

    public Instant disclosedAt() {
        return disclosedAt;
    }

    public String official() {
        return official;
    }
}
