package org.studentsupport.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.restassured.RestAssured;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private static final String PUBLIC_ISSUER_HOST = "https://sso.riverton.example";
    private static EmbeddedPostgres postgres;
    private static Process keycloak;
    private static Process service;
    private static int servicePort;
    private static int keycloakPort;
    private static Path serviceLog;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE student_support_owner LOGIN PASSWORD 'owner-test'");
            s.execute("CREATE ROLE student_support_app LOGIN PASSWORD 'app-test'");
            s.execute("CREATE DATABASE student_support OWNER student_support_owner");
        }
        keycloakPort = freePort();
        keycloak = startKeycloak();
        servicePort = freePort();

        List<Object> objects = ManifestsTest.objects("production");
        ConfigMap config = ManifestsTest.one(objects, ConfigMap.class, "student-support-config");
        Container container = ManifestsTest.one(objects, Deployment.class, "student-support")
                .getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> secrets = Map.of(
                "student-support-db-app/username", "student_support_app",
                "student-support-db-app/password", "app-test",
                "student-support-db-owner/username", "student_support_owner",
                "student-support-db-owner/password", "owner-test",
                "student-support-audit/checkpoint-key", UUID.randomUUID().toString());
        Map<String, String> env = new HashMap<>();
        config.getData().forEach((name, value) -> env.put(name, value
                .replace("student-support-db-rw:5432", "127.0.0.1:" + postgres.getPort())
                .replace("student-support-db-ro:5432", "127.0.0.1:" + postgres.getPort())
                .replace("http://student-support-sso-service:8080", "http://127.0.0.1:" + keycloakPort)));
        for (EnvVar var : container.getEnv()) {
            if (var.getValueFrom() == null) {
                // A plain value (the JVM's flags): taken as the manifest gives it.
                env.put(var.getName(), var.getValue());
                continue;
            }
            var ref = var.getValueFrom().getSecretKeyRef();
            String value = secrets.get(ref.getName() + "/" + ref.getKey());
            assertThat(value).as("a value for the Secret reference of " + var.getName()).isNotNull();
            env.put(var.getName(), value);
        }
        // The container listens on 8080; here any free port.
        env.put("PORT", Integer.toString(servicePort));

        serviceLog = Path.of("target/production-profile-it.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(serviceLog.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("OTEL_"));
        builder.environment().putAll(env);
        service = builder.start();
        RestAssured.port = servicePort;
        RestAssured.baseURI = "http://127.0.0.1";
        await(() -> status("http://127.0.0.1:" + servicePort + "/q/health/started") == 200, Duration.ofSeconds(120), "the service to start");
    }

    @AfterAll
    static void stop() throws IOException {
        RestAssured.reset();
        for (Process process : new Process[]{service, keycloak}) {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                process.onExit().join();
            }
        }
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

    /** Keycloak with the demo realm, its public hostname fixed and the backchannel on whatever address asks. */
    private static Process startKeycloak() throws Exception {
        Path dist;
        try (Stream<Path> found = Files.list(Path.of(System.getProperty("keycloak.dist.dir", "target/keycloak")))) {
            dist = found.filter(p -> p.getFileName().toString().startsWith("keycloak-")).findFirst().orElseThrow().toAbsolutePath();
        }
        Path data = dist.resolve("data");
        try (Stream<Path> old = Files.exists(data.resolve("h2")) ? Files.walk(data.resolve("h2")) : Stream.empty()) {
            old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.createDirectories(data.resolve("import"));
        Files.copy(Path.of(RealmFiles.EMBEDDED_DEMO_REALM), data.resolve("import/realm-student-support-demo.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder builder = new ProcessBuilder("bash", dist.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + keycloakPort, "--http-management-port=" + freePort(), "--http-host=127.0.0.1",
                "--db=dev-file", "--import-realm",
                "--hostname=" + PUBLIC_ISSUER_HOST, "--hostname-backchannel-dynamic=true")
                .directory(dist.toFile()).redirectErrorStream(true)
                .redirectOutput(Path.of("target/production-profile-it-keycloak.log").toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", UUID.randomUUID().toString());
        Process process = builder.start();
        await(() -> status("http://127.0.0.1:" + keycloakPort + "/realms/student-support/.well-known/openid-configuration") == 200,
                Duration.ofSeconds(180), "Keycloak to start");
        return process;
    }

    private static int status(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + " (see target/production-profile-it*.log)");
            }
            Thread.sleep(500);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
