package org.studentsupport.review;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.audit.AuditEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@TestSecurity(user = "coord-wcr", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = ClassReviewTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = ClassReviewTest.SCHOOL)})
class ClassReviewTest {

    static final String DISTRICT = "dst-rev-wcr";
    static final String SCHOOL = "sch-rev-wcr-a";
    static final String OTHER_SCHOOL = "sch-rev-wcr-b";
    static final String PROBLEM = "application/problem+json";

    @Inject
    ReviewFixtures fixtures;

    UUID schoolId;
    UUID yearId;
    UUID periodId;
    UUID teacherId;
    UUID classId;
    List<UUID> students;

    @BeforeEach
    void aClassOfThreeStudents() {
        schoolId = fixtures.school(DISTRICT, SCHOOL);
        yearId = fixtures.schoolYear(DISTRICT, "yr-rev-wcr-2027");
        periodId = fixtures.fall(yearId);
        teacherId = fixtures.teacher("Okafor");
        classId = fixtures.classSection(schoolId, yearId, "Grade 3 Room 12", teacherId);
        students = fixtures.enrolledStudents(classId, schoolId, "03", 3);
    }

    private String path() {
        return "/api/v1/classes/" + classId + "/reviews/" + periodId;
    }

    static Map<String, Object> entry(UUID student, String tier, Map<String, Object> domains) {
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("studentId", student.toString());
        entry.put("tier", tier);
        entry.put("interests", "soccer, drawing");
        entry.put("needsIndividualReview", "3".equals(tier));
        entry.put("domains", domains);
        return entry;
    }

    static Map<String, Object> academic(List<String> strengths, List<String> needs, String note) {
        return Map.of("academic", Map.of("strengths", strengths, "needs", needs, "note", note));
    }

    private Map<String, Object> wholeClass(String... tiers) {
        List<Object> entries = new ArrayList<>();
        for (int i = 0; i < tiers.length; i++) {
            entries.add(entry(students.get(i), tiers[i], academic(List.of("math-talent"), List.of("reading"), "reads below grade level")));
        }
        return Map.of("reviewedOn", "2026-10-05", "entries", entries);
    }

