package org.studentsupport.directory.hsds;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.TestFixtures;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The HSDS 3.0 example data after import: its taxonomy has one placeholder term (code {@code code}) and
 * no student-support terms, so no default mapping reaches it; a district maps a need to the imported
 * term, and directory search by that need then finds the example service. A term that does not exist stays a 422.
 */
@QuarkusTest
@TestSecurity(user = "admin-hsds-need", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = HsdsExampleNeedMappingTest.DISTRICT))
class HsdsExampleNeedMappingTest {

    static final String DISTRICT = "dst-hsds-need";
    static final String EXAMPLE_SERVICE = "ac148810-d857-441c-9679-408f346de14b";

    @Inject
    TestFixtures fixtures;

    @Test
    void aDistrictMapsANeedToTheImportedExampleTermAndSearchByNeedFindsTheExampleService() {
        fixtures.school(DISTRICT, "sch-hsds-need", "HSDS need school");
        given().contentType(ContentType.JSON).body(HsdsExamples.text("examples/service_full.json"))
                .post("/api/v1/directory/imports/hsds-json").then().statusCode(200);
        // the shared default maps mood to the demo taxonomy's counseling, which the example service does not carry
        given().queryParam("need", "mood").queryParam("size", 200).get("/api/v1/directory/search").then().statusCode(200)
                .body("items.serviceId", not(hasItem(EXAMPLE_SERVICE)));
        given().contentType(ContentType.JSON).body(Map.of("termCodes", List.of("code", "no-such-term")))
                .put("/api/v1/need-mappings/mood").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/termCodes/1"))
                .body("errors[0].message", containsString("'no-such-term' is not a taxonomy term code"));
        given().contentType(ContentType.JSON).body(Map.of("termCodes", List.of("code")))
                .put("/api/v1/need-mappings/mood").then().statusCode(200).body("source", equalTo("district"));
        given().queryParam("need", "mood").queryParam("size", 200).get("/api/v1/directory/search").then().statusCode(200)
                .body("items.find { it.serviceId == '" + EXAMPLE_SERVICE + "' }.match.needs", equalTo(List.of("mood")));
    }
}
