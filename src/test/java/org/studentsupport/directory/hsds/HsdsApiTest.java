package org.studentsupport.directory.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studentsupport.directory.DirectoryFixtures;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The HSDS API speaks HSDS 3.0: every endpoint's responses validate against the official schemas,
 * and both example data sets (JSON and tabular CSV) come back through the API as published.
 */
@QuarkusTest
@TestSecurity(user = "admin-hsds", roles = "admin")
class HsdsApiTest {

    static final String SERVICE = "ac148810-d857-441c-9679-408f346de14b";
    static final String ORGANIZATION = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";
    static final String SERVICE_AT_LOCATION = "e94c9f38-1e8f-4564-91d4-d53501ab1765";
    static final String TERM = "3f7b145d-84af-42d7-8fae-eaca714b02b2";
    static final String TAXONOMY = "5c4d79d7-cc55-470e-9f1f-8cad074e4892";

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> CACHE = new HashMap<>();

    @Inject
    DirectoryFixtures fixtures;

    static JsonSchema schema(String file) {
        return CACHE.computeIfAbsent(file, f -> SCHEMAS.getSchema(SchemaLocation.of("classpath:hsds-3.0/schema/" + f), CONFIG));
    }

    static void assertValid(String schemaFile, String body) {
        Set<ValidationMessage> errors = schema(schemaFile).validate(body, InputFormat.JSON);
        assertTrue(errors.isEmpty(), () -> schemaFile + ": " + errors + " for " + body.substring(0, Math.min(300, body.length())));
    }

    /** An HSDS Page: the page members with their types, and every item valid against the item schema. */
    static void assertValidPage(String itemSchema, String body) {
        JsonNode page = read(body);
        assertTrue(page.get("total_items").isIntegralNumber(), "total_items");
        assertTrue(page.get("total_pages").isIntegralNumber(), "total_pages");
        assertTrue(page.get("page_number").isIntegralNumber(), "page_number");
        assertTrue(page.get("size").isIntegralNumber(), "size");
        assertTrue(page.get("first_page").isBoolean(), "first_page");
        assertTrue(page.get("last_page").isBoolean(), "last_page");
        assertTrue(page.get("empty").isBoolean(), "empty");
        assertTrue(page.get("contents").isArray(), "contents");
        assertEquals(page.get("contents").isEmpty(), page.get("empty").asBoolean());
        for (JsonNode item : page.get("contents")) {
            assertValid(itemSchema, item.toString());
        }
    }

