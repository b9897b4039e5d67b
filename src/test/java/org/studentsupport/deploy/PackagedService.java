package org.studentsupport.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service as a real process for the integration tests, with the real services it needs: a
 * PostgreSQL with the production roles, and Keycloak with the demo realm under the public issuer hostname
 * of the production overlay; the service gets exactly the environment that overlay gives its container,
 * the in-cluster host names pointed at these.
 */
public final class PackagedService {

    static final String PUBLIC_ISSUER_HOST = "https://sso.riverton.example";
    static final String OWNER_PASSWORD = "owner-test";
    static final String APP_PASSWORD = "app-test";

    private PackagedService() {
    }

    /** PostgreSQL with the owner and application roles and the service's database. */
    static EmbeddedPostgres startPostgres() throws IOException, java.sql.SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        createRolesAndDatabase(postgres);
        return postgres;
    }

    /**
     * The same PostgreSQL on a data directory and port of the caller's choosing, kept when it is closed,
     * so that it can be stopped and started again on the same data: the roles and the database are
     * created on the first start only.
     */
    static EmbeddedPostgres startPostgres(Path dataDirectory, int port) throws IOException, java.sql.SQLException {
        boolean fresh = !Files.exists(dataDirectory.resolve("PG_VERSION"));
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
        if (fresh) {
            createRolesAndDatabase(postgres);
        }
        return postgres;
    }

    private static void createRolesAndDatabase(EmbeddedPostgres postgres) throws java.sql.SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE student_support_owner LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
            s.execute("CREATE ROLE student_support_app LOGIN PASSWORD '" + APP_PASSWORD + "'");
            s.execute("CREATE DATABASE student_support OWNER student_support_owner");
        }
    }

    static String jdbcUrl(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/student_support";
    }

    /** The production overlay's container environment (ConfigMap and Secret references), pointed at the local services. */
    static Map<String, String> productionEnvironment(int postgresPort, int keycloakPort, int servicePort) {
        List<Object> objects = ManifestsTest.objects("production");
        ConfigMap config = ManifestsTest.one(objects, ConfigMap.class, "student-support-config");
        Container container = ManifestsTest.one(objects, Deployment.class, "student-support")
                .getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> secrets = Map.of(
                "student-support-db-app/username", "student_support_app",
                "student-support-db-app/password", APP_PASSWORD,
                "student-support-db-owner/username", "student_support_owner",
                "student-support-db-owner/password", OWNER_PASSWORD,
                "student-support-audit/checkpoint-key", UUID.randomUUID().toString());
        Map<String, String> env = new HashMap<>();
        config.getData().forEach((name, value) -> env.put(name, value
                .replace("student-support-db-rw:5432", "127.0.0.1:" + postgresPort)
                .replace("student-support-db-ro:5432", "127.0.0.1:" + postgresPort)
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
        return env;
    }

    /** {@code java -jar} of the packaged service with that environment (none of this JVM's Quarkus variables), its output to the log. */
    public static Process start(Map<String, String> env, Path log, boolean appendLog) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("OTEL_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Ends a process and everything it started, and waits for it. */
    static void stop(Process process) {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.onExit().join();
        }
    }

    /** Keycloak with the demo realm, its public hostname fixed and the backchannel on whatever address asks. */
    static Process startKeycloak(int port, Path log) throws Exception {
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
                "--http-port=" + port, "--http-management-port=" + freePort(), "--http-host=127.0.0.1",
                "--db=dev-file", "--import-realm",
                "--hostname=" + PUBLIC_ISSUER_HOST, "--hostname-backchannel-dynamic=true")
                .directory(dist.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", UUID.randomUUID().toString());
        Process process = builder.start();
        await(() -> status("http://127.0.0.1:" + port + "/realms/student-support/.well-known/openid-configuration") == 200,
                Duration.ofSeconds(180), "Keycloak to start");
        return process;
    }

    public static int status(String url) {
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

    public static void await(java.util.function.BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + " (see the logs in target/)");
            }
            Thread.sleep(250);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
