package org.studentsupport.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract check is in place for every test, and refuses an answer the contract does not document. */
@QuarkusTest
class ContractStatusCheckTest {

    @Test
    void everyTestRunsWithTheCheck() {
        assertTrue(RestAssured.filters().stream().anyMatch(ContractStatusCheck.class::isInstance));
    }

    @Test
    void anUndocumentedStatusFailsTheTestThatSawIt() {
        // The health endpoint is outside the contract: not checked.
        given().get("/q/health/live").then().statusCode(200);
        // GET /api/v1/schools documents no 404; the check is given a contract in which it answers 404.
        ContractStatusCheck strict = ContractStatusCheck.documenting("get", "/api/v1/schools", "404");
        AssertionError refused = assertThrows(AssertionError.class,
                () -> given().filter(strict).get("/api/v1/schools"));
        assertTrue(refused.getMessage().contains("GET /api/v1/schools"), refused.getMessage());
    }
}
