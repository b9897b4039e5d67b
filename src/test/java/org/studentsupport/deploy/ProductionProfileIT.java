package org.studentsupport.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged service, started in the production profile with exactly the environment the production
 * overlay gives its container (ConfigMap and Secret references; the in-cluster host names pointed at a
 * local PostgreSQL and Keycloak, the Secret values made up here), comes up: its probes answer, the
 * migrations ran as the owner role, it serves as the application role, and it accepts a token whose
 * issuer is Keycloak's public hostname while fetching the keys in-cluster.
 */
class ProductionProfileIT {

    private static EmbeddedPostgres postgres;
    private static Process keycloak;
    private static Process service;
    private static int servicePort;
    private static int keycloakPort;
    private static Path serviceLog;

    @BeforeAll
    static void start() throws Exception {
        postgres = PackagedService.startPostgres();
        keycloakPort = PackagedService.freePort();
        keycloak = PackagedService.startKeycloak(keycloakPort, Path.of("target/production-profile-it-keycloak.log"));
        servicePort = PackagedService.freePort();
        serviceLog = Path.of("target/production-profile-it.log");
        service = PackagedService.start(PackagedService.productionEnvironment(postgres.getPort(), keycloakPort, servicePort),
                serviceLog, false);
        RestAssured.port = servicePort;
        RestAssured.baseURI = "http://127.0.0.1";
        PackagedService.await(() -> PackagedService.status("http://127.0.0.1:" + servicePort + "/q/health/started") == 200,
                Duration.ofSeconds(120), "the service to start");
    }

    @AfterAll
    static void stop() throws IOException {
        RestAssured.reset();
        PackagedService.stop(service);
        PackagedService.stop(keycloak);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theProbesOfTheManifestAnswerAndTheDatabaseIsReady() {
        given().get("/q/health/started").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theMigrationsRanAsTheOwnerAndTheServiceRunsAsTheApplicationRole() throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/student_support";
        try (Connection c = DriverManager.getConnection(url, "student_support_owner", "owner-test");
             Statement s = c.createStatement();
             ResultSet owners = s.executeQuery("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")) {
            assertThat(owners.next()).isTrue();
            assertThat(owners.getString(1)).isEqualTo("student_support_owner");
            assertThat(owners.next()).isFalse();
        }
        try (Connection c = DriverManager.getConnection(url, "student_support_app", "app-test");
             Statement s = c.createStatement()) {
            assertThat(org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.executeUpdate("DELETE FROM audit_event")).getSQLState()).isEqualTo("42501");
        }
    }

    @Test
    void aTokenIssuedUnderThePublicHostnameIsAccepted() {
        String token = given().baseUri("http://127.0.0.1").port(keycloakPort)
                .formParam("grant_type", "password").formParam("client_id", "student-support-web")
                .formParam("username", "super.riverton").formParam("password", "demo-password")
                .post("/realms/student-support/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).get("/api/v1/schools").then().statusCode(200);
        given().get("/api/v1/schools").then().statusCode(401);
        // A report, read through the report database (the manifest's read-only service).
        given().auth().oauth2(token).get("/api/v1/oversight/referrals/overdue").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void metricsIncludeThePoolAndHibernate() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("agroal_", "hibernate_");
        long rssKb = residentKb(service.pid());
        System.out.printf("student-support resident memory after start: %d MiB%n", rssKb / 1024);
    }

    private static long residentKb(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