    static JsonNode read(String body) {
        try {
            return HsdsExamples.JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void importJson(String example) {
        given().contentType(ContentType.JSON).body(HsdsExamples.text("examples/" + example))
                .post("/api/v1/directory/imports/hsds-json").then().statusCode(200);
    }

    static String get(String path) {
        return given().get(path).then().statusCode(200).contentType(ContentType.JSON).extract().asString();
    }

    @Test
    void everyHsdsEndpointAnswersWithDocumentsValidAgainstTheHsdsSchemas() {
        importJson("service_full.json");
        importJson("organization_full.json");
        fixtures.smallDirectory("hsds-conf");

        JsonNode root = read(get("/hsds/"));
        assertEquals("3.0", root.get("version").asText());
        assertTrue(root.get("openapi_url").asText().startsWith("https://"));

        assertValidPage("compiled/service_list.json", get("/hsds/services?per_page=200"));
        assertValidPage("compiled/service.json", get("/hsds/services?per_page=5&full=true"));
        assertValidPage("compiled/service_list.json", get("/hsds/services?search=counselling&taxonomy_term_id=" + TERM
                + "&organization_id=" + ORGANIZATION + "&modified_after=2020-01-01&postcode=ABC%201234"));
        assertValid("compiled/service.json", get("/hsds/services/" + SERVICE));
        assertValidPage("compiled/organization_list.json", get("/hsds/organizations"));
        assertValidPage("compiled/organization.json", get("/hsds/organizations?full_service=true&per_page=3"));
        assertValid("compiled/organization.json", get("/hsds/organizations/" + ORGANIZATION));
        assertValidPage("taxonomy.json", get("/hsds/taxonomies"));
        assertValid("taxonomy.json", get("/hsds/taxonomies/" + TAXONOMY));
        assertValidPage("taxonomy_term.json", get("/hsds/taxonomy_terms?taxonomy_id=" + TAXONOMY));
        assertValid("taxonomy_term.json", get("/hsds/taxonomy_terms/" + TERM));
        assertValidPage("compiled/service_at_location_list.json", get("/hsds/service_at_locations"));
        assertValidPage("compiled/service_at_location.json", get("/hsds/service_at_locations?full=true&per_page=5"));
        assertValid("compiled/service_at_location.json", get("/hsds/service_at_locations/" + SERVICE_AT_LOCATION));

        for (String service : fixtures.serviceIds("hsds-conf")) {
            assertValid("compiled/service.json", get("/hsds/services/" + service));
        }
    }

    @Test
    void listsFilterCumulativelyAndPageTheHsdsWay() {
        importJson("service_full.json");
        JsonNode page = read(get("/hsds/services?taxonomy_term_id=" + TERM + "&organization_id=" + ORGANIZATION + "&per_page=1"));
        assertEquals(1, page.get("total_items").asLong());
        assertEquals(SERVICE, page.get("contents").get(0).get("id").asText());
        assertTrue(page.get("first_page").asBoolean());
        assertTrue(page.get("last_page").asBoolean());
        assertEquals(0, read(get("/hsds/services?search=zzzznothing")).get("total_items").asLong());
        assertEquals(0, read(get("/hsds/services?organization_id=" + ORGANIZATION + "&modified_after=2999-01-01"))
                .get("total_items").asLong());
    }

    /** The example as it should come back: every service's last_modified is this directory's clock, not the source's. */
    private JsonNode published(String example) {
        JsonNode expected = HsdsExamples.json("examples/" + example);
        String lastModified = fixtures.serviceUpdatedAt(SERVICE).truncatedTo(ChronoUnit.MILLIS).toString();
        expected.findParents("last_modified").forEach(node -> ((ObjectNode) node).put("last_modified", lastModified));
        return expected;
    }

    @Test
    void theJsonExamplesComeBackThroughTheApiAsPublished() {
        importJson("service_full.json");
        assertNull(HsdsExamples.difference(published("service_full.json"), read(get("/hsds/services/" + SERVICE)), ""));
        importJson("organization_full.json");
        assertNull(HsdsExamples.difference(published("organization_full.json"),
                read(get("/hsds/organizations/" + ORGANIZATION)), ""));
        assertNull(HsdsExamples.difference(published("service_at_location_full.json"),
                read(get("/hsds/service_at_locations/" + SERVICE_AT_LOCATION)), ""));
        assertNull(HsdsExamples.difference(HsdsExamples.json("examples/taxonomy_term.json"),
                read(get("/hsds/taxonomy_terms/" + TERM)), ""));
    }

    @Test
    void importingTheSameJsonTwiceChangesNothing() {
        importJson("service_full.json");
        String first = get("/hsds/services/" + SERVICE);
        long rows = fixtures.directoryRows();
        importJson("service_full.json");
        assertEquals(rows, fixtures.directoryRows());
        assertEquals(read(first), read(get("/hsds/services/" + SERVICE)));
    }

    @Test
    void theTabularExampleComesBackThroughTheApiRowByRow() {
        JsonNode report = read(given().contentType("application/zip").body(HsdsExamples.tabularZip())
                .post("/api/v1/directory/imports/hsds-tabular").then().statusCode(200).extract().asString());
        assertEquals(21, report.get("records").asInt());
        assertTrue(report.get("warnings").toString().contains("latitude 100"), report.toString());

        // Everything the API shows, by id.
        Map<String, List<JsonNode>> shown = new HashMap<>();
        for (String path : List.of("/hsds/services/" + SERVICE, "/hsds/organizations/" + ORGANIZATION,
                "/hsds/service_at_locations/" + SERVICE_AT_LOCATION, "/hsds/taxonomy_terms/" + TERM, "/hsds/taxonomies/" + TAXONOMY)) {
            collect(read(get(path)), shown);
        }
        List<String> checked = new ArrayList<>();
        for (String file : HsdsExamples.CSV_FILES) {
            List<List<String>> rows = HsdsExamples.csv(HsdsExamples.text("examples/csv/" + file + ".csv"));
            List<String> header = rows.get(0);
            for (List<String> row : rows.subList(1, rows.size())) {
                String id = row.get(0);
                if (Set.of("attributes", "metadata", "meta_table_descriptions").contains(file)) {
                    // Their links point at no record of the example, so no HSDS document shows them: they are stored as published.
                    assertNotNull(fixtures.storedExtra(file, id), file);
                    checked.add(file);
                    continue;
                }
                assertTrue(shown.containsKey(id), file + " " + id + " is shown by the API");
                for (int c = 1; c < header.size(); c++) {
                    String field = header.get(c);
                    if (field.endsWith("_id") && !field.equals("parent_organization_id") || row.get(c).isEmpty()) {
                        continue;
                    }
                    if (file.equals("services") && field.equals("last_modified")) {
                        // The directory's own modification time replaces the source's (servicesCarryTheDirectorysLastModified).
                        assertEquals(fixtures.serviceUpdatedAt(id).truncatedTo(ChronoUnit.MILLIS).toString(),
                                shown.get(id).get(0).get("last_modified").asText());
                        continue;
                    }
                    String value = row.get(c);
                    boolean matched = shown.get(id).stream().anyMatch(node -> same(value, node.get(field)));
                    assertTrue(matched, file + " " + id + " " + field + " = " + value + " in " + shown.get(id));
                }
                checked.add(file);
            }
        }
        assertTrue(checked.containsAll(HsdsExamples.CSV_FILES));
    }

    private static boolean same(String csv, JsonNode json) {
        if (json == null) {
            return false;
        }
        if (json.isNumber()) {
            return new BigDecimal(csv).compareTo(json.decimalValue()) == 0;
        }
        return json.asText().equals(csv);
    }

    private static void collect(JsonNode node, Map<String, List<JsonNode>> shown) {
        if (node.isObject()) {
            if (node.has("id")) {
                shown.computeIfAbsent(node.get("id").asText(), k -> new ArrayList<>()).add(node);
            }
            node.elements().forEachRemaining(child -> collect(child, shown));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, shown));
        }
    }

