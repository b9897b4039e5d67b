package org.studentsupport.directory;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Administrators keep the directory; providers keep only their own services' capacity; every change says who and when. */
@QuarkusTest
class DirectoryUpkeepTest {

    static final String OWN_ORG = "7a1e0000-0000-4000-8000-00000000a001";
    static final String OTHER_ORG = "7a1e0000-0000-4000-8000-00000000a002";
    static final String OWN_SERVICE = "7a1e0000-0000-4000-8000-00000000b001";
    static final String OTHER_SERVICE = "7a1e0000-0000-4000-8000-00000000b002";

    @Inject
    DirectoryFixtures directory;

    @BeforeEach
    void twoProviders() {
        directory.importJson("""
                [{"id": "%s", "name": "Upkeep Own Service", "status": "active",
                  "organization": {"id": "%s", "name": "Upkeep Own Org", "description": "The provider's own organization"}},
                 {"id": "%s", "name": "Upkeep Other Service", "status": "active",
                  "organization": {"id": "%s", "name": "Upkeep Other Org", "description": "Someone else's organization"}}]
                """.formatted(OWN_SERVICE, OWN_ORG, OTHER_SERVICE, OTHER_ORG));
        directory.setCapacity(UUID.fromString(OWN_SERVICE), "accepting");
        directory.setCapacity(UUID.fromString(OTHER_SERVICE), "accepting");
    }

    private static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    @Test
    @TestSecurity(user = "admin-upkeep", roles = "admin")
    void anAdministratorCreatesAndEditsRecordsWithIfMatchAndTheChangesBecomeHsdsMetadata() {
        Response created = given().contentType(ContentType.JSON).body("""
                {"name": "Upkeep Youth Center", "description": "Drop-in center", "email": "info@youth.example.org",
                 "website": "https://youth.example.org"}""").post("/api/v1/directory/organizations");
        created.then().statusCode(201).header("ETag", notNullValue()).body("updatedBy", equalTo("admin-upkeep"));
        String org = created.path("id");

        Response service = given().contentType(ContentType.JSON).body("""
                {"name": "Upkeep Homework Club", "description": "Homework help", "status": "active",
                 "minimumAge": 8, "maximumAge": 12, "acceptsReferrals": true}""")
                .post("/api/v1/directory/organizations/" + org + "/services");
        service.then().statusCode(201);
        String serviceId = service.path("id");
        String tag = service.header("ETag");

        String body = """
                {"name": "Upkeep Homework and Reading Club", "description": "Homework help", "status": "active",
                 "minimumAge": 8, "maximumAge": 13, "acceptsReferrals": true}""";
        given().contentType(ContentType.JSON).body(body).put("/api/v1/directory/services/" + serviceId).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"999\"").body(body)
                .put("/api/v1/directory/services/" + serviceId).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", tag).body(body)
                .put("/api/v1/directory/services/" + serviceId).then().statusCode(200)
                .body("name", equalTo("Upkeep Homework and Reading Club")).body("maximumAge", equalTo(13))
                .body("updatedBy", equalTo("admin-upkeep")).body("updatedAt", notNullValue());

        Response location = given().contentType(ContentType.JSON).body("""
                {"name": "Upkeep site", "locationType": "physical", "latitude": 42.12, "longitude": -72.57}""")
                .post("/api/v1/directory/organizations/" + org + "/locations");
        location.then().statusCode(201);
        given().put("/api/v1/directory/services/" + serviceId + "/locations/" + location.path("id")).then().statusCode(204);
        given().put("/api/v1/directory/services/" + serviceId + "/locations/" + location.path("id")).then().statusCode(204);

        given().get("/hsds/services/" + serviceId).then().statusCode(200)
                .body("name", equalTo("Upkeep Homework and Reading Club"))
                .body("service_at_locations.size()", equalTo(1))
                .body("service_at_locations[0].location.latitude", equalTo(42.12f))
                .body("metadata.find { it.field_name == 'maximum_age' && it.last_action_type == 'update' }.previous_value", equalTo("12"))
                .body("metadata.find { it.field_name == 'maximum_age' && it.last_action_type == 'update' }.replacement_value", equalTo("13"))
                .body("metadata.updated_by", hasItem("admin-upkeep"));
        given().queryParam("search", "reading").get("/hsds/services").then().statusCode(200)
                .body("contents.id", hasItem(serviceId));
    }

    @Test
    @TestSecurity(user = "admin-upkeep", roles = "admin")
    void coordinatesOutOfRangeAreRefusedAndNothingIsWritten() {
        long before = directory.directoryRows();
        given().contentType(ContentType.JSON).body("""
                {"name": "Nowhere", "locationType": "physical", "latitude": 95, "longitude": -72.57}""")
                .post("/api/v1/directory/organizations/" + OWN_ORG + "/locations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/latitude"));
        assertEquals(before, directory.directoryRows());
    }

    @Test
    @TestSecurity(user = "provider-upkeep", roles = "provider", attributes = @SecurityAttribute(key = "organization_id", value = OWN_ORG))
    void aProviderUpdatesItsOwnServicesCapacityOnly() {
        String tag = etag("/api/v1/directory/services/" + OWN_SERVICE);
        given().contentType(ContentType.JSON).header("If-Match", tag).body("""
                {"capacityStatus": "full", "confirmedOn": "2026-11-20"}""")
                .put("/api/v1/directory/services/" + OWN_SERVICE + "/capacity").then().statusCode(200)
                .body("capacityStatus", equalTo("full")).body("capacityConfirmedAt", equalTo("2026-11-20"))
                .body("updatedBy", equalTo("provider-upkeep"));

        String otherTag = etag("/api/v1/directory/services/" + OTHER_SERVICE);
        given().contentType(ContentType.JSON).header("If-Match", otherTag).body("""
                {"capacityStatus": "full"}""")
                .put("/api/v1/directory/services/" + OTHER_SERVICE + "/capacity").then().statusCode(404);
        given().get("/api/v1/directory/services/" + OTHER_SERVICE).then().body("capacityStatus", equalTo("accepting"));

        given().contentType(ContentType.JSON).header("If-Match", otherTag).body("""
                {"name": "Taken over", "status": "active", "acceptsReferrals": true}""")
                .put("/api/v1/directory/services/" + OTHER_SERVICE).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "coord-upkeep", roles = "coordinator")
    void coordinatorsReadTheDirectoryButDoNotKeepIt() {
        given().get("/hsds/services/" + OWN_SERVICE).then().statusCode(200).body("name", equalTo("Upkeep Own Service"));
        given().contentType(ContentType.JSON).body("{\"capacityStatus\": \"full\"}")
                .put("/api/v1/directory/services/" + OWN_SERVICE + "/capacity").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "nobody-upkeep", roles = "")
    void signedInUsersWithoutARoleCannotReadTheHsdsApi() {
        given().get("/hsds/services").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anonymousCallersCannotReadTheHsdsApiUnlessTheDistrictMakesItPublic() {
        given().get("/hsds/services").then().statusCode(401).contentType("application/problem+json");
    }
}
