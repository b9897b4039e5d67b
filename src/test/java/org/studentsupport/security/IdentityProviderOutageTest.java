package org.studentsupport.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The identity provider cannot be reached: a request with a token is a 503 to retry, not a 500. */
@QuarkusTest
@TestProfile(IdentityProviderOutageTest.KeycloakUnreachable.class)
class IdentityProviderOutageTest {

    public static class KeycloakUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("studentsupport.embedded.keycloak.enabled", "false",
                    "quarkus.oidc.auth-server-url", "http://127.0.0.1:" + closedPort() + "/realms/student-support");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static String token() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"u1\",\"iss\":\"http://sso/realms/student-support\",\"exp\":"
                + (Instant.now().getEpochSecond() + 300) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64.encodeToString(new byte[256]);
    }

    @Test
    void aRequestWithATokenIsUnavailableWhileTheIdentityProviderIsDown() {
        given().auth().oauth2(token()).get("/api/v1/schools").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:student-support:problem:unavailable"))
                .body("status", equalTo(503));
    }

    @Test
    void aRequestWithoutATokenIsStillUnauthenticated() {
        given().get("/api/v1/schools").then().statusCode(401)
                .body("type", equalTo("urn:student-support:problem:unauthenticated"));
    }
}
