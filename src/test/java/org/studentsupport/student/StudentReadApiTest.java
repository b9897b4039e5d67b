package org.studentsupport.student;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.roster.Bundles;
import org.studentsupport.roster.Db;
import org.studentsupport.roster.HandBundle;
import org.studentsupport.roster.RosterImport;
import org.studentsupport.roster.RosterImportService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Coordinators find their students, open class rosters and profiles, and only within their schools. */
@QuarkusTest
class StudentReadApiTest {

    static final String DISTRICT = "dst-read";
    static final String P = "read-";

    @Inject
    RosterImportService imports;

    @Inject
    Db db;

    @BeforeEach
    void roster() throws Exception {
        Path zip = Files.createTempFile("read-", ".zip");
        try {
            Files.write(zip, Bundles.zip(HandBundle.files(DISTRICT, P)));
            RosterImport job = imports.runNow(zip, DISTRICT, "test", false);
            assertEquals(RosterImport.Status.succeeded, job.status, job.message);
        } finally {
            Files.delete(zip);
        }
        MarkedStudentsSupport.MARKED.add(id("student", P + "stu-1"));
    }

    private UUID id(String table, String sourcedId) {
        return (UUID) db.value("SELECT id FROM " + table + " WHERE sourced_id = ?", sourcedId);
    }

