package org.studentsupport.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.studentsupport.consent.CodeListConverter;
import org.studentsupport.consent.ConsentGate;

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
    /** Occasions: the referral was sent; the school shared an update of the data later. */
    public static final String REFERRAL_SENT = "referral-sent";
    public static final String UPDATE_SHARED = "update-shared";

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

    /**
     * The data disclosed, as it was sent: a JSON object with exactly the fields of the shared
     * categories. Written once with the entry; null only for entries made before snapshots were kept.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    private String snapshot;

    @Column(nullable = false)
    private String occasion;

    /** What the school said when sharing an update. */
    private String note;

    @Column(name = "disclosed_at", nullable = false)
    private Instant disclosedAt;

    /** The school official who made the disclosure. */
    @Column(nullable = false)
    private String official;

    protected Disclosure() {
    }

    /** The party that received the data, and for which of its legitimate interests (a purpose code, and its words if any). */
    public record Party(UUID organizationId, String name, String legitimateInterest, String legitimateInterestText) {
    }

    /**
     * What was disclosed and on which occasion: the data categories, the snapshot of their fields (a JSON
     * object), and the note of a shared update.
     */
    public record Content(List<String> dataCategories, String snapshot, String occasion, String note) {

        public Content {
            dataCategories = List.copyOf(dataCategories);
            if (snapshot == null || !snapshot.startsWith("{")) {
                throw new IllegalArgumentException("a disclosure keeps the data it disclosed as a JSON object");
            }
        }
    }

    /**
     * The entry for a disclosure the {@link ConsentGate} allowed: on the consent it named (99.30), or under
     * the health-or-safety emergency exception with the threat and the parties informed (99.32(a)(5)).
     */
    public static Disclosure allowedBy(ConsentGate.Decision decision, UUID studentId, UUID referralId, Party party,
                                       Content content, Instant disclosedAt, String official) {
        Disclosure entry = new Disclosure();
        entry.id = UUID.randomUUID();
        entry.studentId = studentId;
        entry.referralId = referralId;
        entry.partyOrganizationId = party.organizationId();
        entry.partyName = party.name();
        entry.legitimateInterest = party.legitimateInterest();
        entry.legitimateInterestText = party.legitimateInterestText();
        entry.dataCategories = content.dataCategories();
        entry.snapshot = content.snapshot();
        entry.occasion = content.occasion();
        entry.note = content.note();
        entry.disclosedAt = disclosedAt;
        entry.official = official;
        if (decision instanceof ConsentGate.ByConsent byConsent) {
            entry.basis = CONSENT;
            entry.consentId = byConsent.consent().id();
        } else if (decision instanceof ConsentGate.ByEmergency byEmergency) {
            entry.basis = ConsentGate.EMERGENCY;
            entry.threat = byEmergency.emergency().threat();
            entry.partiesInformed = byEmergency.emergency().partiesInformed();
        } else {
            throw new IllegalArgumentException("the consent gate refused this disclosure");
        }
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

    public String snapshot() {
        return snapshot;
    }

    public String occasion() {
        return occasion;
    }

    public String note() {
        return note;
    }

    public Instant disclosedAt() {
        return disclosedAt;
    }

    public String official() {
        return official;
    }
}
