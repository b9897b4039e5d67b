package org.studentsupport.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.Keycloak;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The limit counts per caller: users behind one address (one ingress, one school network) each have
 * their own allowance, and a forwarded address is believed only from a trusted proxy.
 */
@QuarkusTest
@TestProfile(RateLimitPerClientTest.LowLimit.class)
class RateLimitPerClientTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The tests call from 127.0.0.1, the default trusted proxy.
            return Map.of("studentsupport.rate-limit.requests-per-minute", "5");
        }
    }

    @Test
    void usersBehindOneAddressHaveTheirOwnAllowance() {
        String elm = Keycloak.token("coord.elm");
        String harbor = Keycloak.token("coord.harbor");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(elm).get("/api/v1/schools").then().statusCode(200);
        }
        given().auth().oauth2(elm).get("/api/v1/schools").then().statusCode(429)
                .header("RateLimit-Remaining", "0");
        // Same address, another user: a fresh allowance.
        given().auth().oauth2(harbor).get("/api/v1/schools").then().statusCode(200)
                .header("RateLimit-Remaining", "4");
    }

    @Test
    void aForwardedAddressFromATrustedProxyIsItsOwnClient() {
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").get("/api/v1/schools").then().statusCode(401);
        }
        given().header("X-Forwarded-For", "203.0.113.7").get("/api/v1/schools").then().statusCode(429);
        given().header("X-Forwarded-For", "203.0.113.8").get("/api/v1/schools").then().statusCode(401)
                .header("RateLimit-Remaining", "4");
    }

    @Test
    void forgedTokensDoNotOpenNewAllowances() {
        int status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = given().header("X-Forwarded-For", "198.51.100.9").auth().oauth2(forged("forged-" + i))
                    .get("/api/v1/schools").then().extract().statusCode();
        }
        assertEquals(429, status, "an address refused past the limit is stopped, whatever token it shows");
    }

    @Test
    void forgedTokensNamingARealUserDoNotUseUpThatUsersAllowance() {
        String real = Keycloak.token("super.riverton");
        String payload = new String(Base64.getUrlDecoder().decode(real.split("\\.")[1]), StandardCharsets.UTF_8);
        String subject = new io.vertx.core.json.JsonObject(payload).getString("sub");
        StringBuilder statuses = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            statuses.append(given().header("X-Forwarded-For", "198.51.100.20").auth().oauth2(forged(subject))
                    .get("/api/v1/schools").then().extract().statusCode()).append(' ');
        }
        // Refused tokens count against their address until it is stopped; none against the subject.
        assertEquals("401 401 401 401 401 401 429 429 ", statuses.toString());
        given().auth().oauth2(real).get("/api/v1/schools").then().statusCode(200)
                .header("RateLimit-Remaining", "4");
    }

    @Test
    void theClientIsTheTokensSubjectOrClientIdOrElseTheAddress() {
        assertEquals("sub:abc", RateLimits.clientKey("Bearer " + forged("abc"), "10.1.2.3"));
        String clientOnly = "e30." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"azp\":\"student-support-import\"}".getBytes(StandardCharsets.UTF_8)) + ".sig";
        assertEquals("client:student-support-import", RateLimits.clientKey("Bearer " + clientOnly, "10.1.2.3"));
        assertEquals("10.1.2.3", RateLimits.clientKey(null, "10.1.2.3"));
        assertEquals("10.1.2.3", RateLimits.clientKey("Bearer not-a-jwt", "10.1.2.3"));
        assertEquals("10.1.2.3", RateLimits.clientKey("Basic dXNlcjpwYXNz", "10.1.2.3"));
    }

    private static String forged(String subject) {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"sub\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8));
        return "e30." + payload + ".c2ln";
    }
}