    @Test
    @TestSecurity(user = "coord-read-a", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = P + "sch-a")})
    void coordinatorFindsTheirStudentsByNamePrefix() {
        given().queryParam("name", "b").get("/api/v1/students").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].givenName", equalTo("Ben")).body("items[0].familyName", equalTo("Brown"));
        given().queryParam("name", "AN").get("/api/v1/students").then().statusCode(200)
                .body("items.sourcedId", contains(P + "stu-1"));
        given().queryParam("grade", "03").get("/api/v1/students").then().statusCode(200)
                .body("items.sourcedId", contains(P + "stu-1", P + "stu-2"));
        given().queryParam("name", "c").get("/api/v1/students").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    @TestSecurity(user = "coord-read-a", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = P + "sch-a")})
    void coordinatorSeesAProfileWithEnrollmentsFamilyAndSupport() {
        given().get("/api/v1/students/" + id("student", P + "stu-1")).then().statusCode(200)
                .body("givenName", equalTo("Ana")).body("preferredName", equalTo("Annie")).body("birthDate", equalTo("2018-03-04"))
                .body("preferredLanguage", equalTo("es")).body("schoolName", equalTo("Alder School"))
                .body("enrollments", hasSize(1)).body("enrollments[0].classTitle", equalTo("Grade 3 Homeroom"))
                .body("enrollments[0].sessionTitle", equalTo("2026-27 Fall"))
                .body("familyContacts.contact.givenName", contains("Maria", "Sam"))
                .body("familyContacts.relationship", contains("parent", "relative"))
                .body("familyContacts.maySignConsent", contains(true, false))
                .body("support.currentTier.tier", equalTo("2"));
    }

    @Test
    @TestSecurity(user = "coord-read-a", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = P + "sch-a")})
    void coordinatorCannotSeeAnotherSchoolsStudent() {
        given().get("/api/v1/students/" + id("student", P + "stu-3")).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:student-support:problem:not-found"));
        given().get("/api/v1/students/" + UUID.randomUUID()).then().statusCode(404);
        given().queryParam("schoolId", id("school", P + "sch-b")).get("/api/v1/students").then().statusCode(404);
        given().get("/api/v1/classes/" + id("class_section", P + "cls-b") + "/roster").then().statusCode(404);
        given().get("/api/v1/schools/" + id("school", P + "sch-b") + "/classes").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "coord-read-a", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = P + "sch-a")})
    void theRosterOfAClassIsWhoIsEnrolledOnTheDate() {
        String classId = id("class_section", P + "cls-a").toString();
        given().queryParam("date", "2026-09-15").get("/api/v1/classes/" + classId + "/roster").then().statusCode(200)
                .body("items.givenName", contains("Ana", "Ben"));
        given().queryParam("date", "2027-02-01").get("/api/v1/classes/" + classId + "/roster").then().statusCode(200)
                .body("items.givenName", contains("Ana")).body("totalItems", equalTo(1));
        given().queryParam("date", "2026-08-01").get("/api/v1/classes/" + classId + "/roster").then().statusCode(200)
                .body("totalItems", equalTo(0));
        given().get("/api/v1/classes/" + classId).then().statusCode(200)
                .body("title", equalTo("Grade 3 Homeroom")).body("courseTitle", equalTo("English 3"))
                .body("teachers.familyName", contains("Davis"));
    }

    @Test
    @TestSecurity(user = "coord-read-a", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = P + "sch-a")})
    void theClassesOfASchoolCanBeNarrowedToASession() {
        String school = id("school", P + "sch-a").toString();
        given().queryParam("sessionId", id("academic_session", P + "sy")).get("/api/v1/schools/" + school + "/classes").then().statusCode(200)
                .body("items.sourcedId", contains(P + "cls-a"));
        given().queryParam("sessionId", UUID.randomUUID()).get("/api/v1/schools/" + school + "/classes").then().statusCode(200)
                .body("totalItems", equalTo(0));
        given().get("/api/v1/academic-sessions").then().statusCode(200)
                .body("items.sourcedId", contains(P + "sy", P + "fall"));
    }

    @Test
    @TestSecurity(user = "admin-read", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void anAdministratorSeesTheRosterButNotTheSupport() {
        given().get("/api/v1/students/" + id("student", P + "stu-1")).then().statusCode(200)
                .body("givenName", equalTo("Ana")).body("support.currentTier", nullValue())
                .body("support.referrals", hasSize(0));
    }

    @Test
    @TestSecurity(user = "super-read", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void aSupervisorSeesTheWholeDistrictAndTheSupport() {
        given().get("/api/v1/students/" + id("student", P + "stu-3")).then().statusCode(200).body("schoolName", equalTo("Birch School"));
        given().get("/api/v1/students/" + id("student", P + "stu-1")).then().statusCode(200).body("support.currentTier.tier", equalTo("2"));
    }

    @Test
    @TestSecurity(user = "coord-read-a", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = P + "sch-a")})
    void aCoordinatorSetsAFamilysPreferredContactMethodWithIfMatch() {
        String url = "/api/v1/family-contacts/" + id("family_contact", P + "gdn-1");
        String etag = given().get(url).then().statusCode(200).body("givenName", equalTo("Maria")).extract().header("ETag");
        String body = "{\"preferredContactMethod\":\"sms\",\"contactNotes\":\"After 5 pm, Spanish\"}";

        given().contentType("application/json").body(body).put(url + "/preferences").then().statusCode(428);
        given().contentType("application/json").body("{\"preferredContactMethod\":\"pigeon\"}").header("If-Match", etag)
                .put(url + "/preferences").then().statusCode(400);
        String newTag = given().contentType("application/json").body(body).header("If-Match", etag).put(url + "/preferences")
                .then().statusCode(200).body("preferredContactMethod", equalTo("sms")).body("contactNotes", equalTo("After 5 pm, Spanish"))
                .extract().header("ETag");
        given().contentType("application/json").body(body).header("If-Match", etag).put(url + "/preferences").then().statusCode(412);
        assertEquals(List.of("sms", "After 5 pm, Spanish"), List.of(
                db.value("SELECT preferred_contact_method FROM family_contact WHERE sourced_id = ?", P + "gdn-1"),
                db.value("SELECT contact_notes FROM family_contact WHERE sourced_id = ?", P + "gdn-1")));
        // a later import of the same roster keeps the local fields
        given().get(url).then().statusCode(200).header("ETag", equalTo(newTag)).body("preferredContactMethod", equalTo("sms"));
    }

    @Test
    @TestSecurity(user = "coord-read-b", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = P + "sch-b")})
    void aCoordinatorCannotSeeAFamilyOfAnotherSchool() {
        given().get("/api/v1/family-contacts/" + id("family_contact", P + "gdn-1")).then().statusCode(404);
        given().contentType("application/json").body("{\"preferredContactMethod\":\"phone\"}").header("If-Match", "\"0\"")
                .put("/api/v1/family-contacts/" + id("family_contact", P + "gdn-1") + "/preferences").then().statusCode(404);
    }
}
