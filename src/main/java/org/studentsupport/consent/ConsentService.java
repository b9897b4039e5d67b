package org.studentsupport.consent;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.directory.Directory;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.Versioned;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.ScopedLookup;
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
        Consent.Signer signer = request.signerContactId() == null ? new Consent.Signer(null, null, request.signedByStudent())
                : new Consent.Signer(request.signerContactId(), Panache.getEntityManager().find(StudentContact.class,
                        new StudentContact.Key(student.id, request.signerContactId())), request.signedByStudent());
        Consent consent = record(student, signer, new Consent.Terms(request.signedOn(), request.method(),
                request.paperScanReference(), request.electronicSignerIdentity(), request.dataCategories(), request.purposes(),
                request.purposeText(), request.recipientOrganizationId(), request.recipientClass(), request.expiresOn()),
                caller.subject());
        audit.object("consent", consent.id());
        return ConsentView.from(consent, LocalDate.now(), List.of());
    }

    /**
     * Records a consent of a student the caller has already reached (the API after its scope check, the
     * demo seed), with the rules of {@link Consent#record}.
     */
    @Transactional
    public Consent record(Student student, Consent.Signer signer, Consent.Terms terms, String recordedBy) {
        Consent consent = Consent.record(student, signer, terms, LocalDate.now(), recordedBy,
                organization -> directory.organizationName(organization).isPresent());
        consents.persist(consent);
        consents.flush();
        return consent;
    }

    @Transactional
    public Page<ConsentView> list(UUID studentId, PageRequest page) {
        Student student = studentScope.require(studentId);
        long total = consents.count("student.id", student.id);
        LocalDate today = LocalDate.now();
        List<ConsentView> items = consents.find("student.id = ?1 order by signedOn desc, id", student.id)
                .page(page.page() - 1, page.size()).list().stream()
                .map(c -> ConsentView.from(c, today, openRelyingOn(c.id()))).toList();
        return Page.of(items, page, total);
    }

    @Transactional
    public Versioned<ConsentView> get(UUID id) {
        Consent consent = require(id);
        return Versioned.of(ConsentView.from(consent, LocalDate.now(), openRelyingOn(consent.id())), consent.version());
    }

    /**
     * Revokes a consent. {@code ifMatch} gets the consent's current version before anything changes and
     * refuses when the caller's copy is stale (the resource checks the If-Match header with it).
     */
    @Transactional
    public Versioned<ConsentView> revoke(UUID id, VersionCheck ifMatch, RevokeConsentRequest request) {
        Consent consent = require(id);
        ifMatch.require(consent.version());
        LocalDate today = LocalDate.now();
        List<UUID> flagged = revoke(consent, request == null || request.revokedOn() == null ? today : request.revokedOn(),
                caller.subject(), request == null ? null : request.note());
        consents.flush();
        return Versioned.of(ConsentView.from(consent, today, flagged), consent.version());
    }

    /**
     * Revokes a consent the caller has reached, with the consent's rules, and flags the open records
     * relying on it (the API and the demo seed); returns their ids.
     */
    @Transactional
    public List<UUID> revoke(Consent consent, LocalDate on, String by, String note) {
        consent.revoke(on, by, note, LocalDate.now());
        List<UUID> flagged = new ArrayList<>();
        dependents.forEach(d -> flagged.addAll(d.flagOpenRelyingOn(consent.id())));
        return flagged;
    }

    /** A consent the caller may see (the scope filter shows its student's school); 404 and a denial otherwise. */
    @Transactional
    public Consent require(UUID id) {
        Consent consent = lookup.require(Consent.class, id, "Consent " + id);
        audit.student(consent.student().id);
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
        return consents.findByIdOptional(consentId).filter(c -> c.student().id.equals(studentId));
    }

    private List<UUID> openRelyingOn(UUID consentId) {
        List<UUID> ids = new ArrayList<>();
        dependents.forEach(d -> ids.addAll(d.openRelyingOn(consentId)));
        return ids;
    }
}
