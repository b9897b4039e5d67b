package org.studentsupport.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.directory.Directory;
import org.studentsupport.security.CallerScope;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentScope;
import org.studentsupport.web.ApiException;
import org.studentsupport.web.ETags;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.web.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Individual student reviews and their plans. Access follows the student: 404 outside the caller's schools. */
@ApplicationScoped
public class IndividualReviewService {

    private final IndividualReviewRepository reviews;
    private final StudentScope students;
    private final Directory directory;
    private final CallerScope caller;
    private final AuditTrail audit;

    public IndividualReviewService(IndividualReviewRepository reviews, StudentScope students, Directory directory,
                                   CallerScope caller, AuditTrail audit) {
        this.reviews = reviews;
        this.students = students;
        this.directory = directory;
        this.caller = caller;
        this.audit = audit;
    }

    @Transactional
    public VersionedPlan open(UUID studentId, CreateIndividualReviewRequest request) {
        Student student = students.require(studentId);
        List<SupportInput> supports = request.supports() == null ? List.of() : request.supports();
        checkServices(supports, "/supports/");
        if (reviews.openOf(student.id).isPresent()) {
            throw ApiException.conflict("The student already has an open individual review; close it first");
        }
        IndividualReview review = new IndividualReview(student.id, request.concerns(), caller.subject());
        setTeam(review, request.team());
        if (request.goals() != null) {
            request.goals().forEach(g -> addGoal(review, g));
        }
        supports.forEach(s -> addSupport(review, s));
        reviews.persist(review);
        reviews.flush();
        return versioned(review);
    }

    @Transactional
    public Page<IndividualReviewSummary> list(UUID studentId, PageRequest page) {
        Student student = students.require(studentId);
        audit.object("student", student.id).student(student.id);
        return Page.of(reviews.pageOfStudent(student.id, page.offset(), page.size()).stream()
                .map(IndividualReviewSummary::from).toList(), page, reviews.countOfStudent(student.id));
    }

    @Transactional
    public VersionedPlan get(UUID id) {
        return versioned(find(id));
    }

    @Transactional
    public VersionedPlan update(UUID id, String ifMatch, UpdateIndividualReviewRequest request) {
        IndividualReview review = forChange(id, ifMatch);
        review.concerns = request.concerns();
        review.team.clear();
        reviews.flush();
        setTeam(review, request.team());
        return saved(review);
    }

    @Transactional
    public VersionedPlan addGoal(UUID id, String ifMatch, GoalInput input) {
        IndividualReview review = forChange(id, ifMatch);
        addGoal(review, input);
        return saved(review);
    }

    @Transactional
    public VersionedPlan updateGoal(UUID id, UUID goalId, String ifMatch, GoalInput input) {
        IndividualReview review = forChange(id, ifMatch);
        Goal goal = goal(review, goalId);
        goal.text = input.text();
        goal.targetDate = input.targetDate();
        goal.status = input.status() == null ? goal.status : input.status();
        return saved(review);
    }

    @Transactional
    public VersionedPlan addNote(UUID id, UUID goalId, String ifMatch, ProgressNoteInput input) {
        IndividualReview review = forChange(id, ifMatch);
        Goal goal = goal(review, goalId);
        if (goal.notes.size() >= PlanRules.MAX_NOTES) {
            throw ApiException.unprocessable("A goal holds at most " + PlanRules.MAX_NOTES + " progress notes", List.of());
        }
        goal.notes.add(new ProgressNote(goal, input.notedOn(), input.text(), caller.subject()));
        return saved(review);
    }

    @Transactional
    public VersionedPlan addSupport(UUID id, String ifMatch, SupportInput input) {
        IndividualReview review = forChange(id, ifMatch);
        checkServices(List.of(input), "/");
        if (review.supports.size() >= PlanRules.MAX_SUPPORTS) {
            throw ApiException.unprocessable("A plan holds at most " + PlanRules.MAX_SUPPORTS + " planned supports", List.of());
        }
        addSupport(review, input);
        return saved(review);
    }

    @Transactional
    public VersionedPlan close(UUID id, String ifMatch, ClosePlanRequest request) {
        IndividualReview review = find(id);
        ETags.requireMatch(ifMatch, review.version);
        review.close(caller.subject(), request == null ? null : request.note());
        reviews.flush();
        return versioned(review);
    }

    /**
     * Records that a planned support became a referral; for the referral feature. The caller must
     * be allowed to see the student (404 otherwise); 409 when the support already became another referral.
     */
    @Transactional
    public void linkReferral(UUID supportId, UUID referralId) {
        PlannedSupport support = reviews.getEntityManager().find(PlannedSupport.class, supportId);
        if (support == null) {
            throw ApiException.notFound("Planned support " + supportId);
        }
        students.require(support.review.studentId);
        if (support.referralId != null && !support.referralId.equals(referralId)) {
            throw ApiException.conflict("The planned support already became referral " + support.referralId);
        }
        support.referralId = referralId;
        support.review.updatedAt = java.time.Instant.now();
    }

    private IndividualReview find(UUID id) {
        IndividualReview review = id == null ? null : reviews.findById(id);
        if (review == null) {
            throw ApiException.notFound("Individual review " + id);
        }
        try {
            students.require(review.studentId);
        } catch (ApiException e) {
            throw ApiException.notFound("Individual review " + id);
        }
        return review;
    }

    private IndividualReview forChange(UUID id, String ifMatch) {
        IndividualReview review = find(id);
        ETags.requireMatch(ifMatch, review.version);
        review.changed();
        return review;
    }

    private static Goal goal(IndividualReview review, UUID goalId) {
        return review.goals.stream().filter(g -> g.id.equals(goalId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Goal " + goalId));
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

    private static void addGoal(IndividualReview review, GoalInput input) {
        if (review.goals.size() >= PlanRules.MAX_GOALS) {
            throw ApiException.unprocessable("A plan holds at most " + PlanRules.MAX_GOALS + " goals", List.of());
        }
        Goal goal = new Goal(review, review.goals.size());
        goal.text = input.text();
        goal.targetDate = input.targetDate();
        goal.status = input.status() == null ? Goal.OPEN : input.status();
        review.goals.add(goal);
    }

    private static void addSupport(IndividualReview review, SupportInput input) {
        review.supports.add(new PlannedSupport(review, input.category(), input.description(), input.serviceId(),
                review.supports.size()));
    }

    private void checkServices(List<SupportInput> supports, String prefix) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < supports.size(); i++) {
            UUID service = supports.get(i).serviceId();
            if (service != null && directory.service(service).isEmpty()) {
                violations.add(Problem.Violation.atPointer(prefix.equals("/") ? "/serviceId" : prefix + i + "/serviceId",
                        "is not a service of the provider directory"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.unprocessable("Unknown directory service", violations);
        }
    }

    private VersionedPlan saved(IndividualReview review) {
        reviews.flush();
        return versioned(review);
    }

    private VersionedPlan versioned(IndividualReview review) {
        audit.object("individual-review", review.id).student(review.studentId);
        return new VersionedPlan(IndividualReviewView.from(review), review.version);
    }
}
