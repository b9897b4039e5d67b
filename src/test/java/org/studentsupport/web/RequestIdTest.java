package org.studentsupport.web;

import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.LogCapture;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RequestIdTest {

    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void offeredRequestIdIsEchoed() {
        given().header("X-Request-Id", "abc-123.x").get("/q/health/live")
                .then().header("X-Request-Id", "abc-123.x");
    }

    @Test
    void missingRequestIdIsGenerated() {
        given().get("/q/health/live")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void malformedRequestIdIsReplacedSoItCannotForgeLogLines() {
        given().header("X-Request-Id", "evil id\twith tab").get("/no/such/thing")
                .then().statusCode(404).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void logLinesOfARequestCarryItsId() {
        given().header("X-Request-Id", "log-line-check-1").get("/test-support/failure")
                .then().statusCode(500).body("requestId", equalTo("log-line-check-1"));
        List<ExtLogRecord> logged = logs.records().stream()
                .filter(r -> r.getLoggerName().startsWith("org.studentsupport")).toList();
        assertFalse(logged.isEmpty(), "the failure should have been logged");
        assertTrue(logged.stream().allMatch(r -> "log-line-check-1".equals(r.getMdc("requestId"))),
                "every log line of the request carries its id");
    }
}
