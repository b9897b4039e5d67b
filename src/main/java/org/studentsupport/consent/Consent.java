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
import org.studentsupport.student.StudentContact;
import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;

/**
 * A written consent to disclose (FERPA 99.30): who signed it and when, how, which records, for
 * which purposes, to whom, until when; and whether it was revoked. Revocation stops future
 * disclosures, not past ones, so a revoked consent stays on file. The aggregate owns its rules: it is
 * recorded only with a signer allowed to sign, the evidence of the signature, codes of the vocabulary
 * and one recipient ({@link #record}); it is revoked once, on a day between its signing and today
 * ({@link #revoke}). The fields are private: only these methods change them.
 */
@Entity
@Table(name = "consent")
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.CONSENT, deduceAliasInjectionPoints = false)
public class Consent {

    public static final String PAPER = "paper";
    public static final String ELECTRONIC = "electronic";

    /** Age at which a student signs for themself (FERPA "eligible student"). */
    public static final int AGE_OF_ELIGIBILITY = 18;

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "student_id", nullable = false)
    private Student student;

    /** The family contact who signed; null when the student signed (18 or older). */
    @ManyToOne
    @JoinColumn(name = "signer_contact_id")
    private FamilyContact signerContact;

    @Column(name = "signed_by_student", nullable = false)
    private boolean signedByStudent;

    @Column(name = "signed_on", nullable = false)
    private LocalDate signedOn;

    @Column(nullable = false)
    private String method;

    @Column(name = "paper_scan_reference")
    private String paperScanReference;

    @Column(name = "electronic_signer_identity")
    private String electronicSignerIdentity;

    @Convert(converter = CodeListConverter.class)
    @Column(name = "data_categories", nullable = false)
    private List<String> dataCategories = new ArrayList<>();

    @Convert(converter = CodeListConverter.class)
    @Column(nullable = false)
    private List<String> purposes = new ArrayList<>();

    @Column(name = "purpose_text")
    private String purposeText;

    @Column(name = "recipient_organization_id")
    private UUID recipientOrganizationId;

    @Column(name = "recipient_class")
    private String recipientClass;

    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;

    @Column(name = "revoked_on")
    private LocalDate revokedOn;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revocation_note")
    private String revocationNote;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    private long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Consent() {
    }

    /** What the signed form says: when and how it was signed, which records, for which purposes, to whom, until when. */
    public record Terms(LocalDate signedOn, String method, String paperScanReference, String electronicSignerIdentity,
                        List<String> dataCategories, List<String> purposes, String purposeText, UUID recipientOrganizationId,
                        String recipientClass, LocalDate expiresOn) {
    }

    /**
     * Who signed: a family contact of the student (its link to the student, null when the named contact is
     * not one), or the student.
     */
    public record Signer(UUID contactId, StudentContact link, boolean student) {

        public static Signer contact(StudentContact link) {
            return new Signer(link.contact.id, link, false);
        }

        public static Signer theStudent() {
            return new Signer(null, null, true);
        }
    }

    /**
     * Records a signed consent of the student. Refuses (422, each broken rule by the pointer of the form
     * field) codes outside the vocabulary, a signer who may not sign, a date in the future, an expiry
     * before the signature, a signature without its evidence, and anything but one known recipient.
     *
     * @param organizationExists whether the directory knows an organization
     */
    public static Consent record(Student student, Signer signer, Terms terms, LocalDate today, String recordedBy,
                                 Predicate<UUID> organizationExists) {
        List<Violation> unknown = new ArrayList<>(ConsentVocabulary.unknownCodes("/dataCategories", terms.dataCategories(),
                ConsentVocabulary.DATA_CATEGORIES));
        unknown.addAll(ConsentVocabulary.unknownCodes("/purposes", terms.purposes(), ConsentVocabulary.PURPOSES));
        if (!unknown.isEmpty()) {
            throw new RuleBrokenException("The consent uses " + unknown.size() + " code(s) outside the vocabulary", unknown);
        }
        List<Violation> broken = signerRules(student, signer, terms.signedOn());
        broken.addAll(formRules(terms, today, organizationExists));
        if (!broken.isEmpty()) {
            throw new RuleBrokenException("The consent cannot be recorded", broken);
        }
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.student = student;
        consent.signerContact = signer.student() ? null : signer.link().contact;
        consent.signedByStudent = signer.student();
        consent.signedOn = terms.signedOn();
        consent.method = terms.method();
        consent.paperScanReference = PAPER.equals(terms.method()) ? terms.paperScanReference() : null;
        consent.electronicSignerIdentity = ELECTRONIC.equals(terms.method()) ? terms.electronicSignerIdentity() : null;
        consent.dataCategories = List.copyOf(new LinkedHashSet<>(terms.dataCategories()));
        consent.purposes = List.copyOf(new LinkedHashSet<>(terms.purposes()));
        consent.purposeText = terms.purposeText();
        consent.recipientOrganizationId = terms.recipientOrganizationId();
        consent.recipientClass = terms.recipientClass();
        consent.expiresOn = terms.expiresOn();
        consent.createdBy = recordedBy;
        return consent;
    }

    private static List<Violation> signerRules(Student student, Signer signer, LocalDate signedOn) {
        List<Violation> broken = new ArrayList<>();
        if (signer.contactId() != null && signer.student()) {
            broken.add(Violation.atPointer("/signedByStudent", "a consent has one signer: a family contact or the student, not both"));
        } else if (signer.contactId() != null) {
            if (signer.link() == null || !signer.link().student.id.equals(student.id)) {
                broken.add(Violation.atPointer("/signerContactId", "is not a family contact of this student"));
            } else if (!signer.link().maySignConsent) {
                broken.add(Violation.atPointer("/signerContactId", "this family contact may not sign consent for the student"));
            }
        } else if (signer.student()) {
            Integer age = signedOn == null ? null : student.ageOn(signedOn);
            if (age == null || age < AGE_OF_ELIGIBILITY) {
                broken.add(Violation.atPointer("/signedByStudent", "the student may sign only when " + AGE_OF_ELIGIBILITY
                        + " or older on the signing date" + (age == null ? " (birth date unknown)" : " (was " + age + ")")));
            }
        } else {
            broken.add(Violation.atPointer("/signerContactId", "name the family contact who signed, or set signedByStudent"));
        }
        return broken;
    }

    private static List<Violation> formRules(Terms terms, LocalDate today, Predicate<UUID> organizationExists) {
        List<Violation> broken = new ArrayList<>();
        if (terms.signedOn().isAfter(today)) {
            broken.add(Violation.atPointer("/signedOn", "a consent cannot be dated in the future"));
        }
        if (terms.expiresOn().isBefore(terms.signedOn())) {
            broken.add(Violation.atPointer("/expiresOn", "must be on or after the signing date"));
        }
        if (PAPER.equals(terms.method()) && blank(terms.paperScanReference())) {
            broken.add(Violation.atPointer("/paperScanReference", "a paper consent needs the reference of its scan"));
        }
        if (ELECTRONIC.equals(terms.method()) && blank(terms.electronicSignerIdentity())) {
            broken.add(Violation.atPointer("/electronicSignerIdentity",
                    "an electronic consent must say how the signature identifies and authenticates the signer"));
        }
        if ((terms.recipientOrganizationId() == null) == (terms.recipientClass() == null)) {
            broken.add(Violation.atPointer("/recipientOrganizationId", "name one recipient: an organization or a class of parties"));
        } else if (terms.recipientClass() != null && !ConsentVocabulary.RECIPIENT_CLASSES.containsKey(terms.recipientClass())) {
            broken.add(Violation.atPointer("/recipientClass", "must be one of " + ConsentVocabulary.RECIPIENT_CLASSES.keySet()));
        } else if (terms.recipientOrganizationId() != null && !organizationExists.test(terms.recipientOrganizationId())) {
            broken.add(Violation.atPointer("/recipientOrganizationId", "no such organization in the provider directory"));
        }
        return broken;
    }

    /**
     * Revokes the consent from a day between its signing and today: future disclosures stop, past ones
     * stand. Refuses a second revocation (409) and an impossible date (422 at {@code /revokedOn}).
     */
    public void revoke(LocalDate on, String by, String note, LocalDate today) {
        if (isRevoked()) {
            throw new ConflictException("Consent " + id + " was already revoked on " + revokedOn,
                    Map.of("revokedOn", revokedOn.toString()));
        }
        if (on.isAfter(today) || on.isBefore(signedOn)) {
            throw new RuleBrokenException("The revocation date is not possible",
                    List.of(Violation.atPointer("/revokedOn", "must be between the signing date (" + signedOn + ") and today")));
        }
        this.revokedOn = on;
        this.revokedBy = by;
        this.revocationNote = note;
    }

    public boolean isRevoked() {
        return revokedOn != null;
    }

    /** Revoked on or before the day. */
    public boolean isRevokedOn(LocalDate day) {
        return revokedOn != null && !revokedOn.isAfter(day);
    }

    /** Past its last day on the day. */
    public boolean isExpiredOn(LocalDate day) {
        return expiresOn.isBefore(day);
    }

    /** Signed on or before the day, not expired and not revoked on it. */
    public boolean isInForceOn(LocalDate day) {
        return !signedOn.isAfter(day) && !isExpiredOn(day) && !isRevokedOn(day);
    }

    /**
     * The first day the consent no longer covers anything, when that day has come: the revocation date,
     * or the day after it expired. Null while it is in force (or not yet signed).
     */
    public LocalDate endedOn(LocalDate day) {
        return endedOn(revokedOn, expiresOn, day);
    }

    /** {@link #endedOn(LocalDate)} of a consent read as columns: its revocation date (or null) and its last day. */
    public static LocalDate endedOn(LocalDate revokedOn, LocalDate expiresOn, LocalDate day) {
        if (revokedOn != null && !revokedOn.isAfter(day)) {
            return revokedOn;
        }
        return expiresOn.isBefore(day) ? expiresOn.plusDays(1) : null;
    }

    /** in-force, expired, revoked or not-yet-signed on the day. */
    public String stateOn(LocalDate day) {
        return isRevokedOn(day) ? "revoked" : isExpiredOn(day) ? "expired" : signedOn.isAfter(day) ? "not-yet-signed" : "in-force";
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
        if (isExpiredOn(day)) {
            gaps.add(new Gap("consentId", "consent " + id + " expired on " + expiresOn));
        }
        if (isRevokedOn(day)) {
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

    /** Display name of who signed. */
    public String signerName() {
        return signerContact != null ? signerContact.givenName + " " + signerContact.familyName
                : student.givenName + " " + student.familyName;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public UUID id() {
        return id;
    }

    public Student student() {
        return student;
    }

    public FamilyContact signerContact() {
        return signerContact;
    }

    public boolean signedByStudent() {
        return signedByStudent;
    }

    public LocalDate signedOn() {
        return signedOn;
    }

    public String method() {
        return method;
    }

    public String paperScanReference() {
        return paperScanReference;
    }

    public String electronicSignerIdentity() {
        return electronicSignerIdentity;
    }

    public List<String> dataCategories() {
        return dataCategories;
    }

    public List<String> purposes() {
        return purposes;
    }

    public String purposeText() {
        return purposeText;
    }

    public UUID recipientOrganizationId() {
        return recipientOrganizationId;
    }

    public String recipientClass() {
        return recipientClass;
    }

    public LocalDate expiresOn() {
        return expiresOn;
    }

    public LocalDate revokedOn() {
        return revokedOn;
    }

    public String revokedBy() {
        return revokedBy;
    }

    public String revocationNote() {
        return revocationNote;
    }

    public long version() {
        return version;
    }
}
