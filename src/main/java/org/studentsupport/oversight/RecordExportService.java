package org.studentsupport.oversight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.audittrail.StudentAccessLog;
import org.studentsupport.consent.ConsentService;
import org.studentsupport.consent.ConsentView;
import org.studentsupport.directory.Directory;
import org.studentsupport.directory.ServiceRef;
import org.studentsupport.disclosure.DisclosureService;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.plan.IndividualReviewService;
import org.studentsupport.referral.ReferralRecord;
import org.studentsupport.review.StudentReviewHistory;
import org.studentsupport.roster.EnrollmentHistory;
import org.studentsupport.student.StudentFamily;
import org.studentsupport.student.StudentProfileView;
import org.studentsupport.student.StudentService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the service holds on one student, for the family's right to inspect (FERPA 99.10). Each
 * part is read from the feature that owns it, through its service, so that the export sees what the
 * feature shows and the caller's scope applies throughout.
 */
@ApplicationScoped
public class RecordExportService {

    /** The most access-report events the export includes (newest first); the document says when it stops there. */
    public static final int MAX_ACCESS_EVENTS = 100_000;

    private static final int READ_PAGE = PageRequest.MAX_SIZE;

    private final StudentService students;
    private final StudentFamily families;
    private final EnrollmentHistory enrollments;
    private final StudentReviewHistory classReviews;
    private final IndividualReviewService individualReviews;
    private final ConsentService consents;
    private final ReferralRecord referrals;
    private final DisclosureService disclosures;
    private final StudentAccessLog accessLog;
    private final Directory directory;

    public RecordExportService(StudentService students, StudentFamily families, EnrollmentHistory enrollments,
                               StudentReviewHistory classReviews, IndividualReviewService individualReviews, ConsentService consents,
                               ReferralRecord referrals, DisclosureService disclosures, StudentAccessLog accessLog, Directory directory) {
        this.students = students;
        this.families = families;
        this.enrollments = enrollments;
        this.classReviews = classReviews;
        this.individualReviews = individualReviews;
        this.consents = consents;
        this.referrals = referrals;
        this.disclosures = disclosures;
        this.accessLog = accessLog;
        this.directory = directory;
    }

    /** The student's record; 404 (audited as denied) when the student is outside the caller's scope. */
    @Transactional
    public StudentRecord export(UUID studentId) {
        StudentProfileView profile = students.profile(studentId);
        Instant producedAt = Instant.now();
        LocalDate today = LocalDate.ofInstant(producedAt, ZoneOffset.UTC);
        Map<String, String> codeLabels = classReviews.codeLabels();
        List<ConsentView> consentViews = all(page -> consents.list(studentId, page));
        Map<UUID, LocalDate> consentDates = consentViews.stream().collect(Collectors.toMap(ConsentView::id, ConsentView::signedOn));
        return new StudentRecord(studentId, profile.givenName() + " " + profile.familyName(), producedAt, StudentRecord.ABOUT,
                RecordIdentity.Student.from(profile),
                enrollments.of(studentId, today).stream().map(RecordIdentity.Enrollment::from).toList(),
                families.contactsOf(studentId).stream().map(RecordIdentity.FamilyContact::from).toList(),
                classReviews.ofStudent(studentId).stream().map(RecordReviews.ClassReview::from).toList(),
                all(page -> individualReviews.list(studentId, page)).stream()
                        .map(s -> RecordReviews.IndividualReview.from(individualReviews.get(s.id()).body(), this::serviceName)).toList(),
                consentViews.stream().map(c -> RecordSharing.Consent.from(c, this::organizationName)).toList(),
                referrals.ofStudent(studentId).stream().map(r -> RecordSharing.Referral.from(r, consentDates, codeLabels)).toList(),
                all(page -> disclosures.report(studentId, page).disclosures()).stream()
                        .map(d -> RecordSharing.Disclosure.from(d, consentDates)).toList(),
                RecordAccess.from(accessLog.of(studentId, MAX_ACCESS_EVENTS)));
    }

    private String serviceName(UUID serviceId) {
        return directory.service(serviceId).map(ServiceRef::serviceName).orElse("A service no longer in the directory");
    }

    private String organizationName(UUID organizationId) {
        return directory.organizationName(organizationId).orElse("An organization no longer in the directory");
    }

    /** Every item of a paged list, page by page. */
    private static <T> List<T> all(Function<PageRequest, Page<T>> pages) {
        List<T> items = new ArrayList<>();
        for (int number = 1; ; number++) {
            Page<T> page = pages.apply(new PageRequest(number, READ_PAGE));
            items.addAll(page.items());
            if (page.items().isEmpty() || items.size() >= page.totalItems()) {
                return items;
            }
        }
    }
}
