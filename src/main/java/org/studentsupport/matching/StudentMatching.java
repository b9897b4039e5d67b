package org.studentsupport.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.directory.DirectorySearch;
import org.studentsupport.directory.DirectorySearchCriteria;
import org.studentsupport.directory.DirectorySearchResult;
import org.studentsupport.directory.ServiceFacts;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.plan.PlanSupportSource;
import org.studentsupport.review.ReviewSupportSource;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentScope;
import org.studentsupport.student.StudentSupportSummary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * "Services for this student": the directory services that meet the needs recorded for the student
 * (the latest finalized review, per domain, and the open plan), within the age eligibility and near
 * the student's school, ranked by {@link MatchingRules}.
 */
@ApplicationScoped
public class StudentMatching {

    /** The most services ranked for one student; the search asks for no more than this. */
    public static final int MAX_CANDIDATES = 200;
    /** How far from the school services are looked for, when the school has coordinates. */
    public static final double RADIUS_KM = 50;

    private final StudentScope students;
    private final ReviewSupportSource reviews;
    private final PlanSupportSource plans;
    private final DirectorySearch directory;
    private final Clock clock = Clock.systemUTC();

    public StudentMatching(StudentScope students, ReviewSupportSource reviews, PlanSupportSource plans, DirectorySearch directory) {
        this.students = students;
        this.reviews = reviews;
        this.plans = plans;
        this.directory = directory;
    }

    /** The needs recorded for a student in the caller's scope (404 otherwise): latest review's first, then the plan's. */
    @Transactional
    public List<String> recordedNeeds(UUID studentId) {
        Student student = students.require(studentId);
        StudentSupportSummary summary = plans.contribute(student.id, reviews.contribute(student.id, StudentSupportSummary.empty()));
        Set<String> needs = new LinkedHashSet<>();
        summary.latestByDomain().forEach(d -> needs.addAll(d.needs()));
        if (summary.openPlan() != null) {
            needs.addAll(summary.openPlan().needs());
        }
        return List.copyOf(needs);
    }

    @Transactional
    public Page<MatchingService> forStudent(UUID studentId, PageRequest page) {
        Student student = students.require(studentId);
        List<String> needs = recordedNeeds(student.id);
        if (needs.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        Integer age = student.ageOn(LocalDate.now(clock));
        boolean located = student.school.latitude != null && student.school.longitude != null;
        DirectorySearchCriteria criteria = new DirectorySearchCriteria(null, null, needs.size() > 20 ? needs.subList(0, 20) : needs,
                null, age, null, null, located ? student.school.latitude : null, located ? student.school.longitude : null,
                RADIUS_KM, false, null, false, DirectorySearchCriteria.Sort.name);
        List<DirectorySearchResult> found = directory.search(criteria, new PageRequest(1, MAX_CANDIDATES)).items();
        Map<UUID, ServiceFacts> facts = directory.facts(found.stream().map(DirectorySearchResult::serviceId).toList());
        String language = language(student);
        List<MatchingService> ranked = new ArrayList<>();
        for (DirectorySearchResult r : found) {
            ServiceFacts f = facts.get(r.serviceId());
            String offered = language != null && f != null && f.languages().contains(language) ? language : null;
            MatchingService.Why why = new MatchingService.Why(r.match().needs(), age, offered, r.match().distanceKm(),
                    f != null && f.free(), r.capacityStatus(), r.acceptsReferrals());
            ranked.add(new MatchingService(r.serviceId(), r.serviceName(), r.organizationId(), r.organizationName(),
                    MatchingRules.score(why), why));
        }
        ranked.sort(MatchingRules.ORDER);
        int from = Math.min(page.offset(), ranked.size());
        return Page.of(ranked.subList(from, Math.min(from + page.size(), ranked.size())), page, ranked.size());
    }

    /** The primary subtag of the student's preferred (else home) language, lower case. */
    private static String language(Student student) {
        String tag = student.preferredLanguage != null ? student.preferredLanguage : student.homeLanguage;
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return tag.split("-")[0].toLowerCase(Locale.ROOT);
    }
}
