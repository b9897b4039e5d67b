package org.studentsupport.security;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.studentsupport.embedded.EmbeddedKeycloakServer;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.ForgedTokens;
import org.studentsupport.support.Keycloak;
import org.studentsupport.support.TestFixtures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * While Keycloak is down, tokens already issued keep working from the cached keys, and a token whose
 * key cannot be verified is refused. Keycloak is then started again with the realm and keys it had.
 */
@QuarkusTest
class KeycloakOutageTest {

    @Inject
    TestFixtures fixtures;

    @Test
    void issuedTokensKeepWorkingAndUnverifiableOnesAreRefusedWhileKeycloakIsDown() throws Exception {
        fixtures.school("dst-riverton", "sch-elm", "Elm Street Elementary School");
        String issued = Keycloak.token("admin.riverton");
        String unverifiable = ForgedTokens.resignedWithForeignKey(issued);
        given().auth().oauth2(issued).get("/api/v1/schools").then().statusCode(200);

        EmbeddedKeycloakServer.stop();
        try {
            assertThrows(java.net.ConnectException.class, () -> given().get(Keycloak.issuer() + "/.well-known/openid-configuration"),
                    "Keycloak should be down");
            given().auth().oauth2(issued).get("/api/v1/schools").then().statusCode(200)
                    .body("items.sourcedId", hasItem("sch-elm"));
            given().auth().oauth2(unverifiable).get("/api/v1/schools").then().statusCode(401)
                    .contentType("application/problem+json");
        } finally {
            EmbeddedKeycloakServer.restart();
        }
        given().auth().oauth2(issued).get("/api/v1/schools").then().statusCode(200);
        given().auth().oauth2(Keycloak.token("admin.riverton")).get("/api/v1/schools").then().statusCode(200);
    }
}
