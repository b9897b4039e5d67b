package org.studentsupport.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.ForgedTokens;
import org.studentsupport.support.Keycloak;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/v1/me} with real tokens, and the verified-token cache behind every bearer request. */
@QuarkusTest
class CallerResourceTest {

    @Inject
    MeterRegistry registry;

    @Test
    void coordinatorSeesTheirRolesAndSchoolsAsTheTokenSaysThem() {
        String token = Keycloak.token("coord.elm");
        String expires = given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("coord.elm"))
                .body("client", equalTo(Keycloak.WEB_CLIENT))
                .body("roles", equalTo(List.of("coordinator")))
                .body("districtId", equalTo("dst-riverton"))
                .body("schoolIds", equalTo(List.of("sch-elm")))
                .body("organizationId", nullValue())
                .extract().path("tokenExpiresAt");
        assertEquals(Instant.ofEpochSecond(ForgedTokens.expiry(token)), Instant.parse(expires));
    }

    @Test
    void providerSeesTheirOrganizationAndAuditorTheirRole() {
        given().auth().oauth2(Keycloak.token("provider.mentoring")).get("/api/v1/me").then().statusCode(200)
                .body("roles", equalTo(List.of("provider")))
                .body("organizationId", equalTo("3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b01"))
                .body("schoolIds", equalTo(List.of()));
        given().auth().oauth2(Keycloak.token("auditor.demo")).get("/api/v1/me").then().statusCode(200)
                .body("roles", equalTo(List.of("auditor")))
                .body("districtId", nullValue());
    }

    @Test
    void withoutATokenItIsA401() {
        given().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aTokenIsVerifiedOnceAndTakenFromTheCacheAfterwards() {
        String token = Keycloak.token("coord.elm");
        double verified = checks("verified");
        double cached = checks("cached");

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).body("username", equalTo("coord.elm"));
        }

        assertEquals(verified + 1, checks("verified"), "the signature is checked on the first request only");
        assertEquals(cached + 2, checks("cached"), "the next two requests use the verified identity");
    }

    @Test
    void aChangedTokenIsVerifiedAfreshAndRefusedEvenWhenTheOriginalIsCached() {
        String token = Keycloak.token("coord.elm");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        double cached = checks("cached");

        String promoted = ForgedTokens.withEditedPayload(token, payload -> payload.putArray("school_ids").add("sch-harbor"));
        given().auth().oauth2(promoted).get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(token + "x").get("/api/v1/me").then().statusCode(401);

        assertEquals(cached, checks("cached"), "no changed token is answered from the cache");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).body("schoolIds", equalTo(List.of("sch-elm")));
        assertTrue(checks("cached") > cached);
    }

    private double checks(String outcome) {
        var counter = registry.find("bearer.token.checks").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
