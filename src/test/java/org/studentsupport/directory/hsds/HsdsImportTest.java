package org.studentsupport.directory.hsds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studentsupport.directory.DirectoryFixtures;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the HSDS import refuses, and how it names each problem; a refused import writes nothing. */
@QuarkusTest
@TestSecurity(user = "admin-hsds-import", roles = "admin")
class HsdsImportTest {

    private static final String ORGANIZATION = "7a1c3e55-2b0f-4c8e-9d6a-0b4f5e6a7c01";
    private static final String ORGANIZATIONS_HEADER = "id,name,alternate_name,description,email,website\r\n";

    @Inject
    DirectoryFixtures fixtures;

    @Inject
    MeterRegistry registry;

    private double imports(String outcome) {
        Counter counter = registry.find("directory.imports").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static byte[] organizations(String csv) {
        return HsdsExamples.zipOf(Map.of("organizations.csv", ORGANIZATIONS_HEADER + csv));
    }

    @Test
    void anInvalidEmailInAnImportedOrganizationIsRefusedWithItsPointer() {
        long before = fixtures.directoryRows();
        double rejected = imports("rejected");
        double imported = imports("imported");
        String body = """
                [{"id": "%s", "name": "Riverside Tutors", "description": "Tutoring", "email": "not-an-email"}]""".formatted(ORGANIZATION);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/directory/imports/hsds-json")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].pointer", equalTo("/0/email"))
                .body("errors[0].message", containsString("email"))
                .body("importErrors[0].field", equalTo("/0/email"));
        assertEquals(before, fixtures.directoryRows());
        assertEquals(rejected + 1, imports("rejected"));

        given().contentType(ContentType.JSON).body(body.replace("not-an-email", "help@riversidetutors.org"))
                .post("/api/v1/directory/imports/hsds-json").then().log().ifValidationFails().statusCode(200);
        assertEquals(imported + 1, imports("imported"));
        assertEquals(rejected + 1, imports("rejected"));
    }

    @Test
    void anInvalidUrlInAnImportedServiceIsRefusedWithFileRowAndField() {
        long before = fixtures.directoryRows();
        String services = "id,organization_id,name,status,url\r\n"
                + "7a1c3e55-2b0f-4c8e-9d6a-0b4f5e6a7c02," + ORGANIZATION + ",Homework help,active,https://example.org/help\r\n"
                + "7a1c3e55-2b0f-4c8e-9d6a-0b4f5e6a7c03," + ORGANIZATION + ",Reading club,active,not a url\r\n";
        byte[] zip = HsdsExamples.zipOf(Map.of(
                "organizations.csv", ORGANIZATIONS_HEADER + ORGANIZATION + ",Riverside Tutors,,Tutoring,,\r\n",
                "services.csv", services));
        given().contentType("application/zip").body(zip).post("/api/v1/directory/imports/hsds-tabular")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].pointer", equalTo("/services.csv/3/url"))
                .body("importErrors[0].file", equalTo("services.csv"))
                .body("importErrors[0].row", equalTo(3))
                .body("importErrors[0].field", equalTo("url"));
        assertEquals(before, fixtures.directoryRows());
    }

    @Test
    void doubledQuotesInACsvValueComeBackExactly() {
        given().contentType("application/zip")
                .body(organizations(ORGANIZATION + ",\"Bob \"\"The\"\" Builder\",Bob \"Fixit\",\"Repairs, \"\"odd\"\" jobs\",,\r\n"))
                .post("/api/v1/directory/imports/hsds-tabular").then().statusCode(200).body("records", equalTo(1));
        given().get("/hsds/organizations/" + ORGANIZATION).then().statusCode(200)
                .body("name", equalTo("Bob \"The\" Builder"))
                .body("alternate_name", equalTo("Bob \"Fixit\""))
                .body("description", equalTo("Repairs, \"odd\" jobs"));
    }

    @Test
    void anUnterminatedQuoteIsARowProblemAndNothingIsWritten() {
        long before = fixtures.directoryRows();
        String rows = "7a1c3e55-2b0f-4c8e-9d6a-0b4f5e6a7c11,First,,Fine row,,\r\n"
                + "7a1c3e55-2b0f-4c8e-9d6a-0b4f5e6a7c12,\"Second,,Quote never closed,,\r\n"
                + "7a1c3e55-2b0f-4c8e-9d6a-0b4f5e6a7c13,Third,,Swallowed row,,\r\n";
        given().contentType("application/zip").body(organizations(rows)).post("/api/v1/directory/imports/hsds-tabular")
                .then().statusCode(422).contentType("application/problem+json")
                .body("importErrors[0].file", equalTo("organizations.csv"))
                .body("importErrors[0].row", equalTo(3))
                .body("importErrors[0].message", containsString("quoted value is not closed"))
                .body("errors.pointer", hasItem("/organizations.csv/3"));
        assertEquals(before, fixtures.directoryRows());
    }

    @Test
    void jsonNestedTooDeeplyIsAMalformedRequest() {
        String body = "[".repeat(5_000) + "]".repeat(5_000);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/directory/imports/hsds-json")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
    }
}