    @Test
    void anImportThatBreaksTheSchemaIsRefusedRowByRowAndWritesNothing() {
        long before = fixtures.directoryRows();
        String body = """
                [{"id": "1b6f0c1e-0000-4000-8000-000000000001", "name": "Bad service", "status": "open",
                  "minimum_age": "twelve", "organization": {"id": "not-a-uuid", "name": "X"}}]""";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/directory/imports/hsds-json")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/0/status"))
                .body("importErrors.field", hasItem("/0/minimum_age"))
                .body("importErrors.field", hasItem("/0/organization/id"));
        assertEquals(before, fixtures.directoryRows());
    }

    @Test
    void danglingReferencesAndUnknownTaxonomyTermsAreRefusedAndNothingIsWritten() {
        long before = fixtures.directoryRows();
        String services = HsdsExamples.text("examples/csv/services.csv")
                .replace("d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", "00000000-0000-4000-8000-00000000dead");
        String attributes = HsdsExamples.text("examples/csv/attributes.csv")
                .replace(TERM, "00000000-0000-4000-8000-00000000beef");
        given().contentType("application/zip").body(HsdsExamples.zip(Map.of("services.csv", services, "attributes.csv", attributes,
                        "organizations.csv", HsdsExamples.text("examples/csv/organizations.csv").replace(ORGANIZATION,
                                "00000000-0000-4000-8000-0000000000aa"))))
                .post("/api/v1/directory/imports/hsds-tabular")
                .then().statusCode(422)
                .body("importErrors.find { it.file == 'services.csv' }.row", equalTo(2))
                .body("importErrors.find { it.file == 'services.csv' && it.field == 'organization_id' }.message",
                        org.hamcrest.Matchers.containsString("unknown organization"))
                .body("importErrors.find { it.file == 'attributes.csv' }.message",
                        org.hamcrest.Matchers.containsString("unknown taxonomy term"));
        assertEquals(before, fixtures.directoryRows());
    }

    @Test
    void servicesCarryTheDirectorysLastModifiedInEveryForm() {
        importJson("service_full.json");
        String expected = fixtures.serviceUpdatedAt(SERVICE).truncatedTo(ChronoUnit.MILLIS).toString();
        assertEquals(expected, read(get("/hsds/services/" + SERVICE)).get("last_modified").asText());
        String filter = "/hsds/services?organization_id=" + ORGANIZATION;
        assertEquals(expected, read(get(filter)).get("contents").get(0).get("last_modified").asText());
        assertEquals(expected, read(get(filter + "&full=true")).get("contents").get(0).get("last_modified").asText());
        assertEquals(expected, read(get("/hsds/service_at_locations/" + SERVICE_AT_LOCATION)).get("service").get("last_modified").asText());
        assertTrue(Instant.parse(expected).isAfter(Instant.parse("2023-03-15T10:30:45.123Z")), "not the source's date");
    }

    @Test
    void modifiedAfterFindsExactlyTheServicesChangedSinceThen() {
        importJson("service_full.json");
        Instant lastModified = Instant.parse(read(get("/hsds/services/" + SERVICE)).get("last_modified").asText());
        String filter = "/hsds/services?organization_id=" + ORGANIZATION + "&modified_after=";
        assertEquals(1, read(get(filter + lastModified)).get("total_items").asLong(), "its own last_modified finds it");
        Instant later = fixtures.serviceUpdatedAt(SERVICE).plusMillis(1);
        assertEquals(0, read(get(filter + later)).get("total_items").asLong());

        // A change through the import moves last_modified forward; the sync with the earlier date now finds it.
        given().contentType(ContentType.JSON).body(HsdsExamples.text("examples/service_full.json")
                        .replace("\"name\": \"Community Counselling\"", "\"name\": \"Community Counselling (renamed)\""))
                .post("/api/v1/directory/imports/hsds-json").then().statusCode(200);
        JsonNode changed = read(get(filter + later));
        assertEquals(1, changed.get("total_items").asLong(), changed.toString());
        assertTrue(Instant.parse(changed.get("contents").get(0).get("last_modified").asText()).isAfter(lastModified));
        importJson("service_full.json");
    }

    @Test
    void minimalListsOnlyIdAndModificationDate() {
        importJson("service_full.json");
        JsonNode page = read(get("/hsds/services?minimal=true&organization_id=" + ORGANIZATION));
        JsonNode item = page.get("contents").get(0);
        assertEquals(List.of("id", "last_modified"), fieldNames(item));
        assertEquals(SERVICE, item.get("id").asText());
        assertEquals(fixtures.serviceUpdatedAt(SERVICE).truncatedTo(ChronoUnit.MILLIS).toString(), item.get("last_modified").asText());
        given().get("/hsds/services?minimal=true&full=true").then().statusCode(400).contentType("application/problem+json")
                .body("errors.parameter", hasItem("minimal"));
    }

    @Test
    void ndjsonStreamsEveryMatchingRecordUnpaged() {
        UUID org = fixtures.manyServices("zz-stream", 1_100);
        String body = given().get("/hsds/services?format=ndjson&per_page=1&organization_id=" + org)
                .then().statusCode(200).contentType(HsdsResource.NDJSON).extract().asString();
        List<String> lines = body.lines().toList();
        assertEquals(1_100, lines.size(), "every record, over several batches, though per_page=1");
        Set<String> ids = new java.util.HashSet<>();
        for (String line : lines) {
            JsonNode service = read(line);
            assertValid("compiled/service_list.json", line);
            assertEquals(org.toString(), service.get("organization").get("id").asText());
            ids.add(service.get("id").asText());
        }
        assertEquals(1_100, ids.size(), "no record twice");
        assertEquals("zz-stream service 00001", read(lines.get(0)).get("name").asText());

        List<String> minimal = given().get("/hsds/services?format=ndjson&minimal=true&organization_id=" + org)
                .then().statusCode(200).extract().asString().lines().toList();
        assertEquals(1_100, minimal.size());
        assertEquals(List.of("id", "last_modified"), fieldNames(read(minimal.get(0))));

        List<String> organizations = given().get("/hsds/organizations?format=ndjson&search=zz-stream")
                .then().statusCode(200).contentType(HsdsResource.NDJSON).extract().asString().lines().toList();
        assertEquals(List.of(org.toString()), organizations.stream().map(l -> read(l).get("id").asText()).toList());
    }

    @Test
    void aFormatOtherThanJsonOrNdjsonIsRefused() {
        for (String path : List.of("/hsds/services", "/hsds/organizations", "/hsds/taxonomies", "/hsds/taxonomy_terms",
                "/hsds/service_at_locations")) {
            for (String format : List.of("csv", "xml", "JSON")) {
                given().get(path + "?format=" + format).then().statusCode(400).contentType("application/problem+json")
                        .body("errors.parameter", hasItem("format"));
            }
            given().get(path + "?format=json").then().statusCode(200).contentType(ContentType.JSON);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void perPageOverTheLimitIsRefused() {
        given().get("/hsds/services?per_page=201").then().statusCode(400).contentType("application/problem+json");
        given().get("/hsds/services?modified_after=yesterday").then().statusCode(400);
    }
}
