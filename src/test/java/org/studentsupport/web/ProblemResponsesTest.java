package org.studentsupport.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.school.SchoolRepository;
import org.studentsupport.support.FailingResource;
import org.studentsupport.support.TestFixtures;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of error, the framework's own included, is an RFC 9457 problem document. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String DISTRICT = "dst-problems";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestFixtures fixtures;
    @Inject
    SchoolRepository schools;

    UUID schoolId;

    @BeforeEach
    void createSchool() {
        schoolId = fixtures.school(DISTRICT, "sch-problems-1", "Problem Elementary");
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        given().get("/no/such/path")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:student-support:problem:not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/no/such/path"))
                .body("requestId", notNullValue());
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void wrongMethodIsAMethodNotAllowedProblem() {
        given().delete("/api/v1/schools")
                .then().statusCode(405).contentType(PROBLEM)
                .body("type", equalTo("urn:student-support:problem:method-not-allowed"))
                .body("detail", containsString("/api/v1/schools"));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void unsupportedMediaTypeIsAProblem() {
        given().contentType(ContentType.XML).body("<school/>").post("/api/v1/schools")
                .then().statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("urn:student-support:problem:unsupported-media-type"));
        assertEquals(0, schools.count("name", "school"));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void malformedJsonIsAMalformedRequestProblem() {
        long before = schools.count();
        given().contentType(ContentType.JSON).body("{\"sourcedId\": \"sch-x\", ").post("/api/v1/schools")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:student-support:problem:malformed-request"));
        assertEquals(before, schools.count());
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void wrongJsonTypeNamesTheMemberByPointer() {
        given().contentType(ContentType.JSON).body("{\"sourcedId\": \"sch-y\", \"name\": \"Y\", \"latitude\": \"north\", \"longitude\": 1}")
                .post("/api/v1/schools")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:student-support:problem:validation"))
                .body("errors[0].pointer", equalTo("/latitude"));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void beanValidationFailuresListEveryFieldByPointer() {
        long before = schools.count();
        given().contentType(ContentType.JSON)
                .body("{\"sourcedId\": \"bad id with spaces\", \"name\": \"\", \"latitude\": 95, \"longitude\": 10,"
                        + " \"address\": {\"street\": \"1 Main\", \"city\": \"\", \"postalCode\": \"01103\", \"country\": \"usa\"}}")
                .post("/api/v1/schools")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:student-support:problem:validation"))
                .body("errors", hasSize(5))
                .body("errors.pointer", not(hasItem("/longitude")))
                .body("errors.pointer", hasItem("/sourcedId"))
                .body("errors.pointer", hasItem("/name"))
                .body("errors.pointer", hasItem("/latitude"))
                .body("errors.pointer", hasItem("/address/city"))
                .body("errors.pointer", hasItem("/address/country"))
                .body("errors.message", hasItem("must be an ISO 3166-1 alpha-2 country code"));
        assertEquals(before, schools.count());
    }

    @Test
    void missingTokenIsAnUnauthenticatedProblem() {
        given().get("/api/v1/schools")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:student-support:problem:unauthenticated"));
    }

    @Test
    @TestSecurity(user = "prov1", roles = "provider")
    void wrongRoleIsAForbiddenProblem() {
        given().get("/api/v1/schools")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:student-support:problem:forbidden"));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void duplicateSourcedIdIsAConflictProblem() {
        given().contentType(ContentType.JSON).body("{\"sourcedId\": \"sch-problems-1\", \"name\": \"Again\"}")
                .post("/api/v1/schools")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:student-support:problem:conflict"))
                .body("detail", containsString("sch-problems-1"));
        assertEquals(1, schools.count("sourcedId", "sch-problems-1"));
        assertEquals("Problem Elementary", schools.findBySourcedId("sch-problems-1").orElseThrow().name);
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void updateWithoutIfMatchIsPreconditionRequired() {
        String streetBefore = schools.findById(schoolId).street;
        given().contentType(ContentType.JSON).body(location("2 Oak Lane"))
                .put("/api/v1/schools/{id}/location", schoolId)
                .then().statusCode(428).contentType(PROBLEM)
                .body("type", equalTo("urn:student-support:problem:precondition-required"));
        assertEquals(streetBefore, schools.findById(schoolId).street);
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void updateWithStaleETagIsPreconditionFailed() {
        String etag = given().get("/api/v1/schools/{id}", schoolId).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(location("3 Birch Road"))
                .put("/api/v1/schools/{id}/location", schoolId)
                .then().statusCode(200).header("ETag", not(equalTo(etag)))
                .body("address.street", equalTo("3 Birch Road"));
        given().contentType(ContentType.JSON).header("If-Match", etag).body(location("4 Cedar Court"))
                .put("/api/v1/schools/{id}/location", schoolId)
                .then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("urn:student-support:problem:precondition-failed"));
        assertEquals("3 Birch Road", schools.findById(schoolId).street);
    }

    @Test
    void unexpectedFailureRevealsNothingAndCarriesACorrelationId() {
        String body = given().header("X-Request-Id", "corr-500-test").get("/test-support/failure")
                .then().statusCode(500).contentType(PROBLEM)
                .header("X-Request-Id", "corr-500-test")
                .body("type", equalTo("urn:student-support:problem:internal"))
                .body("requestId", equalTo("corr-500-test"))
                .body("detail", containsString("corr-500-test"))
                .extract().asString();
        assertTrue(!body.contains("IllegalStateException") && !body.contains(FailingResource.SECRET_DETAIL)
                && !body.contains("at org."), body);
    }

    private static String location(String street) {
        return "{\"address\": {\"street\": \"" + street + "\", \"city\": \"Riverton\", \"region\": \"MA\","
                + " \"postalCode\": \"01103\", \"country\": \"US\"}, \"latitude\": 42.2, \"longitude\": -72.5}";
    }
}
