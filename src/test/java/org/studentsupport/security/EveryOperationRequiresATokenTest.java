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
 * The only public paths are outside the contract: health, metrics and the contract itself.
 */
@QuarkusTest
class EveryOperationRequiresATokenTest {

    static final Set<String> PUBLIC_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/openapi", "/q/metrics");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

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
                int status = request.request(method.toUpperCase(), concrete).statusCode();
                walked++;
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
