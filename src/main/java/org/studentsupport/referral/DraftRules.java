package org.studentsupport.referral;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.studentsupport.consent.Consent;
import org.studentsupport.consent.ConsentGate;
import org.studentsupport.consent.ConsentService;
import org.studentsupport.consent.ConsentVocabulary;
import org.studentsupport.directory.ProviderService;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentContact;
import org.studentsupport.vocabulary.CodeKind;
import org.studentsupport.vocabulary.VocabularyService;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of a referral form that only the database knows (Bean Validation checks the rest): the
 * need codes are the needs vocabulary's, the consent codes the consent vocabulary's, identity is shared, the family members are the student's, the
 * consent is the student's, and the basis follows the consent gate's rules (one basis, an emergency with its threat).
 */
@ApplicationScoped
public class DraftRules {

    private final ConsentService consents;
    private final VocabularyService vocabulary;

    public DraftRules(ConsentService consents, VocabularyService vocabulary) {
        this.consents = consents;
        this.vocabulary = vocabulary;
    }

    /** A consent on file for the student, to rely on; 422 at {@code /consentId} otherwise. */
    Consent consentOnFile(Student student, UUID consentId) {
        return consents.ofStudent(consentId, student.id).orElseThrow(() -> new RuleBrokenException("No such consent for this student",
                List.of(Violation.atPointer("/consentId", "is not a consent on file for this student"))));
    }

    /** The checked content of a validated form for a draft about the student; 422 naming each rule it breaks. */
    DraftContent check(Student student, CreateReferralRequest form) {
        List<Violation> broken = new ArrayList<>(ConsentVocabulary.unknownCode("/purpose", form.purpose(), ConsentVocabulary.PURPOSES));
        broken.addAll(ConsentVocabulary.unknownCodes("/sharedCategories", form.sharedCategories(), ConsentVocabulary.DATA_CATEGORIES));
        // the same needs vocabulary the reviews use, of the student's district
        broken.addAll(vocabulary.of(student.school.district.id).check(CodeKind.NEED, null, form.reasonCodes(), "/reasonCodes", null));
        if (!form.sharedCategories().contains("identity")) {
            broken.add(Violation.atPointer("/sharedCategories", "must include 'identity': a referral names the student"));
        }
        Set<UUID> contacts = form.familyContactIds() == null ? Set.of() : form.familyContactIds();
        for (UUID contact : contacts) {
            if (Panache.getEntityManager().find(StudentContact.class, new StudentContact.Key(student.id, contact)) == null) {
                broken.add(Violation.atPointer("/familyContactIds", contact + " is not a family contact of this student"));
            }
        }
        Consent consent = null;
        if (form.consentId() != null) {
            consent = consents.ofStudent(form.consentId(), student.id).orElse(null);
            if (consent == null) {
                broken.add(Violation.atPointer("/consentId", "is not a consent on file for this student"));
            }
        }
        if (form.emergency() != null) {
            // One basis only, and an emergency with its threat and the parties informed: the gate's rules.
            broken.addAll(ConsentGate.basisFaults(form.consentId() == null ? null : consent,
                    new ConsentGate.Emergency(form.emergency().threat(), form.emergency().partiesInformed())));
        }
        if (!broken.isEmpty()) {
            throw new RuleBrokenException("The referral draft breaks " + broken.size() + " rule(s)", broken);
        }
        return new DraftContent(contacts, form.reasonCodes(), form.reasonText(), form.urgency(), form.purpose(),
                form.sharedCategories(), form.internalNotes(), form.sharedNotes(), consent, form.emergency());
    }

    /** A directory service by id; 422 when there is none. */
    ProviderService service(UUID serviceId) {
        ProviderService service = serviceId == null ? null : Panache.getEntityManager().find(ProviderService.class, serviceId);
        if (service == null) {
            throw new RuleBrokenException("No such service", List.of(Violation.atPointer("/serviceId", "no such service in the directory")));
        }
        return service;
    }

    /** The form a draft's content fills in: what a merge patch is applied to. */
    static CreateReferralRequest form(Referral r) {
        DraftContent c = r.content();
        return new CreateReferralRequest(r.service.id, new java.util.LinkedHashSet<>(c.familyContactIds()), c.reasonCodes(),
                c.reasonText(), c.urgency(), c.purpose(), c.sharedCategories(), c.internalNotes(), c.sharedNotes(),
                c.consent() == null ? null : c.consent().id(), c.emergency());
    }
}
