package org.studentsupport.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.directory.Directory;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.ScopedLookup;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentScope;
import org.studentsupport.vocabulary.CodeKind;
import org.studentsupport.vocabulary.Vocabulary;
import org.studentsupport.vocabulary.VocabularyService;
import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.VersionCheck;
import org.studentsupport.domain.Versioned;
import org.studentsupport.domain.Violation;

import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Individual student reviews and their plans. Access follows the student: the scope filter shows a
 * review only to staff of the student's school; any other review answers 404.
 */
@ApplicationScoped
public class IndividualReviewService {

    private final IndividualReviewRepository reviews;
    private final StudentScope students;
    private final ScopedLookup lookup;
    private final Directory directory;
    private final CallerScope caller;
    private final AuditTrail audit;
    private final VocabularyService vocabulary;

    public IndividualReviewService(IndividualReviewRepository reviews, StudentScope students, ScopedLookup lookup,
                                   Directory directory, CallerScope caller, AuditTrail audit, VocabularyService vocabulary) {
        this.vocabulary = vocabulary;
        this.reviews = reviews;
        this.students = students;
        this.lookup = lookup;
        this.directory = directory;
        this.caller = caller;
        this.audit = audit;
    }

    @Transactional
    public Versioned<IndividualReviewView> open(UUID studentId, CreateIndividualReviewRequest request) {
        Student student = students.require(studentId);
        List<SupportInput> supports = request.supports() == null ? List.of() : request.supports();
        requireKnownServices(supports, i -> "/supports/" + i + "/serviceId");
        List<Violation> wrongCodes = new java.util.ArrayList<>();
        Vocabulary codes = vocabulary.of(student.school.district.id);
        wrongCodes.addAll(codes.check(CodeKind.NEED, null, request.needs() == null ? List.of() : request.needs(), "/needs", null));
        for (int i = 0; i < supports.size(); i++) {
            wrongCodes.addAll(codes.check(CodeKind.NEED, null, supports.get(i).needCodes(), "/supports/" + i + "/needs", null));
        }
        requireNoWrongCodes(wrongCodes);
        if (reviews.openOf(student.id).isPresent()) {
            throw new ConflictException("The student already has an open individual review; close it first");
        }
        IndividualReview review = new IndividualReview(student.id, request.concerns(), caller.subject());
        review.needCodes = request.needs() == null ? List.of() : List.copyOf(request.needs());
        setTeam(review, request.team());
        if (request.goals() != null) {
            request.goals().forEach(g -> review.addGoal(g.text(), g.targetDate(), g.status()));
        }
        supports.forEach(s -> review.addSupport(s.category(), s.description(), s.serviceId(), s.needCodes()));
        reviews.persist(review);
        reviews.flush();
        audit.object("individual-review", review.id);
        return versioned(review);
    }

    @Transactional
    public Page<IndividualReviewSummary> list(UUID studentId, PageRequest page) {
        Student student = students.require(studentId);
        return Page.of(reviews.pageOfStudent(student.id, page.offset(), page.size()).stream()
                .map(IndividualReviewSummary::from).toList(), page, reviews.countOfStudent(student.id));
    }

    @Transactional
    public Versioned<IndividualReviewView> get(UUID id) {
        return versioned(find(id));
    }

    /*
     * Every change applies the caller's If-Match to the version it loads in its own transaction: when
     * the review changed since the caller read it, the change is refused (412) instead of overwriting it.
     */

    @Transactional
    public Versioned<IndividualReviewView> update(UUID id, VersionCheck ifMatch, UpdateIndividualReviewRequest request) {
        IndividualReview review = forChange(id, ifMatch);
        if (request.needs() != null) {
            requireNoWrongCodes(codesOf(review).check(CodeKind.NEED, null, request.needs(), "/needs", null));
            review.needCodes = List.copyOf(request.needs());
        }
        review.concerns = request.concerns();
        review.team.clear();
        reviews.flush();
        setTeam(review, request.team());
        return saved(review);
    }

    @Transactional
    public Versioned<IndividualReviewView> addGoal(UUID id, VersionCheck ifMatch, GoalInput input) {
        IndividualReview review = forChange(id, ifMatch);
        review.addGoal(input.text(), input.targetDate(), input.status());
        return saved(review);
    }

