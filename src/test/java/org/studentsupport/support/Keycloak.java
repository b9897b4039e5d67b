package org.studentsupport.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Real tokens from the real Keycloak the test run started (or the one configured): password and
 * client-credentials grants, and a few admin calls for cases the committed realm must not contain.
 */
public final class Keycloak {

    public static final String REALM = "student-support";
    public static final String WEB_CLIENT = "student-support-web";
    public static final String IMPORT_CLIENT = "student-support-import";
    public static final String IMPORT_SECRET = "demo-import-secret";
    public static final String PASSWORD = "demo-password";

    private Keycloak() {
    }

    public static String issuer() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    public static String baseUrl() {
        return issuer().substring(0, issuer().indexOf("/realms/"));
    }

    public static String tokenUrl(String realm) {
        return baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    /** An access token for a demo user, by password grant through the web client. */
    public static String token(String username) {
        return token(username, WEB_CLIENT);
    }

    public static String token(String username, String clientId) {
        return tokenResponse(username, clientId).then().statusCode(200).extract().path("access_token");
    }

    public static Response tokenResponse(String username, String clientId) {
        return RestAssured.given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("username", username).formParam("password", PASSWORD)
                .post(tokenUrl(REALM));
    }

    /** An access token of the machine client, by client-credentials grant. */
    public static String machineToken() {
        return RestAssured.given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", IMPORT_CLIENT)
                .formParam("client_secret", IMPORT_SECRET)
                .post(tokenUrl(REALM)).then().statusCode(200).extract().path("access_token");
    }

    /** A token of the Keycloak administrator, issued by the master realm: a real token from another issuer. */
    public static String masterAdminToken() {
        String user = ConfigProvider.getConfig().getValue("studentsupport.embedded.keycloak.admin-username", String.class);
        String password = ConfigProvider.getConfig().getValue("studentsupport.embedded.keycloak.admin-password", String.class);
        return RestAssured.given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", user).formParam("password", password)
                .post(tokenUrl("master")).then().statusCode(200).extract().path("access_token");
    }

    /**
     * Creates (once) a public test client in the realm, with direct grants, optionally carrying the
     * API audience and an access-token lifespan in seconds.
     */
    public static void ensureTestClient(String clientId, boolean withApiAudience, Integer tokenLifespanSeconds) {
        String admin = masterAdminToken();
        String clients = baseUrl() + "/admin/realms/" + REALM + "/clients";
        List<?> existing = RestAssured.given().auth().oauth2(admin).queryParam("clientId", clientId).get(clients)
                .then().statusCode(200).extract().as(List.class);
        if (!existing.isEmpty()) {
            return;
        }
        Map<String, Object> attributes = tokenLifespanSeconds == null ? Map.of()
                : Map.of("access.token.lifespan", tokenLifespanSeconds.toString());
        List<Map<String, Object>> mappers = withApiAudience
                ? List.of(Map.of("name", "api-audience", "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.client.audience", "student-support-api", "access.token.claim", "true")))
                : List.of();
        int status = RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                        "standardFlowEnabled", false, "attributes", attributes, "protocolMappers", mappers))
                .post(clients).statusCode();
        assertEquals(201, status, "test client " + clientId + " could not be created");
    }
}
