package org.studentsupport.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.roster.ClassSection;
import org.studentsupport.roster.Teacher;
import org.studentsupport.school.SchoolScope;
import org.studentsupport.security.CallerScope;
import org.studentsupport.web.ApiException;
import org.studentsupport.web.ETags;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.web.Problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Whole-class reviews: the draft saved as a whole, finalization, and amendments of a final review.
 * Every write checks all entries first and writes nothing when one is wrong.
 */
@ApplicationScoped
public class ClassReviewService {

    /** The most entries one review (one class) holds. */
    public static final int MAX_ENTRIES = 200;

    private final ClassReviewRepository reviews;
    private final ReviewCodeRepository codes;
    private final ReviewPeriodService periods;
    private final TierScale tiers;
    private final SchoolScope schools;
    private final CallerScope caller;
    private final AuditTrail audit;
    private final EntityManager em;

    public ClassReviewService(ClassReviewRepository reviews, ReviewCodeRepository codes, ReviewPeriodService periods,
                              TierScale tiers, SchoolScope schools, CallerScope caller, AuditTrail audit, EntityManager em) {
        this.reviews = reviews;
        this.codes = codes;
        this.periods = periods;
        this.tiers = tiers;
        this.schools = schools;
        this.caller = caller;
        this.audit = audit;
        this.em = em;
    }

    @Transactional
    public VersionedReview get(UUID classId, UUID periodId) {
        ClassSection section = classInScope(classId);
        ClassReview review = existing(section, periods.get(periodId));
        return versioned(review, false);
    }

