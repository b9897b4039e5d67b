package org.studentsupport.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.TestFixtures;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestSecurity(user = "admin-paging", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = PagingTest.DISTRICT))
class PagingTest {

    static final String DISTRICT = "dst-paging";

    @Inject
    TestFixtures fixtures;

    @BeforeEach
    void fiveSchools() {
        for (String name : List.of("Echo", "Alpha", "Delta", "Charlie", "Bravo")) {
            fixtures.school(DISTRICT, "sch-paging-" + name.toLowerCase(), name + " School");
        }
    }

    @Test
    void pagesWalkEveryItemOnceInStableOrderWithATotal() {
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            List<String> names = given().queryParam("page", page).queryParam("size", 2).get("/api/v1/schools")
                    .then().statusCode(200)
                    .body("page", equalTo(page)).body("size", equalTo(2))
                    .body("totalItems", equalTo(5)).body("totalPages", equalTo(3))
                    .extract().jsonPath().getList("items.name", String.class);
            seen.addAll(names);
        }
        assertEquals(List.of("Alpha School", "Bravo School", "Charlie School", "Delta School", "Echo School"), seen);
    }

    @Test
    void defaultPageSizeIsFifty() {
        given().get("/api/v1/schools").then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(50)).body("items", hasSize(5));
    }

    @Test
    void pageBeyondTheEndIsEmptyNotAnError() {
        given().queryParam("page", 9).queryParam("size", 2).get("/api/v1/schools").then().statusCode(200)
                .body("items", hasSize(0)).body("totalItems", equalTo(5));
    }

    @Test
    void sizeAboveTheMaximumIsRejectedNotCapped() {
        given().queryParam("size", 201).get("/api/v1/schools").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:student-support:problem:validation"))
                .body("errors[0].parameter", equalTo("size"))
                .body("errors[0].message", equalTo("must be less than or equal to 200"));
        given().queryParam("size", 200).get("/api/v1/schools").then().statusCode(200).body("size", equalTo(200));
    }

    @Test
    void nonPositiveOrNonNumericPagingIsRejected() {
        given().queryParam("size", 0).get("/api/v1/schools").then().statusCode(400).body("errors[0].parameter", equalTo("size"));
        given().queryParam("page", 0).get("/api/v1/schools").then().statusCode(400).body("errors[0].parameter", equalTo("page"));
        given().queryParam("page", "two").get("/api/v1/schools").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
