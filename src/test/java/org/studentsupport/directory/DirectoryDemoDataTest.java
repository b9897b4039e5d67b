package org.studentsupport.directory;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

/** The demo directory imports cleanly, covers the three categories, several languages and the two fixed providers. */
@QuarkusTest
@TestSecurity(user = "admin-demo-dir", roles = "admin")
class DirectoryDemoDataTest {

    @Inject
    DirectoryFixtures directory;

    @Test
    void theDemoDirectoryHasFiftyProvidersAroundTheSchoolsInThreeCategoriesAndSeveralLanguages() {
        directory.importJson(DirectoryDemoData.organizations().toString());
        directory.importJson(DirectoryDemoData.organizations().toString());
        assertCount("SELECT count(*) FROM dir_organization WHERE email LIKE '%.example.org'", 50);
        for (String category : new String[]{"prevention-enrichment", "early-intervention", "intensive"}) {
            given().get("/hsds/services?per_page=1&taxonomy_term_id=" + DirectoryDemoData.id("term:" + category))
                    .then().statusCode(200).body("total_items", greaterThanOrEqualTo(5));
        }
        assertAtLeast("SELECT count(DISTINCT code) FROM dir_language WHERE service_id IN (SELECT id FROM dir_service WHERE name NOT LIKE 'srch%')", 5);
        assertAtLeast("SELECT count(*) FROM dir_location l WHERE l.latitude BETWEEN 42.10 AND 42.14 AND l.longitude BETWEEN -72.61 AND -72.55", 50);
        for (java.util.UUID org : new java.util.UUID[]{DirectoryDemoData.MENTORING_ALLIANCE, DirectoryDemoData.FAMILY_COUNSELING}) {
            given().get("/hsds/organizations/" + org).then().statusCode(200)
                    .body("services.size()", greaterThanOrEqualTo(2));
            assertAtLeast("SELECT count(*) FROM dir_service WHERE accepts_referrals AND organization_id = '" + org + "'", 2);
        }
        given().get("/hsds/organizations/" + DirectoryDemoData.MENTORING_ALLIANCE).then()
                .body("name", equalTo("Riverton Youth Mentoring Alliance"))
                .body("services.attributes.flatten().taxonomy_term.code", hasItem("mentoring"));
    }

    private void assertCount(String sql, long expected) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, directory.count(sql));
    }

    private void assertAtLeast(String sql, long expected) {
        long actual = directory.count(sql);
        org.junit.jupiter.api.Assertions.assertTrue(actual >= expected, sql + " = " + actual);
    }
}
