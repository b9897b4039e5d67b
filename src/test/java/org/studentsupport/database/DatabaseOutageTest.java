package org.studentsupport.database;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.embedded.TestPostgres;
import org.studentsupport.support.LogCapture;
import org.studentsupport.support.TcpProxy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away under a running service: requests that need it answer 503 with Retry-After,
 * readiness goes down, the log gets one warning (no stack trace per request), and the service comes
 * back by itself when the database does.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.BehindAProxy.class)
class DatabaseOutageTest {

    static TcpProxy proxy;

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> database = new HashMap<>(TestPostgres.start());
            int port = Integer.parseInt(database.get("studentsupport.embedded.postgres.port"));
            proxy = new TcpProxy(port);
            database.put("quarkus.datasource.jdbc.url", database.get("quarkus.datasource.jdbc.url")
                    .replace("localhost:" + port, "localhost:" + proxy.port())
                    .replace("127.0.0.1:" + port, "127.0.0.1:" + proxy.port()));
            database.remove("studentsupport.embedded.postgres.port");
            database.put("studentsupport.embedded.postgres.enabled", "false");
            return database;
        }
    }

    @BeforeEach
    void eachOutageIsANewOne() {
        OutageLog.forget();
    }

    @Test
    @TestSecurity(user = "admin-outage", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = "dst-outage"))
    void aDatabaseOutageIsA503UntilTheDatabaseIsBack() throws InterruptedException {
        given().get("/api/v1/schools").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);

        List<ExtLogRecord> logged;
        try (LogCapture log = LogCapture.start()) {
            proxy.cut();
            for (int i = 0; i < 10; i++) {
                given().get("/api/v1/schools").then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "5")
                        .body("type", equalTo("urn:student-support:problem:unavailable"))
                        .body("detail", equalTo("The database is not answering; try again shortly"));
            }
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            logged = log.records();
        } finally {
            proxy.restore();
        }

        List<ExtLogRecord> loud = logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertEquals(1, loud.size(), "one warning for the outage, nothing else: " + messages(loud));
        assertTrue(loud.get(0).getMessage().contains("The database does not answer"), messages(loud).toString());
        assertTrue(loud.stream().noneMatch(r -> r.getThrown() != null), "no stack trace: " + messages(loud));
        assertTrue(loud.stream().noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()), "no error: " + messages(loud));

        // Back by itself: no restart, no operator.
        awaitAnswer("/api/v1/schools", 200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /**
     * A coordinator's first statement is a find by id, whose scope filter reads the coordinator's schools
     * while Hibernate builds it: that read failing must still be a 503 (and nothing logged per request),
     * not a "not found" that then fails again in the rolled-back transaction as a 500.
     */
    @Test
    @TestSecurity(user = "coord-outage", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = "dst-outage"), @SecurityAttribute(key = "school_ids", value = "sch-outage")})
    void aFindByIdWhoseScopeCannotBeReadDuringAnOutageIsA503() throws InterruptedException {
        String student = "/api/v1/students/" + java.util.UUID.randomUUID();
        given().get(student).then().statusCode(404);

        List<ExtLogRecord> logged;
        try (LogCapture log = LogCapture.start()) {
            proxy.cut();
            for (int i = 0; i < 5; i++) {
                given().get(student).then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "5")
                        .body("type", equalTo("urn:student-support:problem:unavailable"));
            }
            logged = log.records();
        } finally {
            proxy.restore();
        }

        List<ExtLogRecord> loud = logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertEquals(1, loud.size(), "one warning for the outage, nothing else: " + messages(loud));
        assertTrue(loud.stream().noneMatch(r -> r.getThrown() != null), "no stack trace: " + messages(loud));
        assertTrue(loud.stream().noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()), "no error: " + messages(loud));
        awaitAnswer(student, 404);
    }

    private static void awaitAnswer(String path, int expected) throws InterruptedException {
        int status = 0;
        for (int i = 0; i < 60 && status != expected; i++) {
            Thread.sleep(500);
            Response answer = given().get(path);
            status = answer.statusCode();
        }
        assertEquals(expected, status, "the API answers again once the database is back");
    }

    private static List<String> messages(List<ExtLogRecord> records) {
        return records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).toList();
    }
}
