package org.studentsupport.database;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Reports read from their own database (the read-only replicas on Kubernetes): when it does not answer,
 * a report is a 503 with Retry-After, while the rest of the API and readiness are untouched.
 */
@QuarkusTest
@TestProfile(ReportDatabaseOutageTest.ReplicaDown.class)
class ReportDatabaseOutageTest {

    public static class ReplicaDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reports.jdbc.url", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/reports",
                    "quarkus.datasource.reports.jdbc.acquisition-timeout", "2S");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    @TestSecurity(user = "super-replica", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = "dst-replica"))
    void aReportIsUnavailableWhileTheRestOfTheServiceWorks() {
        given().get("/api/v1/oversight/referrals/follow-through?groupBy=school").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:student-support:problem:unavailable"))
                .body("status", equalTo(503));
        given().get("/api/v1/oversight/referrals/overdue").then().statusCode(503);
        given().get("/api/v1/schools").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