    @Transactional
    public Versioned<IndividualReviewView> updateGoal(UUID id, UUID goalId, VersionCheck ifMatch, GoalInput input) {
        IndividualReview review = forChange(id, ifMatch);
        Goal goal = review.goal(goalId);
        goal.text = input.text();
        goal.targetDate = input.targetDate();
        goal.status = input.status() == null ? goal.status : input.status();
        return saved(review);
    }

    @Transactional
    public Versioned<IndividualReviewView> addNote(UUID id, UUID goalId, VersionCheck ifMatch, ProgressNoteInput input) {
        IndividualReview review = forChange(id, ifMatch);
        review.goal(goalId).addNote(input.notedOn(), input.text(), caller.subject());
        return saved(review);
    }

    @Transactional
    public Versioned<IndividualReviewView> addSupport(UUID id, VersionCheck ifMatch, SupportInput input) {
        IndividualReview review = forChange(id, ifMatch);
        requireKnownServices(List.of(input), i -> "/serviceId");
        requireNoWrongCodes(codesOf(review).check(CodeKind.NEED, null, input.needCodes(), "/needs", null));
        review.addSupport(input.category(), input.description(), input.serviceId(), input.needCodes());
        return saved(review);
    }

    @Transactional
    public Versioned<IndividualReviewView> close(UUID id, VersionCheck ifMatch, ClosePlanRequest request) {
        IndividualReview review = find(id);
        ifMatch.require(review.version);
        review.close(caller.subject(), request == null ? null : request.note());
        return saved(review);
    }

    /**
     * Records that a planned support became a referral; for the referral feature. The caller must
     * be allowed to see the student (404 otherwise); 409 when the support already became another referral.
     */
    @Transactional
    public void linkReferral(UUID supportId, UUID referralId) {
        String what = "Planned support " + supportId;
        // the review is looked up through the scope filter before the support's association is touched:
        // loading a review the filter hides through that association would fail instead of answering 404
        UUID reviewId = reviews.reviewOfSupport(supportId).orElseThrow(() -> new NotFoundException(what));
        IndividualReview review = lookup.require(IndividualReview.class, reviewId, what);
        PlannedSupport support = review.support(supportId);
        if (support.referralId != null && !support.referralId.equals(referralId)) {
            throw new ConflictException("The planned support already became referral " + support.referralId);
        }
        support.referralId = referralId;
        review.updatedAt = java.time.Instant.now();
    }

    /** The review, when the caller may see its student; the 404 names the review, so the student's id does not leak. */
    private IndividualReview find(UUID id) {
        return lookup.require(IndividualReview.class, id, "Individual review " + id);
    }

    private IndividualReview forChange(UUID id, VersionCheck ifMatch) {
        IndividualReview review = find(id);
        ifMatch.require(review.version);
        review.changed();
        return review;
    }

    private static void setTeam(IndividualReview review, List<TeamMemberInput> team) {
        if (team == null) {
            return;
        }
        for (int i = 0; i < team.size(); i++) {
            TeamMemberInput m = team.get(i);
            review.team.add(new TeamMember(review, m.role(), m.name(), m.outside(), i));
        }
    }

    private void requireKnownServices(List<SupportInput> supports, IntFunction<String> pointer) {
        List<Violation> violations = PlanRules.unknownServices(supports, service -> directory.service(service).isPresent(), pointer);
        if (!violations.isEmpty()) {
            throw new RuleBrokenException("Unknown directory service", violations);
        }
    }

    private Vocabulary codesOf(IndividualReview review) {
        return vocabulary.of(students.require(review.studentId).school.district.id);
    }

    private static void requireNoWrongCodes(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new RuleBrokenException("The plan was not saved: " + violations.size() + " need code(s) are wrong", violations);
        }
    }

    private Versioned<IndividualReviewView> saved(IndividualReview review) {
        reviews.flush();
        return versioned(review);
    }

    private Versioned<IndividualReviewView> versioned(IndividualReview review) {
        audit.student(review.studentId);
        return Versioned.of(IndividualReviewView.from(review), review.version);
    }
}