    @Transactional
    public VersionedReview save(UUID classId, UUID periodId, String ifMatch, SaveClassReviewRequest request) {
        ClassSection section = classInScope(classId);
        ReviewPeriod period = periodOf(section, periodId);
        ClassReview review = reviews.findFor(classId, periodId).orElse(null);
        boolean created = review == null;
        if (!created) {
            ETags.requireMatch(ifMatch, review.version);
            if (review.isFinal()) {
                throw ApiException.conflict("The review is finalized; correct it with an amendment");
            }
        }
        LocalDate day = request.reviewedOn() == null ? LocalDate.now() : request.reviewedOn();
        UUID teacher = teacherOf(section, request.teacherId());
        List<Problem.Violation> violations = check(request.entries(), reviews.enrolledOn(classId, day), day, false);
        if (!violations.isEmpty()) {
            throw ApiException.unprocessable("The review was not saved: " + violations.size() + " field(s) are wrong",
                    violations);
        }
        if (created) {
            review = new ClassReview(classId, period, section.school.id);
            review.saveDraft(caller.subject(), teacher, day);
            reviews.persist(review);
        } else {
            review.saveDraft(caller.subject(), teacher, day);
            reviews.deleteEntries(review.id);
        }
        List<ReviewEntryInput> entries = request.entries();
        List<ClassReviewEntry> rows = new ArrayList<>();
        List<ClassReviewDomain> domains = new ArrayList<>();
        List<ReviewEntryView> views = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ClassReviewEntry entry = entry(review.id, entries.get(i), i, null);
            rows.add(entry);
            List<ClassReviewDomain> own = domainsOf(entry.id, entries.get(i));
            domains.addAll(own);
            views.add(ReviewEntryView.from(entry, own));
        }
        reviews.insertAll(rows, domains);
        audit.object("class-review", review.id).students(entries.stream().map(ReviewEntryInput::studentId).toList());
        // the view is built from what was just written, in the order sent; no need to read it back
        return new VersionedReview(ClassReviewView.from(review, views), review.version, created);
    }

    @Transactional
    public VersionedReview finalizeReview(UUID classId, UUID periodId, String ifMatch) {
        ClassSection section = classInScope(classId);
        ClassReview review = existing(section, periods.get(periodId));
        ETags.requireMatch(ifMatch, review.version);
        if (review.isFinal()) {
            throw ApiException.conflict("The review is already finalized");
        }
        List<ClassReviewEntry> entries = new ArrayList<>(reviews.currentEntries(review.id).keySet());
        List<Problem.Violation> violations = new ArrayList<>();
        Set<UUID> withEntry = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ClassReviewEntry entry = entries.get(i);
            withEntry.add(entry.studentId);
            if (entry.tier == null) {
                violations.add(Problem.Violation.atPointer("/entries/" + i + "/tier",
                        "student " + entry.studentId + " has no tier; every student needs one to finalize"));
            }
        }
        reviews.enrolledOn(classId, review.reviewedOn).stream().filter(s -> !withEntry.contains(s)).sorted()
                .forEach(s -> violations.add(Problem.Violation.atPointer("/entries",
                        "student " + s + " is enrolled in the class but has no entry; tier is required to finalize")));
        if (!violations.isEmpty()) {
            throw ApiException.unprocessable("The review cannot be finalized: " + violations.size()
                    + " student(s) without a tier", violations);
        }
        review.finalizeBy(caller.subject());
        reviews.flush();
        audit.object("class-review", review.id).students(entries.stream().map(e -> e.studentId).toList());
        return versioned(review, false);
    }

    @Transactional
    public VersionedReview amend(UUID classId, UUID periodId, String ifMatch, AmendClassReviewRequest request) {
        ClassSection section = classInScope(classId);
        ClassReview review = existing(section, periods.get(periodId));
        ETags.requireMatch(ifMatch, review.version);
        if (!review.isFinal()) {
            throw ApiException.conflict("The review is a draft; save the draft again instead of amending it");
        }
        Map<UUID, ClassReviewEntry> current = new HashMap<>();
        reviews.currentEntries(review.id).keySet().forEach(e -> current.put(e.studentId, e));
        Set<UUID> amendable = reviews.enrolledOn(classId, review.reviewedOn);
        amendable.addAll(current.keySet());
        List<Problem.Violation> violations = check(request.entries(), amendable, review.reviewedOn, true);
        if (!violations.isEmpty()) {
            throw ApiException.unprocessable("The amendment was not saved: " + violations.size() + " field(s) are wrong",
                    violations);
        }
        ClassReviewAmendment amendment = new ClassReviewAmendment(review.id, request.reason(), caller.subject());
        em.persist(amendment);
        em.flush();
        List<UUID> students = request.entries().stream().map(ReviewEntryInput::studentId).toList();
        reviews.supersede(review.id, students, amendment.id);
        int next = current.values().stream().mapToInt(e -> e.position + 1).max().orElse(0);
        List<ClassReviewDomain> domains = new ArrayList<>();
        for (ReviewEntryInput input : request.entries()) {
            ClassReviewEntry old = current.get(input.studentId());
            ClassReviewEntry entry = entry(review.id, input, old == null ? next++ : old.position, amendment.id);
            em.persist(entry);
            domains.addAll(domainsOf(entry.id, input));
        }
        domains.forEach(em::persist);
        review.amended();
        reviews.flush();
        em.clear();
        ClassReview reloaded = reviews.findById(review.id);
        audit.object("class-review", review.id).students(students);
        return versioned(reloaded, false);
    }

    @Transactional
    public Page<AmendmentView> amendments(UUID classId, UUID periodId, PageRequest page) {
        ClassSection section = classInScope(classId);
        ClassReview review = existing(section, periods.get(periodId));
        List<AmendmentView> items = new ArrayList<>();
        Set<UUID> students = new HashSet<>();
        for (ClassReviewAmendment amendment : reviews.amendments(review.id, page.offset(), page.size())) {
            Map<ClassReviewEntry, List<ClassReviewDomain>> entries = reviews.withDomains(reviews.entriesOfAmendment(amendment.id));
            Map<UUID, ReviewEntryView> before = new HashMap<>();
            Map<UUID, ReviewEntryView> after = new java.util.LinkedHashMap<>();
            entries.forEach((entry, domains) -> {
                if (amendment.id.equals(entry.amendmentId)) {
                    after.put(entry.studentId, ReviewEntryView.from(entry, domains));
                } else {
                    before.put(entry.studentId, ReviewEntryView.from(entry, domains));
                }
            });
            List<AmendmentView.Change> changes = after.entrySet().stream()
                    .map(e -> new AmendmentView.Change(e.getKey(), before.get(e.getKey()), e.getValue())).toList();
            students.addAll(after.keySet());
            items.add(new AmendmentView(amendment.id, amendment.reason, amendment.amendedBy, amendment.amendedAt, changes));
        }
        audit.object("class-review", review.id).students(students);
        return Page.of(items, page, reviews.countAmendments(review.id));
    }

    /** The class, when its school is in the caller's scope; 404 otherwise. */
    ClassSection classInScope(UUID classId) {
        ClassSection section = classId == null ? null : em.find(ClassSection.class, classId);
        if (section == null) {
            throw ApiException.notFound("Class " + classId);
        }
        schools.require(section.school.id, "Class " + classId);
        return section;
    }

    private ReviewPeriod periodOf(ClassSection section, UUID periodId) {
        ReviewPeriod period = periods.get(periodId);
        UUID year = period.schoolYear.id;
        boolean inYear = section.session.id.equals(year)
                || (section.session.parent != null && section.session.parent.id.equals(year));
        if (!inYear) {
            throw ApiException.unprocessable("The class does not belong to the period's school year",
                    List.of(Problem.Violation.atParameter("periodId", "is a period of another school year than the class")));
        }
        return period;
    }

    private ClassReview existing(ClassSection section, ReviewPeriod period) {
        return reviews.findFor(section.id, period.id).orElseThrow(() ->
                ApiException.notFound("Review of class " + section.id + " in period " + period.id));
    }

    private UUID teacherOf(ClassSection section, UUID requested) {
        if (requested != null) {
            if (section.teachers.stream().noneMatch(t -> t.id.equals(requested))) {
                throw ApiException.unprocessable("The teacher does not teach this class",
                        List.of(Problem.Violation.atPointer("/teacherId", "is not a teacher of the class")));
            }
            return requested;
        }
        return section.teachers.stream()
                .min(Comparator.comparing((Teacher t) -> t.familyName).thenComparing(t -> t.givenName).thenComparing(t -> t.id))
                .map(t -> t.id).orElse(null);
    }

    /**
     * Checks every entry against the roster, the tier scale and the code list; returns one violation
     * per wrong field, pointing into the request body.
     */
    private List<Problem.Violation> check(List<ReviewEntryInput> entries, Set<UUID> allowedStudents, LocalDate day,
                                          boolean tierRequired) {
        List<Problem.Violation> violations = new ArrayList<>();
        Map<String, Set<String>> activeCodes = codes.activeByDomain();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ReviewEntryInput entry = entries.get(i);
            String at = "/entries/" + i;
            if (!allowedStudents.contains(entry.studentId())) {
                violations.add(Problem.Violation.atPointer(at + "/studentId",
                        "student " + entry.studentId() + " is not enrolled in this class on " + day));
            } else if (!seen.add(entry.studentId())) {
                violations.add(Problem.Violation.atPointer(at + "/studentId",
                        "student " + entry.studentId() + " appears more than once"));
            }
            if (entry.tier() == null ? tierRequired : !tiers.contains(entry.tier())) {
                violations.add(Problem.Violation.atPointer(at + "/tier", entry.tier() == null
                        ? "student " + entry.studentId() + ": tier is required in a finalized review"
                        : "student " + entry.studentId() + ": '" + entry.tier() + "' is not a tier of the scale " + tiers.codes()));
            }
            if (entry.domains() == null) {
                continue;
            }
            entry.domains().filled().forEach((domain, input) -> {
                Set<String> known = activeCodes.getOrDefault(domain.code(), Set.of());
                String base = at + "/domains/" + DomainsInput.member(domain);
                checkCodes(violations, entry.studentId(), domain, input.strengthCodes(), known, base + "/strengths");
                checkCodes(violations, entry.studentId(), domain, input.needCodes(), known, base + "/needs");
            });
        }
        return violations;
    }

    private static void checkCodes(List<Problem.Violation> violations, UUID student, ReviewDomain domain,
                                   List<String> values, Set<String> known, String at) {
        for (int j = 0; j < values.size(); j++) {
            if (!known.contains(values.get(j))) {
                violations.add(Problem.Violation.atPointer(at + "/" + j, "student " + student + ": '" + values.get(j)
                        + "' is not a code of the " + domain.code() + " code list"));
            }
        }
    }

    private static ClassReviewEntry entry(UUID reviewId, ReviewEntryInput input, int position, UUID amendmentId) {
        ClassReviewEntry entry = new ClassReviewEntry(reviewId, input.studentId(), position);
        entry.tier = input.tier();
        entry.interests = blankToNull(input.interests());
        entry.needsIndividualReview = input.needsIndividualReview();
        entry.amendmentId = amendmentId;
        return entry;
    }

    private static List<ClassReviewDomain> domainsOf(UUID entryId, ReviewEntryInput input) {
        if (input.domains() == null) {
            return List.of();
        }
        List<ClassReviewDomain> domains = new ArrayList<>();
        input.domains().filled().forEach((domain, d) -> domains.add(new ClassReviewDomain(entryId, domain,
                d.strengthCodes().stream().distinct().toList(), d.needCodes().stream().distinct().toList(),
                blankToNull(d.note()))));
        return domains;
    }

    private VersionedReview versioned(ClassReview review, boolean created) {
        List<ReviewEntryView> entries = new ArrayList<>();
        reviews.currentEntries(review.id).forEach((entry, domains) -> entries.add(ReviewEntryView.from(entry, domains)));
        audit.object("class-review", review.id).students(entries.stream().map(ReviewEntryView::studentId).toList());
        return new VersionedReview(ClassReviewView.from(review, entries), review.version, created);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
