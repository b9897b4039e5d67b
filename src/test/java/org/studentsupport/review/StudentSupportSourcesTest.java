package org.studentsupport.review;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studentsupport.plan.PlanSupportSource;
import org.studentsupport.student.StudentSupportSummary;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What the review and plan features contribute to a student's profile. */
@QuarkusTest
@TestSecurity(user = "coord-profile", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = StudentSupportSourcesTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = StudentSupportSourcesTest.SCHOOL)})
class StudentSupportSourcesTest {

    static final String DISTRICT = "dst-rev-profile";
    static final String SCHOOL = "sch-rev-profile";

    @Inject
    ReviewFixtures fixtures;

    @Inject
    ReviewSupportSource reviews;

    @Inject
    PlanSupportSource plans;

    @Test
    void theProfileShowsEachPeriodsEntryAsOneUnitTheLatestTierWithItsOwnDomainsAndTheOpenPlan() {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-profile-2027");
        UUID fall = fixtures.fall(year);
        UUID spring = fixtures.spring(year);
        UUID fallClass = fixtures.classSection(school, year, "Fall class");
        UUID springClass = fixtures.classSection(school, year, "Spring class");
        UUID student = fixtures.student(school, "04");
        UUID fallReview = fixtures.finalReview(fallClass, fall, List.of(student), List.of("2"), ReviewDomain.ACADEMIC,
                List.of(List.of("reading")), List.of(List.of("math")));
        UUID springReview = fixtures.finalReview(springClass, spring, List.of(student), List.of("3"), ReviewDomain.HEALTH,
                List.of(List.of("dental")), null);

        StudentSupportSummary.ReferralSummary referral = new StudentSupportSummary.ReferralSummary(UUID.randomUUID(),
                "Mentoring", "Alliance", "requested", null, false);
        StudentSupportSummary before = new StudentSupportSummary(null, List.of(), List.of(), null, List.of(referral));
        StudentSupportSummary summary = plans.contribute(student, reviews.contribute(student, before));

        assertEquals("3", summary.currentTier().tier());
        assertEquals(spring, summary.currentTier().reviewPeriodId());
        assertEquals("2026-27 spring", summary.currentTier().reviewPeriodName());
        // the latest final entry's own domains only: the fall academic codes are not mixed in
        assertEquals(1, summary.latestByDomain().size());
        assertEquals("health", summary.latestByDomain().get(0).domain());
        assertEquals(List.of("dental"), summary.latestByDomain().get(0).needs());
        // each period's one entry, latest period first, with its class, review and all four domains
        assertEquals(2, summary.reviewsByPeriod().size());
        StudentSupportSummary.PeriodReview latest = summary.reviewsByPeriod().get(0);
        assertEquals(spring, latest.reviewPeriodId());
        assertEquals(springClass, latest.classId());
        assertEquals("Spring class", latest.classTitle());
        assertEquals(springReview, latest.reviewId());
        assertEquals("final", latest.status());
        assertEquals("3", latest.tier());
        assertEquals(List.of("academic", "social-emotional", "health", "family"),
                latest.domains().stream().map(StudentSupportSummary.DomainReview::domain).toList());
        assertEquals(List.of(), latest.domains().get(0).needs());
        assertEquals(List.of("dental"), latest.domains().get(2).needs());
        StudentSupportSummary.PeriodReview first = summary.reviewsByPeriod().get(1);
        assertEquals(fall, first.reviewPeriodId());
        assertEquals(fallReview, first.reviewId());
        assertEquals("Fall class", first.classTitle());
        assertEquals("2", first.tier());
        assertEquals(List.of("reading"), first.domains().get(0).needs());
        assertEquals(List.of("math"), first.domains().get(0).strengths());
        assertEquals(List.of(), first.domains().get(2).needs());
        assertNull(summary.openPlan());
        assertSame(before.referrals(), summary.referrals());

        given().contentType(ContentType.JSON).body(Map.of("concerns", "Dental pain, missing school",
                        "goals", List.of(Map.of("text", "See a dentist", "targetDate", "2027-03-01"),
                                Map.of("text", "Attend every day", "targetDate", "2027-02-15", "status", "met"),
                                Map.of("text", "Attend every day", "targetDate", "2027-04-01")),
                        "supports", List.of(Map.of("category", "intensive", "description", "School-based dental clinic"))))
                .post("/api/v1/students/" + student + "/individual-reviews").then().statusCode(201);
        StudentSupportSummary withPlan = plans.contribute(student, summary);
        assertEquals(2, withPlan.openPlan().openGoals());
        assertEquals(1, withPlan.openPlan().plannedSupports());
        assertEquals(LocalDate.of(2027, 3, 1), withPlan.openPlan().nextTargetDate());
        assertEquals("3", withPlan.currentTier().tier());
    }

    @Test
    void aStudentNeverReviewedKeepsAnEmptySummary() {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        UUID student = fixtures.student(school, "04");
        StudentSupportSummary empty = StudentSupportSummary.empty();
        StudentSupportSummary summary = plans.contribute(student, reviews.contribute(student, empty));
        assertNull(summary.currentTier());
        assertEquals(List.of(), summary.latestByDomain());
        assertEquals(List.of(), summary.reviewsByPeriod());
        assertNull(summary.openPlan());
    }
}
