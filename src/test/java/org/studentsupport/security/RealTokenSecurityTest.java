package org.studentsupport.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.ForgedTokens;
import org.studentsupport.support.Keycloak;
import org.studentsupport.support.TestFixtures;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end with real tokens from the real Keycloak and the committed realm: what is accepted,
 * what is refused, and what each role may see and do.
 */
@QuarkusTest
class RealTokenSecurityTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestFixtures fixtures;

    UUID elm;
    UUID harbor;

    @BeforeEach
    void demoDistrictSchools() {
        elm = fixtures.school("dst-riverton", "sch-elm", "Elm Street Elementary School");
        harbor = fixtures.school("dst-riverton", "sch-harbor", "Harbor View Middle School");
        fixtures.school("dst-riverton", "sch-northgate", "Northgate High School");
    }

    @Test
    void coordinatorWithARealTokenSeesOnlyTheirOwnSchools() {
        given().auth().oauth2(Keycloak.token("coord.elm")).get("/api/v1/schools")
                .then().statusCode(200).body("items.sourcedId", contains("sch-elm"));
        given().auth().oauth2(Keycloak.token("coord.harbor")).get("/api/v1/schools")
                .then().statusCode(200).body("items.sourcedId", containsInAnyOrder("sch-harbor", "sch-northgate"));
    }

    @Test
    void coordinatorGetsNotFoundForAnotherSchoolExactlyAsForAMissingOne() {
        String token = Keycloak.token("coord.elm");
        String outside = given().auth().oauth2(token).get("/api/v1/schools/{id}", harbor)
                .then().statusCode(404).contentType(PROBLEM).extract().path("type");
        String missing = given().auth().oauth2(token).get("/api/v1/schools/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).extract().path("type");
        assertEquals(missing, outside);
        given().auth().oauth2(token).get("/api/v1/schools/{id}", elm).then().statusCode(200)
                .body("sourcedId", equalTo("sch-elm"));
    }

    @Test
    void supervisorSeesTheWholeDistrictButCannotChangeIt() {
        String token = Keycloak.token("super.riverton");
        given().auth().oauth2(token).get("/api/v1/schools").then().statusCode(200)
                .body("items.sourcedId", containsInAnyOrder("sch-elm", "sch-harbor", "sch-northgate"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"sourcedId\": \"sch-new\", \"name\": \"New\"}").post("/api/v1/schools")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void machineClientGetsAdministratorAccessByClientCredentials() {
        given().auth().oauth2(Keycloak.machineToken()).get("/api/v1/schools").then().statusCode(200)
                .body("items.sourcedId", containsInAnyOrder("sch-elm", "sch-harbor", "sch-northgate"));
    }

    @Test
    void roleMatrixGivesEachRoleExactlyItsOperations() {
        // user -> expected status of: list schools, read a school of sch-elm, add a school (sourcedId taken: admins get 409)
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("coord.elm", List.of(200, 200, 403));
        expected.put("coord.harbor", List.of(200, 404, 403));
        expected.put("super.riverton", List.of(200, 200, 403));
        expected.put("admin.riverton", List.of(200, 200, 409));
        expected.put("provider.mentoring", List.of(403, 403, 403));
        expected.put("provider.counseling", List.of(403, 403, 403));
        expected.put("nobody.riverton", List.of(403, 403, 403));
        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        for (String user : expected.keySet()) {
            String token = Keycloak.token(user);
            int list = given().auth().oauth2(token).get("/api/v1/schools").statusCode();
            int read = given().auth().oauth2(token).get("/api/v1/schools/{id}", elm).statusCode();
            int create = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"sourcedId\": \"sch-elm\", \"name\": \"Duplicate\"}").post("/api/v1/schools").statusCode();
            actual.put(user, List.of(list, read, create));
        }
        assertEquals(expected, actual);
    }

    @Test
    void roleMatrixAcrossTheFeaturesFollowsTheDomainRoles() {
        UUID student = fixtures.student("dst-riverton", "sch-elm", "stu-e2e-matrix", "Mia", "Matrix");
        List<String> operations = List.of(
                "/api/v1/students?size=5", "/api/v1/students/" + student, "/api/v1/directory/search",
                "/api/v1/review-periods", "/api/v1/referrals", "/api/v1/provider/referrals", "/api/v1/audit/events",
                "/api/v1/roster-imports", "/api/v1/oversight/referrals/follow-through", "/api/v1/student-records/" + student,
                "/hsds/services");
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        //                             students   one   search periods referrals queue audit imports follow record hsds
        expected.put("coord.elm", List.of(200, 200, 200, 200, 200, 403, 403, 403, 200, 200, 200));
        expected.put("coord.harbor", List.of(200, 404, 200, 200, 200, 403, 403, 403, 200, 404, 200));
        expected.put("super.riverton", List.of(200, 200, 200, 200, 200, 403, 200, 403, 200, 200, 200));
        expected.put("admin.riverton", List.of(200, 200, 200, 200, 403, 403, 200, 200, 403, 403, 200));
        expected.put("auditor.demo", List.of(403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403));
        expected.put("provider.mentoring", List.of(403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 200));
        expected.put("nobody.riverton", List.of(403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403));
        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        for (String user : expected.keySet()) {
            String token = Keycloak.token(user);
            actual.put(user, operations.stream().map(op -> given().auth().oauth2(token).get(op).statusCode()).toList());
        }
        assertEquals(expected, actual, "columns: " + operations);
    }

    @Test
    void missingOrMalformedTokenIsUnauthenticated() {
        given().get("/api/v1/schools").then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Bearer not-a-token").get("/api/v1/schools").then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/schools").then().statusCode(401);
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() {
        String forged = ForgedTokens.resignedWithForeignKey(Keycloak.token("admin.riverton"));
        given().auth().oauth2(forged).get("/api/v1/schools").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void tamperedPayloadIsRejected() {
        String real = Keycloak.token("coord.elm");
        given().auth().oauth2(real).get("/api/v1/schools/{id}", harbor).then().statusCode(404);
        String widened = ForgedTokens.withEditedPayload(real, payload -> payload.putArray("school_ids").add("sch-elm").add("sch-harbor"));
        given().auth().oauth2(widened).get("/api/v1/schools/{id}", harbor).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        given().auth().oauth2(Keycloak.masterAdminToken()).get("/api/v1/schools").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        Keycloak.ensureTestClient("e2e-other-audience", false, null);
        String token = Keycloak.token("admin.riverton", "e2e-other-audience");
        given().auth().oauth2(token).get("/api/v1/schools").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void expiredTokenIsRejected() throws InterruptedException {
        Keycloak.ensureTestClient("e2e-short-lived", true, 2);
        String token = Keycloak.token("admin.riverton", "e2e-short-lived");
        given().auth().oauth2(token).get("/api/v1/schools").then().statusCode(200);
        long waitMillis = (ForgedTokens.expiry(token) + 2) * 1000 - Instant.now().toEpochMilli();
        assertTrue(waitMillis < 10_000, "the test client's tokens should be short-lived");
        Thread.sleep(Math.max(0, waitMillis));
        given().auth().oauth2(token).get("/api/v1/schools").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void passwordGrantIsRefusedToTheMachineAndApiClients() {
        for (String client : List.of(Keycloak.IMPORT_CLIENT, "student-support-api")) {
            var response = Keycloak.tokenResponse("admin.riverton", client);
            assertTrue(response.statusCode() == 400 || response.statusCode() == 401, client + ": " + response.statusCode());
            assertNull(response.path("access_token"), client + " must not issue a token by password");
        }
    }

    @Test
    void endpointWithoutSecurityAnnotationIsDeniedEvenToAValidToken() {
        given().get("/test-support/forgotten").then().statusCode(401);
        given().auth().oauth2(Keycloak.token("admin.riverton")).get("/test-support/forgotten")
                .then().statusCode(403).contentType(PROBLEM);
    }
}
