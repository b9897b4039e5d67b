package org.studentsupport.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Past the per-client limit a request is refused with 429 before it does anything. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimit.class)
class RateLimitTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("studentsupport.rate-limit.requests-per-minute", "3");
        }
    }

    @Test
    void requestsBeyondTheLimitGetTooManyRequestsWithRetryAfter() {
        // Four requests in a row exceed a limit of three, unless a minute window happens to end between
        // them; then the next three fill the new window.
        int status = 0;
        for (int i = 0; i < 8 && status != 429; i++) {
            status = given().get("/api/v1/schools").then().header("RateLimit-Limit", "3").extract().statusCode();
        }
        org.junit.jupiter.api.Assertions.assertEquals(429, status);
        given().get("/api/v1/schools").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", "0")
                .body("type", equalTo("urn:student-support:problem:too-many-requests"));
        given().get("/q/health/live").then().statusCode(200);
    }
}
