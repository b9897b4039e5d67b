package org.studentsupport.referral;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.consent.ConsentService;
import org.studentsupport.directory.Directory;
import org.studentsupport.directory.ServiceRef;
import org.studentsupport.domain.InvalidInputException;
import org.studentsupport.domain.Violation;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentContact;
import org.studentsupport.student.StudentScope;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.matching.MatchingService;
import org.studentsupport.matching.StudentMatching;
import org.studentsupport.vocabulary.CodeKind;
import org.studentsupport.vocabulary.Vocabulary;
import org.studentsupport.vocabulary.VocabularyService;

import java.util.List;
import java.util.UUID;

/** What a referral form offers: the vocabularies, and for a student their family contacts and the consents in force. */
@ApplicationScoped
public class ReferralFormService {

    private final StudentScope studentScope;
    private final Directory directory;
    private final ConsentService consents;
    private final VocabularyService vocabulary;
    private final StudentMatching matching;

    /** How many matching services the form suggests. */
    static final int SUGGESTED_SERVICES = 10;

    public ReferralFormService(StudentScope studentScope, Directory directory, ConsentService consents, VocabularyService vocabulary,
                               StudentMatching matching) {
        this.matching = matching;
        this.studentScope = studentScope;
        this.directory = directory;
        this.consents = consents;
        this.vocabulary = vocabulary;
    }

    @Transactional
    public ReferralFormLookup lookup(UUID studentId, UUID serviceId) {
        List<ReferralFormLookup.ConsentOption> options = List.of();
        List<ReferralFormLookup.ContactOption> contacts = List.of();
        UUID organizationId = null;
        if (serviceId != null) {
            organizationId = directory.service(serviceId).map(ServiceRef::organizationId)
                    .orElseThrow(() -> new InvalidInputException(List.of(Violation.atParameter("serviceId", "no such service"))));
        }
        Vocabulary codes = vocabulary.ofCaller();
        List<String> recorded = List.of();
        List<MatchingService> services = List.of();
        if (studentId != null) {
            Student student = studentScope.require(studentId);
            codes = vocabulary.of(student.school.district.id);
            recorded = matching.recordedNeeds(student.id);
            services = matching.forStudent(student.id, new PageRequest(1, SUGGESTED_SERVICES)).items();
            options = consents.inForceFor(student.id, organizationId).stream().map(ReferralFormLookup.ConsentOption::from).toList();
            contacts = Panache.getEntityManager().createQuery("select sc from StudentContact sc where sc.student.id = :s "
                            + "order by sc.contact.familyName, sc.contact.id", StudentContact.class)
                    .setParameter("s", student.id).setMaxResults(20).getResultList()
                    .stream().map(ReferralFormLookup.ContactOption::from).toList();
        }
        return ReferralFormLookup.of(needOptions(codes, recorded), options, contacts, services);
    }

    /** The student's recorded needs first, then the other active needs of the vocabulary, by domain. */
    private static List<ReferralFormLookup.Option> needOptions(Vocabulary codes, List<String> recorded) {
        java.util.LinkedHashSet<String> order = new java.util.LinkedHashSet<>();
        recorded.stream().filter(c -> codes.term(c).isPresent()).forEach(order::add);
        Vocabulary.DOMAINS.forEach(d -> order.addAll(codes.active(CodeKind.NEED, d)));
        return order.stream().map(c -> new ReferralFormLookup.Option(c, codes.term(c).orElseThrow().label())).limit(200).toList();
    }
}