    private Response save(Object body, String ifMatch) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(path());
    }

    @Test
    void coordinatorSavesTheWholeClassAsOneDraft() {
        save(wholeClass("1", "2", "3"), null).then().statusCode(201)
                .header("ETag", notNullValue())
                .body("status", equalTo("draft"))
                .body("coordinator", equalTo("coord-wcr"))
                .body("teacherId", equalTo(teacherId.toString()))
                .body("reviewedOn", equalTo("2026-10-05"))
                .body("periodName", equalTo("2026-27 fall"))
                .body("entries", hasSize(3))
                .body("entries[2].studentId", equalTo(students.get(2).toString()))
                .body("entries[2].tier", equalTo("3"))
                .body("entries[2].needsIndividualReview", equalTo(true))
                .body("entries[0].domains.academic.strengths[0]", equalTo("math-talent"))
                .body("entries[0].domains.academic.needs[0]", equalTo("reading"))
                .body("entries[0].domains.academic.note", equalTo("reads below grade level"))
                .body("entries[0].domains.health", nullValue());
        assertEquals(3, fixtures.entries(classId));
        assertEquals(3, fixtures.domains(classId));
        given().get(path()).then().statusCode(200).body("entries", hasSize(3)).body("entries[1].tier", equalTo("2"));
    }

    @Test
    void savingAgainWithIfMatchReplacesTheWholeDraft() {
        String etag = save(wholeClass("1", "2", "3"), null).then().statusCode(201).extract().header("ETag");
        Map<String, Object> smaller = Map.of("entries", List.of(entry(students.get(1), "1", null)));
        String next = save(smaller, etag).then().statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].studentId", equalTo(students.get(1).toString()))
                .body("entries[0].tier", equalTo("1"))
                .extract().header("ETag");
        assertNotEquals(etag, next);
        assertEquals(1, fixtures.entries(classId));
        assertEquals(0, fixtures.domains(classId));
    }

    @Test
    void savingAgainRewritesOnlyTheEntriesThatChanged() {
        String etag = save(wholeClass("1", "2", "3"), null).then().statusCode(201).extract().header("ETag");
        Map<UUID, UUID> before = fixtures.entryIds(classId);

        List<Object> entries = new ArrayList<>();
        entries.add(entry(students.get(0), "1", academic(List.of("math-talent"), List.of("reading"), "reads below grade level")));
        entries.add(entry(students.get(1), "3", academic(List.of("math-talent"), List.of("reading"), "reads below grade level")));
        String next = save(Map.of("reviewedOn", "2026-10-05", "entries", entries), etag).then().statusCode(200)
                .body("entries.tier", equalTo(List.of("1", "3")))
                .body("entries[1].needsIndividualReview", equalTo(true))
                .extract().header("ETag");
        assertNotEquals(etag, next, "a save is a new version even where rows are kept");

        Map<UUID, UUID> after = fixtures.entryIds(classId);
        assertEquals(before.get(students.get(0)), after.get(students.get(0)), "the unchanged entry is kept as stored");
        assertNotEquals(before.get(students.get(1)), after.get(students.get(1)), "the changed entry is rewritten");
        assertEquals(java.util.Set.of(students.get(0), students.get(1)), after.keySet(), "the student no longer sent is removed");
        assertEquals(2, fixtures.domains(classId));
        given().get(path()).then().statusCode(200).header("ETag", equalTo(next))
                .body("entries.studentId", equalTo(List.of(students.get(0).toString(), students.get(1).toString())))
                .body("entries.tier", equalTo(List.of("1", "3")))
                .body("entries[0].domains.academic.note", equalTo("reads below grade level"));

        // the same students in another order: each entry's place changes, so both are rewritten, in the order sent
        String reordered = save(Map.of("reviewedOn", "2026-10-05", "entries", List.of(entries.get(1), entries.get(0))), next)
                .then().statusCode(200).extract().header("ETag");
        given().get(path()).then().header("ETag", equalTo(reordered))
                .body("entries.studentId", equalTo(List.of(students.get(1).toString(), students.get(0).toString())));
        assertNotEquals(after.get(students.get(0)), fixtures.entryIds(classId).get(students.get(0)));
    }

    @Test
    void savingAgainWithAStaleOrMissingIfMatchChangesNothing() {
        String etag = save(wholeClass("1", "2", "3"), null).then().statusCode(201).extract().header("ETag");
        save(wholeClass("2", "2"), etag).then().statusCode(200);
        save(wholeClass("3"), etag).then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("urn:student-support:problem:precondition-failed"));
        save(wholeClass("3"), null).then().statusCode(428).contentType(PROBLEM);
        assertEquals(2, fixtures.entries(classId));
        given().get(path()).then().body("entries.tier", equalTo(List.of("2", "2")));
    }

    @Test
    void aStudentNotEnrolledInTheClassIsRejectedByPointerAndNothingIsWritten() {
        UUID classB = fixtures.classSection(schoolId, yearId, "Grade 3 Room 14");
        UUID elsewhere = fixtures.enrolledStudents(classB, schoolId, "03", 1).get(0);
        UUID left = fixtures.student(schoolId, "03");
        fixtures.enroll(classId, left, LocalDate.of(2026, 8, 20), LocalDate.of(2026, 9, 30));
        Map<String, Object> body = Map.of("reviewedOn", "2026-10-05", "entries", List.of(
                entry(students.get(0), "1", null), entry(elsewhere, "2", null), entry(left, "1", null)));
        save(body, null).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:student-support:problem:unprocessable"))
                .body("errors", hasSize(2))
                .body("errors[0].pointer", equalTo("/entries/1/studentId"))
                .body("errors[0].message", containsString(elsewhere.toString()))
                .body("errors[1].pointer", equalTo("/entries/2/studentId"))
                .body("errors[1].message", containsString(left.toString()));
        assertEquals(0, fixtures.reviews(classId));
        assertEquals(0, fixtures.entries(classId));
    }

    @Test
    void anUnknownTierOrCodeIsRejectedByPointerAndTheDraftStaysAsItWas() {
        String etag = save(wholeClass("1", "2", "3"), null).then().statusCode(201).extract().header("ETag");
        Map<String, Object> body = Map.of("entries", List.of(
                entry(students.get(0), "4", null),
                entry(students.get(1), "2", Map.of("family", Map.of("needs", List.of("housing", "teleportation")))),
                entry(students.get(2), "1", academic(List.of("juggling"), List.of(), "x"))));
        save(body, etag).then().statusCode(422).contentType(PROBLEM)
                .body("errors", hasSize(3))
                .body("errors[0].pointer", equalTo("/entries/0/tier"))
                .body("errors[0].message", containsString(students.get(0).toString()))
                .body("errors[1].pointer", equalTo("/entries/1/domains/family/needs/1"))
                .body("errors[1].message", containsString("teleportation"))
                .body("errors[2].pointer", equalTo("/entries/2/domains/academic/strengths/0"));
        given().get(path()).then().statusCode(200).header("ETag", equalTo(etag))
                .body("entries.tier", equalTo(List.of("1", "2", "3")));
        assertEquals(3, fixtures.domains(classId));
    }

    @Test
    void overlongTextIsABadRequestNamingTheField() {
        Map<String, Object> body = Map.of("entries", List.of(
                entry(students.get(0), "1", academic(List.of(), List.of(), "x".repeat(501)))));
        save(body, null).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/entries/0/domains/academic/note"));
        assertEquals(0, fixtures.reviews(classId));
    }

    @Test
    void finalizingLocksTheReview() {
        String etag = save(wholeClass("1", "2", "3"), null).then().statusCode(201).extract().header("ETag");
        String finalTag = given().header("If-Match", etag).post(path() + "/finalize").then().statusCode(200)
                .body("status", equalTo("final"))
                .body("finalizedBy", equalTo("coord-wcr"))
                .body("finalizedAt", notNullValue())
                .extract().header("ETag");
        save(wholeClass("3", "3", "3"), finalTag).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("amendment"));
        given().get(path()).then().body("entries.tier", equalTo(List.of("1", "2", "3")));
    }

    @Test
    void finalizingNeedsATierForEveryEnrolledStudent() {
        Map<String, Object> body = Map.of("reviewedOn", "2026-10-05", "entries", List.of(
                entry(students.get(0), "1", null), entry(students.get(1), null, null)));
        String etag = save(body, null).then().statusCode(201).extract().header("ETag");
        given().header("If-Match", etag).post(path() + "/finalize").then().statusCode(422).contentType(PROBLEM)
                .body("errors", hasSize(2))
                .body("errors[0].pointer", equalTo("/entries/1/tier"))
                .body("errors[0].message", containsString(students.get(1).toString()))
                .body("errors[1].pointer", equalTo("/entries"))
                .body("errors[1].message", containsString(students.get(2).toString()));
        assertEquals("draft", fixtures.status(classId));
        given().post(path() + "/finalize").then().statusCode(428);
    }

    @Test
    void anAmendmentChangesWhatItNamesAndKeepsTheHistory() {
        String etag = save(wholeClass("1", "2", "3"), null).then().statusCode(201).extract().header("ETag");
        etag = given().header("If-Match", etag).post(path() + "/finalize").then().statusCode(200).extract().header("ETag");
        Map<String, Object> amendment = Map.of("reason", "Family moved into a shelter in November",
                "entries", List.of(entry(students.get(0), "3",
                        Map.of("family", Map.of("needs", List.of("housing"), "note", "in a shelter since November")))));
        String amended = given().contentType(ContentType.JSON).header("If-Match", etag).body(amendment)
                .post(path() + "/amendments").then().statusCode(200)
                .body("status", equalTo("final"))
                .body("entries", hasSize(3))
                .body("entries[0].studentId", equalTo(students.get(0).toString()))
                .body("entries[0].tier", equalTo("3"))
                .body("entries[0].domains.family.needs[0]", equalTo("housing"))
                // the academic domain was not named: it stays as it was
                .body("entries[0].domains.academic.needs", equalTo(List.of("reading")))
                .extract().header("ETag");
        assertNotEquals(etag, amended);
        given().get(path() + "/amendments").then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].reason", equalTo("Family moved into a shelter in November"))
                .body("items[0].amendedBy", equalTo("coord-wcr"))
                .body("items[0].changes", hasSize(1))
                .body("items[0].changes[0].studentId", equalTo(students.get(0).toString()))
                .body("items[0].changes[0].previous.tier", equalTo("1"))
                .body("items[0].changes[0].previous.domains.academic.needs[0]", equalTo("reading"))
                .body("items[0].changes[0].amended.tier", equalTo("3"));
        assertEquals(4, fixtures.entries(classId));
        // a stale tag is refused, and nothing is added
        given().contentType(ContentType.JSON).header("If-Match", etag).body(amendment)
                .post(path() + "/amendments").then().statusCode(412);
        assertEquals(1, fixtures.amendments(classId));
    }

    @Test
    void aWrongAmendmentIsRejectedAndNothingIsWritten() {
        String etag = save(wholeClass("1", "2", "3"), null).then().statusCode(201).extract().header("ETag");
        etag = given().header("If-Match", etag).post(path() + "/finalize").then().statusCode(200).extract().header("ETag");
        UUID stranger = fixtures.student(schoolId, "03");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", "correction", "entries", List.of(entry(students.get(1), "9", null), entry(stranger, "2", null))))
                .post(path() + "/amendments").then().statusCode(422).contentType(PROBLEM)
                .body("errors.pointer", equalTo(List.of("/entries/0/tier", "/entries/1/studentId")));
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", "", "entries", List.of(entry(students.get(1), "1", null))))
                .post(path() + "/amendments").then().statusCode(400).body("errors[0].pointer", equalTo("/reason"));
        assertEquals(0, fixtures.amendments(classId));
        assertEquals(3, fixtures.entries(classId));
        given().get(path()).then().header("ETag", equalTo(etag));
    }

    @Test
    void anAmendmentOfTheTierAndOneDomainKeepsTheOtherDomainsInterestsAndFlag() {
        Map<String, Object> full = new java.util.LinkedHashMap<>(entry(students.get(0), "2", Map.of(
                "academic", Map.of("strengths", List.of("math-talent"), "needs", List.of("reading"), "note", "reads below grade level"),
                "health", Map.of("needs", List.of("dental"), "note", "toothache in class"),
                "family", Map.of("strengths", List.of("engaged-family"), "needs", List.of("housing")))));
        full.put("needsIndividualReview", true);
        Map<String, Object> body = Map.of("reviewedOn", "2026-10-05", "entries", List.of(full,
                entry(students.get(1), "1", null), entry(students.get(2), "1", null)));
        String etag = save(body, null).then().statusCode(201).extract().header("ETag");
        etag = given().header("If-Match", etag).post(path() + "/finalize").then().statusCode(200).extract().header("ETag");

        // only the tier and the health domain are named; health is replaced, family is cleared by sending it empty
        Map<String, Object> named = Map.of("studentId", students.get(0).toString(), "tier", "3",
                "domains", Map.of("health", Map.of("needs", List.of("nutrition")),
                        "family", Map.of("strengths", List.of(), "needs", List.of())));
        etag = given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", "Seen by the nurse", "entries", List.of(named)))
                .post(path() + "/amendments").then().statusCode(200)
                .body("entries[0].tier", equalTo("3"))
                .body("entries[0].interests", equalTo("soccer, drawing"))
                .body("entries[0].needsIndividualReview", equalTo(true))
                .body("entries[0].domains.academic.strengths", equalTo(List.of("math-talent")))
                .body("entries[0].domains.academic.needs", equalTo(List.of("reading")))
                .body("entries[0].domains.academic.note", equalTo("reads below grade level"))
                .body("entries[0].domains.health.needs", equalTo(List.of("nutrition")))
                .body("entries[0].domains.health.note", nullValue())
                .body("entries[0].domains.family", nullValue())
                .body("entries[0].domains.socialEmotional", nullValue())
                .body("entries[1].tier", equalTo("1"))
                .extract().header("ETag");
        given().get(path() + "/amendments").then().statusCode(200)
                .body("items[0].changes[0].previous.tier", equalTo("2"))
                .body("items[0].changes[0].previous.domains.health.needs", equalTo(List.of("dental")))
                .body("items[0].changes[0].previous.domains.family.needs", equalTo(List.of("housing")))
                .body("items[0].changes[0].amended.domains.academic.needs", equalTo(List.of("reading")));

        // a second amendment naming only the interests keeps the amended tier and domains
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", "Interests were wrong", "entries", List.of(Map.of("studentId", students.get(0).toString(),
                        "interests", "chess"))))
                .post(path() + "/amendments").then().statusCode(200)
                .body("entries[0].tier", equalTo("3"))
                .body("entries[0].interests", equalTo("chess"))
                .body("entries[0].domains.health.needs", equalTo(List.of("nutrition")))
                .body("entries[0].domains.academic.needs", equalTo(List.of("reading")));
        // two amendments: the original entry and two replaced ones for the student, plus the other two students
        assertEquals(5, fixtures.entries(classId));
        assertEquals(2, fixtures.amendments(classId));
    }

    @Test
    void aDraftCannotBeAmended() {
        String etag = save(wholeClass("1"), null).then().statusCode(201).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", "x", "entries", List.of(entry(students.get(0), "2", null))))
                .post(path() + "/amendments").then().statusCode(409);
    }

    @Test
    void aClassOfAnotherSchoolIsNotFoundForACoordinator() {
        UUID otherSchool = fixtures.school(DISTRICT, OTHER_SCHOOL);
        UUID otherClass = fixtures.classSection(otherSchool, yearId, "Other");
        List<UUID> others = fixtures.enrolledStudents(otherClass, otherSchool, "03", 1);
        String other = "/api/v1/classes/" + otherClass + "/reviews/" + periodId;
        given().contentType(ContentType.JSON).body(Map.of("entries", List.of(entry(others.get(0), "1", null))))
                .put(other).then().statusCode(404).contentType(PROBLEM);
        given().get(other).then().statusCode(404);
        assertEquals(0, fixtures.reviews(otherClass));
    }

    @Test
    void aReviewOfAnotherSchoolsClassIsNotFoundAndTheRefusalIsAuditedAsDenied() {
        UUID otherSchool = fixtures.school(DISTRICT, OTHER_SCHOOL);
        UUID otherClass = fixtures.classSection(otherSchool, yearId, "Other reviewed");
        List<UUID> others = fixtures.enrolledStudents(otherClass, otherSchool, "03", 1);
        fixtures.finalReview(otherClass, periodId, others, List.of("2"), null, null, null);
        String refused = "wcr-other-" + UUID.randomUUID();
        given().header("X-Request-Id", refused).get("/api/v1/classes/" + otherClass + "/reviews/" + periodId)
                .then().statusCode(404).contentType(PROBLEM).body("detail", equalTo("Class " + otherClass + " was not found"));
        AuditEvent event = fixtures.auditEvent(refused);
        assertEquals("denied", event.outcome);
        assertEquals(404, event.httpStatus);
        assertEquals("class-review", event.objectType);
        assertArrayEquals(new UUID[0], event.studentIds, "the refused caller's event names no student of the other school");
    }

    @Test
    void aReviewNotStartedIsNotFound() {
        given().get(path()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "super-wcr", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void aSupervisorReadsDistrictWideButCannotWrite() {
        fixtures.finalReview(classId, periodId, students, List.of("1", "1", "2"), null, null, null);
        given().get(path()).then().statusCode(200).body("status", equalTo("final")).body("entries", hasSize(3));
        given().contentType(ContentType.JSON).body(wholeClass("1")).put(path()).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "super-other", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = "dst-rev-elsewhere"))
    void aSupervisorOfAnotherDistrictSeesNothing() {
        fixtures.finalReview(classId, periodId, students, List.of("1", "1", "2"), null, null, null);
        given().get(path()).then().statusCode(404);
    }
}
