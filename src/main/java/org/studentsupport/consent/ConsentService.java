package org.studentsupport.consent;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.directory.Directory;
import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Versioned;
import org.studentsupport.domain.Violation;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.ScopedLookup;
import org.studentsupport.student.FamilyContact;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentContact;
import org.studentsupport.student.StudentScope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.studentsupport.domain.VersionCheck;

/** Consents on file for a student: recorded and revoked by the coordinators of the student's school. */
@ApplicationScoped
public class ConsentService {

    /** Age at which a student signs for themself (FERPA "eligible student"). */
    public static final int AGE_OF_ELIGIBILITY = 18;

    private final ConsentRepository consents;
    private final StudentScope studentScope;
    private final ScopedLookup lookup;
    private final Directory directory;
    private final CallerScope caller;
    private final AuditTrail audit;
    private final Instance<ConsentDependents> dependents;

    public ConsentService(ConsentRepository consents, StudentScope studentScope, ScopedLookup lookup, Directory directory,
                          CallerScope caller, AuditTrail audit, Instance<ConsentDependents> dependents) {
        this.consents = consents;
        this.studentScope = studentScope;
        this.lookup = lookup;
        this.directory = directory;
        this.caller = caller;
        this.audit = audit;
        this.dependents = dependents;
    }

    @Transactional
    public ConsentView create(UUID studentId, CreateConsentRequest request) {
        Student student = studentScope.require(studentId);
        LocalDate today = LocalDate.now();
        List<Violation> unknown = new ArrayList<>(ConsentVocabulary.unknownCodes("/dataCategories", request.dataCategories(),
                ConsentVocabulary.DATA_CATEGORIES));
        unknown.addAll(ConsentVocabulary.unknownCodes("/purposes", request.purposes(), ConsentVocabulary.PURPOSES));
        if (!unknown.isEmpty()) {
            throw new RuleBrokenException("The consent uses " + unknown.size() + " code(s) outside the vocabulary", unknown);
        }

        Consent consent = new Consent(student);
        List<Violation> broken = signerRules(student, request, consent);
        broken.addAll(formRules(request, today));
        if (!broken.isEmpty()) {
            throw new RuleBrokenException("The consent cannot be recorded", broken);
        }
        consent.signedOn = request.signedOn();
        consent.method = request.method();
        consent.paperScanReference = Consent.PAPER.equals(request.method()) ? request.paperScanReference() : null;
        consent.electronicSignerIdentity = Consent.ELECTRONIC.equals(request.method()) ? request.electronicSignerIdentity() : null;
        consent.dataCategories = List.copyOf(new java.util.LinkedHashSet<>(request.dataCategories()));
        consent.purposes = List.copyOf(new java.util.LinkedHashSet<>(request.purposes()));
        consent.purposeText = request.purposeText();
        consent.recipientOrganizationId = request.recipientOrganizationId();
        consent.recipientClass = request.recipientClass();
        consent.expiresOn = request.expiresOn();
        consent.createdBy = caller.subject();
        consents.persist(consent);
        consents.flush();
        audit.object("consent", consent.id);
        return ConsentView.from(consent, today, List.of());
    }

    /** Who signed: a family contact of the student allowed to sign, or the student at the age of eligibility; sets the signer. */
    private static List<Violation> signerRules(Student student, CreateConsentRequest request, Consent consent) {
        List<Violation> broken = new ArrayList<>();
        if (request.signerContactId() != null && request.signedByStudent()) {
            broken.add(Violation.atPointer("/signedByStudent", "a consent has one signer: a family contact or the student, not both"));
        } else if (request.signerContactId() != null) {
            StudentContact link = Panache.getEntityManager().find(StudentContact.class,
                    new StudentContact.Key(student.id, request.signerContactId()));
            if (link == null) {
                broken.add(Violation.atPointer("/signerContactId", "is not a family contact of this student"));
            } else if (!link.maySignConsent) {
                broken.add(Violation.atPointer("/signerContactId", "this family contact may not sign consent for the student"));
            } else {
                consent.signerContact = link.contact;
            }
        } else if (request.signedByStudent()) {
            Integer age = student.ageOn(request.signedOn());
            if (age == null || age < AGE_OF_ELIGIBILITY) {
                broken.add(Violation.atPointer("/signedByStudent", "the student may sign only when " + AGE_OF_ELIGIBILITY
                        + " or older on the signing date" + (age == null ? " (birth date unknown)" : " (was " + age + ")")));
            }
            consent.signedByStudent = true;
        } else {
            broken.add(Violation.atPointer("/signerContactId", "name the family contact who signed, or set signedByStudent"));
        }
        return broken;
    }

