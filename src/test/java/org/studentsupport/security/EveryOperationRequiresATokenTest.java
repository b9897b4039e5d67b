package org.studentsupport.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing is open by accident: every operation of the served contract answers 401 without a token.
 * The only public paths are outside the contract (health, metrics and the contract itself) and the FHIR
 * CapabilityStatement, which FHIR clients read before they sign in.
 */
@QuarkusTest
class EveryOperationRequiresATokenTest {

    static final Set<String> PUBLIC_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/openapi", "/q/metrics");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    static final Set<String> PUBLIC_OPERATIONS = Set.of("GET /fhir/metadata");

    @Test
    void everyOperationInTheContractRefusesARequestWithoutAToken() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(served).get("paths");
        List<String> open = new ArrayList<>();
        int walked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (!METHODS.contains(method)) {
                    continue;
                }
                RequestSpecification request = given();
                JsonNode content = path.getValue().get(method).path("requestBody").path("content");
                if (content.size() > 0) {
                    // Send the media type the operation takes, so that only the missing token is wrong.
                    String mediaType = content.fieldNames().next();
                    request = request.contentType(mediaType).body((mediaType.contains("json") ? "{}" : "x").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                io.restassured.response.Response response = request.request(method.toUpperCase(), concrete);
                int status = response.statusCode();
                walked++;
                if (path.getKey().startsWith("/fhir/") && status == 401
                        && !(response.contentType().startsWith("application/fhir+json") && response.asString().contains("\"OperationOutcome\""))) {
                    open.add(method.toUpperCase() + " " + path.getKey() + " -> 401 without an OperationOutcome, as the contract says");
                }
                if (PUBLIC_OPERATIONS.contains(method.toUpperCase() + " " + path.getKey())) {
                    if (status != 200) {
                        open.add(method.toUpperCase() + " " + path.getKey() + " is public but answered " + status);
                    }
                    continue;
                }
                if (status != 401) {
                    open.add(method.toUpperCase() + " " + path.getKey() + " -> " + status);
                }
            }
        }
        assertTrue(walked > 0, "the contract lists operations");
        assertEquals(List.of(), open, "operations that did not demand a token");
    }

    @Test
    void thePublicPathsAreOnlyHealthMetricsAndTheContract() {
        for (String path : PUBLIC_PATHS) {
            assertEquals(200, given().get(path).statusCode(), path);
        }
    }
}
