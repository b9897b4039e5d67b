package org.studentsupport.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed {@code openapi/openapi.yaml} is exactly what the service serves. To regenerate it
 * after an API change: {@code ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true}.
 */
@QuarkusTest
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("openapi/openapi.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Public by design: a FHIR client reads the CapabilityStatement before it has a token. */
    static final Set<String> PUBLIC_OPERATIONS = Set.of("GET /fhir/metadata");

    String served;

    @BeforeEach
    void fetchServedContract() throws IOException {
        served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
    }

    @Test
    void committedContractIsWhatTheServiceServes() throws IOException {
        assertTrue(Files.exists(COMMITTED), "openapi/openapi.yaml is missing; regenerate it with -Dopenapi.update=true");
        List<String> drift = ContractDrift.differences(YAML.readTree(COMMITTED.toFile()), YAML.readTree(served));
        assertEquals(List.of(), drift, "openapi/openapi.yaml differs from the served contract at these pointers;"
                + " regenerate it with ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true");
    }

    @Test
    void driftCheckNoticesAnEditedCommittedContract() throws IOException {
        JsonNode committed = YAML.readTree(served);
        JsonNode edited = committed.deepCopy();
        ObjectNode firstOperation = (ObjectNode) edited.get("paths").elements().next().elements().next();
        firstOperation.put("summary", "edited by hand");
        List<String> drift = ContractDrift.differences(edited, YAML.readTree(served));
        assertEquals(1, drift.size(), drift.toString());
        assertTrue(drift.get(0).endsWith("/summary"), drift.toString());
    }

    @Test
    void everyOperationHasAnIdASummaryASecurityRequirementAndProblemResponses() throws IOException {
        JsonNode contract = YAML.readTree(served);
        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new java.util.HashSet<>();
        for (Map.Entry<String, JsonNode> path : iterable(contract.get("paths"))) {
            for (Map.Entry<String, JsonNode> op : iterable(path.getValue())) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (!operation.hasNonNull("operationId") || !operationIds.add(operation.get("operationId").asText())) {
                    problems.add(where + ": missing or duplicate operationId");
                }
                if (!operation.hasNonNull("summary") || operation.get("summary").asText().isBlank()) {
                    problems.add(where + ": no summary");
                }
                boolean publicOperation = PUBLIC_OPERATIONS.contains(where);
                JsonNode security = operation.has("security") ? operation.get("security") : contract.get("security");
                if (publicOperation) {
                    if (security == null || !security.isEmpty()) {
                        problems.add(where + ": public, but its security is not an explicit empty list");
                    }
                } else if (security == null || security.isEmpty() || !security.get(0).has("bearer")) {
                    problems.add(where + ": no bearer security requirement");
                }
                // Under /fhir errors are OperationOutcomes, but the rate limiter's 429, written before any endpoint runs.
                boolean fhir = path.getKey().startsWith("/fhir/");
                JsonNode responses = operation.get("responses");
                for (String code : publicOperation ? List.of("429", "500") : List.of("401", "403", "429", "500")) {
                    if (responses == null || !isError(contract, responses.get(code), fhir && !code.equals("429"))) {
                        problems.add(where + ": response " + code + " is not a " + (fhir ? "OperationOutcome" : "Problem"));
                    }
                }
                for (Map.Entry<String, JsonNode> response : iterable(responses)) {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        boolean outcome = fhir && !response.getKey().equals("429");
                        if (!isError(contract, response.getValue(), outcome)) {
                            problems.add(where + ": response " + response.getKey() + " is not a "
                                    + (outcome ? "OperationOutcome" : "Problem"));
                        }
                    }
                }
                if (fhir) {
                    for (Map.Entry<String, JsonNode> response : iterable(responses)) {
                        if (response.getKey().startsWith("2") && !response.getValue().path("content").has("application/fhir+json")) {
                            problems.add(where + ": response " + response.getKey() + " is not application/fhir+json");
                        }
                    }
                }
            }
        }
        assertFalse(operationIds.isEmpty(), "the contract has operations");
        assertEquals(List.of(), problems);
    }

    private static boolean isError(JsonNode contract, JsonNode response, boolean operationOutcome) {
        if (!operationOutcome) {
            return isProblem(contract, response);
        }
        if (response != null && response.has("$ref")) {
            response = contract.path("components").path("responses").get(response.get("$ref").asText().replace("#/components/responses/", ""));
        }
        return response != null && "#/components/schemas/OperationOutcome".equals(
                response.path("content").path("application/fhir+json").path("schema").path("$ref").asText());
    }

    @Test
    void theFhirOperationsAreInTheContractWithTheirParameters() throws IOException {
        JsonNode paths = YAML.readTree(served).get("paths");
        assertEquals("fhirCapabilities", paths.path("/fhir/metadata").path("get").path("operationId").asText());
        assertEquals("fhirReadTask", paths.path("/fhir/Task/{id}").path("get").path("operationId").asText());
        assertEquals("fhirUpdateTask", paths.path("/fhir/Task/{id}").path("put").path("operationId").asText());
        JsonNode search = paths.path("/fhir/Task").path("get");
        List<String> parameters = new ArrayList<>();
        search.path("parameters").forEach(p -> parameters.add(p.path("in").asText() + ":" + p.path("name").asText()));
        assertEquals(List.of("query:owner", "query:status", "query:_lastUpdated", "query:focus", "query:_count", "query:_offset"),
                parameters);
        assertEquals(List.of("provider"), List.of(search.path("security").get(0).path("bearer").get(0).asText()));
        JsonNode update = paths.path("/fhir/Task/{id}").path("put");
        assertEquals("#/components/schemas/FhirTask",
                update.path("requestBody").path("content").path("application/fhir+json").path("schema").path("$ref").asText());
        for (String code : List.of("400", "404", "409", "412", "415", "422", "428")) {
            assertTrue(update.path("responses").has(code), "the update documents " + code);
        }
    }

    private static boolean isProblem(JsonNode contract, JsonNode response) {
        if (response == null) {
            return false;
        }
        if (response.has("$ref")) {
            String name = response.get("$ref").asText().replace("#/components/responses/", "");
            response = contract.path("components").path("responses").get(name);
            if (response == null) {
                return false;
            }
        }
        JsonNode schema = response.path("content").path("application/problem+json").path("schema");
        return "#/components/schemas/Problem".equals(schema.path("$ref").asText());
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node == null ? List.of() : node::fields;
    }
}
