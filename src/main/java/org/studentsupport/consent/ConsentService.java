package org.studentsupport.consent;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.directory.Directory;
import org.studentsupport.security.CallerScope;
import org.studentsupport.student.FamilyContact;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentContact;
import org.studentsupport.student.StudentScope;
import org.studentsupport.web.ApiException;
import org.studentsupport.web.ETags;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.web.Problem.Violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Consents on file for a student: recorded and revoked by the coordinators of the student's school. */
@ApplicationScoped
public class ConsentService {

    /** Age at which a student signs for themself (FERPA "eligible student"). */
    public static final int AGE_OF_ELIGIBILITY = 18;

    private final ConsentRepository consents;
    private final StudentScope studentScope;
    private final Directory directory;
    private final CallerScope caller;
    private final AuditTrail audit;
    private final Instance<ConsentDependents> dependents;

    public ConsentService(ConsentRepository consents, StudentScope studentScope, Directory directory,
                          CallerScope caller, AuditTrail audit, Instance<ConsentDependents> dependents) {
        this.consents = consents;
        this.studentScope = studentScope;
        this.directory = directory;
        this.caller = caller;
        this.audit = audit;
        this.dependents = dependents;
    }

    @Transactional
    public ConsentView create(UUID studentId, CreateConsentRequest request) {
        Student student = studentScope.require(studentId);
        audit.object("consent", null).student(student.id);
        LocalDate today = LocalDate.now();
        List<Violation> invalid = new ArrayList<>();
        for (int i = 0; i < request.dataCategories().size(); i++) {
            if (!ConsentVocabulary.DATA_CATEGORIES.containsKey(request.dataCategories().get(i))) {
                invalid.add(Violation.atPointer("/dataCategories/" + i, "must be one of " + ConsentVocabulary.DATA_CATEGORIES.keySet()));
            }
        }
        for (int i = 0; i < request.purposes().size(); i++) {
            if (!ConsentVocabulary.PURPOSES.containsKey(request.purposes().get(i))) {
                invalid.add(Violation.atPointer("/purposes/" + i, "must be one of " + ConsentVocabulary.PURPOSES.keySet()));
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }

        List<Violation> broken = new ArrayList<>();
        Consent consent = new Consent(student);
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
        if (!broken.isEmpty()) {
            throw ApiException.unprocessable("The consent cannot be recorded", broken);
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

    @Transactional
    public Page<ConsentView> list(UUID studentId, PageRequest page) {
        Student student = studentScope.require(studentId);
        audit.object("student-consents", student.id).student(student.id);
        long total = consents.count("student.id", student.id);
        LocalDate today = LocalDate.now();
        List<ConsentView> items = consents.find("student.id = ?1 order by signedOn desc, id", student.id)
                .page(page.page() - 1, page.size()).list().stream()
                .map(c -> ConsentView.from(c, today, openRelyingOn(c.id))).toList();
        return Page.of(items, page, total);
    }

    @Transactional
    public ConsentView get(UUID id) {
        Consent consent = require(id);
        return ConsentView.from(consent, LocalDate.now(), openRelyingOn(consent.id));
    }

    /** The current version of a consent, for its ETag. */
    @Transactional
    public long version(UUID id) {
        return require(id).version;
    }

    @Transactional
    public ConsentView revoke(UUID id, String ifMatch, RevokeConsentRequest request) {
        Consent consent = require(id);
        ETags.requireMatch(ifMatch, consent.version);
        if (consent.isRevoked()) {
            throw ApiException.conflict("Consent " + id + " was already revoked on " + consent.revokedOn);
        }
        LocalDate today = LocalDate.now();
        LocalDate on = request == null || request.revokedOn() == null ? today : request.revokedOn();
        if (on.isAfter(today) || on.isBefore(consent.signedOn)) {
            throw ApiException.unprocessable("The revocation date is not possible",
                    List.of(Violation.atPointer("/revokedOn", "must be between the signing date and today")));
        }
        consent.revoke(on, caller.subject(), request == null ? null : request.note());
        List<UUID> flagged = new ArrayList<>();
        dependents.forEach(d -> flagged.addAll(d.flagOpenRelyingOn(consent.id)));
        consents.flush();
        return ConsentView.from(consent, today, flagged);
    }

    /** A consent the caller may see (its student is in scope); 404 otherwise. */
    @Transactional
    public Consent require(UUID id) {
        Consent consent = id == null ? null : consents.findById(id);
        if (consent == null) {
            throw ApiException.notFound("Consent " + id);
        }
        try {
            studentScope.require(consent.student.id);
        } catch (ApiException e) {
            throw ApiException.notFound("Consent " + id);
        }
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
