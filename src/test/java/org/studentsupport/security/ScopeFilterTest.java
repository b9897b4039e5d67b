package org.studentsupport.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.referral.ReferralFixtures;
import org.studentsupport.referral.ReferralStatus;
import org.studentsupport.student.StudentRepository;
import org.studentsupport.support.TestFixtures;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Queries written without a thought for scope still cannot return what the caller may not see. */
@QuarkusTest
class ScopeFilterTest {

    static final String DISTRICT = "dst-scope";
    static final String OWN_ORGANIZATION = "5c0be000-0000-4000-8000-000000000001";

    @Inject
    TestFixtures fixtures;
    @Inject
    ReferralFixtures referrals;
    @Inject
    StudentRepository studentRepository;

    UUID studentA;
    UUID studentB;
    UUID referralToOwn;
    UUID referralToOther;
    UUID draftToOwn;

    @BeforeEach
    void twoSchoolsAndTwoProviders() {
        studentA = fixtures.student(DISTRICT, "sch-scope-a", "stu-scope-a", "Ada", "Scope");
        studentB = fixtures.student(DISTRICT, "sch-scope-b", "stu-scope-b", "Bea", "Scope");
        UUID own = referrals.organization(UUID.fromString(OWN_ORGANIZATION), "Own provider");
        UUID other = referrals.organization("Other provider " + UUID.randomUUID());
        referralToOwn = referrals.referral(studentA, referrals.service(own, "Mentoring"), null, List.of("identity"),
                ReferralStatus.REQUESTED);
        referralToOther = referrals.referral(studentB, referrals.service(other, "Tutoring"), null, List.of("identity"),
                ReferralStatus.REQUESTED);
        draftToOwn = referrals.referral(studentB, referrals.service(own, "Counseling"), null, List.of("identity"));
    }

    @Test
    @TestSecurity(user = "coord-scope-a", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = "sch-scope-a")})
    void coordinatorOfSchoolAFindsNoStudentOfSchoolBWhateverTheQuery() {
        given().get("/test-support/scope-probe/students/{id}", studentB).then().statusCode(200)
                .body("listAll", not(hasItem(studentB.toString())))
                .body("listAll", hasItem(studentA.toString()))
                .body("jpql", equalTo(List.of()))
                .body("count", equalTo(0))
                .body("findById", equalTo(""));
        given().get("/test-support/scope-probe/students/{id}", studentA).then().statusCode(200)
                .body("jpql", equalTo(List.of(studentA.toString())))
                .body("count", equalTo(1))
                .body("findById", equalTo(studentA.toString()));
    }

    @Test
    @TestSecurity(user = "coord-scope-a", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = "sch-scope-a")})
    void coordinatorSeesOnlyTheReferralsOfItsSchools() {
        given().get("/test-support/scope-probe/referrals").then().statusCode(200)
                .body("", hasItem(referralToOwn.toString()))
                .body("", not(hasItem(referralToOther.toString())));
    }

    @Test
    @TestSecurity(user = "super-scope", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void supervisorSeesEveryStudentOfTheDistrict() {
        given().get("/test-support/scope-probe/students/{id}", studentB).then().statusCode(200)
                .body("listAll", hasItem(studentA.toString()))
                .body("listAll", hasItem(studentB.toString()))
                .body("findById", equalTo(studentB.toString()));
    }

    @Test
    @TestSecurity(user = "super-other", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = "dst-scope-other"))
    void supervisorOfAnotherDistrictSeesNoneOfThem() {
        given().get("/test-support/scope-probe/students/{id}", studentA).then().statusCode(200)
                .body("listAll", not(hasItem(studentA.toString())))
                .body("findById", equalTo(""));
    }

    @Test
    @TestSecurity(user = "provider-scope", roles = "provider", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "organization_id", value = OWN_ORGANIZATION)})
    void providerSeesOnlyTheReferralsAddressedToItsOrganization() {
        given().get("/test-support/scope-probe/referrals").then().statusCode(200)
                .body("", hasItem(referralToOwn.toString()))
                .body("", not(hasItem(referralToOther.toString())));
        given().get("/test-support/scope-probe/referrals/{id}", referralToOther).then().statusCode(200).body(equalTo(""));
        given().get("/test-support/scope-probe/referrals/{id}", referralToOwn).then().statusCode(200).body(equalTo(referralToOwn.toString()));
    }

    @Test
    @TestSecurity(user = "provider-scope", roles = "provider", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "organization_id", value = OWN_ORGANIZATION)})
    void providerSeesNoDraftNorItsStudentBeforeItIsSent() {
        given().get("/test-support/scope-probe/referrals").then().statusCode(200)
                .body("", not(hasItem(draftToOwn.toString())));
        given().get("/test-support/scope-probe/referrals/{id}", draftToOwn).then().statusCode(200).body(equalTo(""));
        given().get("/test-support/scope-probe/students/{id}", studentB).then().statusCode(200)
                .body("findById", equalTo(""));
    }

    @Test
    @TestSecurity(user = "provider-scope", roles = "provider", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "organization_id", value = OWN_ORGANIZATION)})
    void providerSeesOnlyTheStudentsReferredToIt() {
        given().get("/test-support/scope-probe/students/{id}", studentB).then().statusCode(200)
                .body("listAll", not(hasItem(studentB.toString())))
                .body("findById", equalTo(""));
        given().get("/test-support/scope-probe/students/{id}", studentA).then().statusCode(200)
                .body("findById", equalTo(studentA.toString()));
    }

    @Test
    void workThatNoCallerStartedSeesEverything() {
        assertEquals(studentB, studentRepository.findByIdOptional(studentB).map(s -> s.id).orElse(null));
    }
}