    /** The dates, the evidence of the signature and the one recipient. */
    private List<Violation> formRules(CreateConsentRequest request, LocalDate today) {
        List<Violation> broken = new ArrayList<>();
        if (request.signedOn().isAfter(today)) {
            broken.add(Violation.atPointer("/signedOn", "a consent cannot be dated in the future"));
        }
        if (request.expiresOn().isBefore(request.signedOn())) {
            broken.add(Violation.atPointer("/expiresOn", "must be on or after the signing date"));
        }
        if (Consent.PAPER.equals(request.method()) && blank(request.paperScanReference())) {
            broken.add(Violation.atPointer("/paperScanReference", "a paper consent needs the reference of its scan"));
        }
        if (Consent.ELECTRONIC.equals(request.method()) && blank(request.electronicSignerIdentity())) {
            broken.add(Violation.atPointer("/electronicSignerIdentity",
                    "an electronic consent must say how the signature identifies and authenticates the signer"));
        }
        if ((request.recipientOrganizationId() == null) == (request.recipientClass() == null)) {
            broken.add(Violation.atPointer("/recipientOrganizationId", "name one recipient: an organization or a class of parties"));
        } else if (request.recipientOrganizationId() != null
                && directory.organizationName(request.recipientOrganizationId()).isEmpty()) {
            broken.add(Violation.atPointer("/recipientOrganizationId", "no such organization in the provider directory"));
        }
        return broken;
    }

    @Transactional
    public Page<ConsentView> list(UUID studentId, PageRequest page) {
        Student student = studentScope.require(studentId);
        long total = consents.count("student.id", student.id);
        LocalDate today = LocalDate.now();
        List<ConsentView> items = consents.find("student.id = ?1 order by signedOn desc, id", student.id)
                .page(page.page() - 1, page.size()).list().stream()
                .map(c -> ConsentView.from(c, today, openRelyingOn(c.id))).toList();
        return Page.of(items, page, total);
    }

    @Transactional
    public Versioned<ConsentView> get(UUID id) {
        Consent consent = require(id);
        return Versioned.of(ConsentView.from(consent, LocalDate.now(), openRelyingOn(consent.id)), consent.version);
    }

    /**
     * Revokes a consent. {@code ifMatch} gets the consent's current version before anything changes and
     * refuses when the caller's copy is stale (the resource checks the If-Match header with it).
     */
    @Transactional
    public Versioned<ConsentView> revoke(UUID id, VersionCheck ifMatch, RevokeConsentRequest request) {
        Consent consent = require(id);
        ifMatch.require(consent.version);
        if (consent.isRevoked()) {
            throw new ConflictException("Consent " + id + " was already revoked on " + consent.revokedOn);
        }
        LocalDate today = LocalDate.now();
        LocalDate on = request == null || request.revokedOn() == null ? today : request.revokedOn();
        if (on.isAfter(today) || on.isBefore(consent.signedOn)) {
            throw new RuleBrokenException("The revocation date is not possible",
                    List.of(Violation.atPointer("/revokedOn", "must be between the signing date and today")));
        }
        consent.revoke(on, caller.subject(), request == null ? null : request.note());
        List<UUID> flagged = new ArrayList<>();
        dependents.forEach(d -> flagged.addAll(d.flagOpenRelyingOn(consent.id)));
        consents.flush();
        return Versioned.of(ConsentView.from(consent, today, flagged), consent.version);
    }

    /** A consent the caller may see (the scope filter shows its student's school); 404 and a denial otherwise. */
    @Transactional
    public Consent require(UUID id) {
        Consent consent = lookup.require(Consent.class, id, "Consent " + id);
        audit.object("consent", consent.id).student(consent.student.id);
        return consent;
    }

    /** The student's consents in force today that name this organization (or a class including it). */
    @Transactional
    public List<Consent> inForceFor(UUID studentId, UUID organizationId) {
        LocalDate today = LocalDate.now();
        return consents.find("student.id = ?1 order by signedOn desc, id", studentId).list().stream()
                .filter(c -> c.isInForceOn(today) && (organizationId == null || c.coversRecipient(organizationId)))
                .limit(50)
                .toList();
    }

    /** A consent of this student, without scope checks (the caller has checked the student). */
    @Transactional
    public java.util.Optional<Consent> ofStudent(UUID consentId, UUID studentId) {
        return consents.findByIdOptional(consentId).filter(c -> c.student.id.equals(studentId));
    }

    /** Display name of who signed a consent. */
    public static String signerName(Consent consent) {
        FamilyContact contact = consent.signerContact;
        return contact != null ? contact.givenName + " " + contact.familyName : "the student";
    }

    private List<UUID> openRelyingOn(UUID consentId) {
        List<UUID> ids = new ArrayList<>();
        dependents.forEach(d -> ids.addAll(d.openRelyingOn(consentId)));
        return ids;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
