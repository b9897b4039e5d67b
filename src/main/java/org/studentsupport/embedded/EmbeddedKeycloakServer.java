package org.studentsupport.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Keycloak distribution that the build unpacks, started as a child process in development mode
 * with the committed realm imported, for a machine where no identity provider is configured.
 *
 * <p>Its database is a file in the distribution's data directory, emptied at every fresh start, so
 * that a {@link #restart() restart} within one run keeps the realm and its signing keys (tokens
 * issued before stay valid), while every run starts from the committed realm.
 *
 * <p>Keycloak runs in its own process group under a small shell that stops the group when this
 * service goes away, also when it is killed with {@code kill -9}. A Keycloak left behind on the
 * distribution all the same is stopped before its data is touched, a port held by any other program
 * is refused, and readiness is read from a management port chosen for this start only, so that no
 * server but the one just started is ever taken for it.
 */
public final class EmbeddedKeycloakServer {

    static final String REALM = "student-support";
    static final String ADMIN_USER = "admin";
    // Bootstrap administrator of a throw-away, loopback-only server whose database lives in memory.
    static final String ADMIN_PASSWORD = "local-admin";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private EmbeddedKeycloakServer() {
    }

    /**
     * Starts Keycloak and returns the settings that point the service at it.
     *
     * @param distributionParent the directory the build unpacked the distribution into
     * @param realmFile          the realm definition to import
     * @param logFile            where the server's output goes
     * @param port               the HTTP port, or 0 for any free one
     */
    static Map<String, String> start(Path distributionParent, Path realmFile, Path logFile, int port) {
        Path home = findDistribution(distributionParent).toAbsolutePath();
        try {
            EmbeddedOwnership.clearStale(ownerFile(home), "Keycloak", "TERM", home.toString());
            if (port > 0 && !portFree(port)) {
                throw new IllegalStateException("port " + port + " is in use by another program: stop it, or give the"
                        + " embedded Keycloak another port (studentsupport.embedded.keycloak.port)");
            }
            deleteRecursively(home.resolve("data/h2"));
            Files.deleteIfExists(logFile);
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(logFile.toAbsolutePath().getParent());

            int httpPort = port > 0 ? port : freePort();
            return launch(home, httpPort, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded Keycloak server", e);
        }
    }

    /** Stops the running embedded Keycloak (to test an outage). */
    public static void stop() {
        ProcessHandle.of(Long.parseLong(System.getProperty("studentsupport.embedded.keycloak.pid")))
                .ifPresent(process -> {
                    process.destroy();
                    process.onExit().join();
                });
    }

    /** Starts the embedded Keycloak again on the same port, with the realm and keys it had. */
    public static void restart() {
        Path home = Path.of(System.getProperty("studentsupport.embedded.keycloak.home"));
        int port = Integer.parseInt(System.getProperty("studentsupport.embedded.keycloak.port"));
        Path log = Path.of(System.getProperty("studentsupport.embedded.keycloak.log-file"));
        try {
            launch(home, port, log).forEach(System::setProperty);
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart the embedded Keycloak server", e);
        }
    }

    private static Map<String, String> launch(Path home, int httpPort, Path logFile) throws IOException {
        int managementPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                "bash", "-c", GUARD, "embedded-keycloak", Long.toString(EmbeddedOwnership.servicePid()),
                ownerFile(home).toString(),
                "bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--http-host=127.0.0.1",
                "--db=dev-file",
                "--import-realm",
                "--health-enabled=true"))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toAbsolutePath().toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "embedded-keycloak-stop"));

        String baseUrl = "http://127.0.0.1:" + httpPort;
        String issuer = baseUrl + "/realms/" + REALM;
        // The management port is new to this start: only the server just started answers there.
        awaitReady(process, URI.create("http://127.0.0.1:" + managementPort + "/health/ready"), logFile);
        awaitReady(process, URI.create(issuer + "/.well-known/openid-configuration"), logFile);
        return Map.of(
                "quarkus.oidc.auth-server-url", issuer,
                "studentsupport.embedded.keycloak.url", baseUrl,
                "studentsupport.embedded.keycloak.pid", Long.toString(process.pid()),
                "studentsupport.embedded.keycloak.home", home.toString(),
                "studentsupport.embedded.keycloak.port", Integer.toString(httpPort),
                "studentsupport.embedded.keycloak.log-file", logFile.toAbsolutePath().toString(),
                "studentsupport.embedded.keycloak.admin-username", ADMIN_USER,
                "studentsupport.embedded.keycloak.admin-password", ADMIN_PASSWORD);
    }

    /**
     * The shell Keycloak runs under: it starts the server in a process group of its own, names the
     * group in the owner file, and stops the group when the service is gone or when it is itself
     * told to stop (the service's shutdown, Ctrl+C).
     */
    private static final String GUARD = """
            service=$1; owner=$2; shift 2
            set -m
            "$@" &
            server=$!
            set +m
            printf '%s\n-%s\n' "$service" "$server" > "$owner"
            trap 'kill -TERM -- -"$server" 2>/dev/null' TERM INT HUP
            while kill -0 "$service" 2>/dev/null && kill -0 -- -"$server" 2>/dev/null; do sleep 1; done
            kill -TERM -- -"$server" 2>/dev/null
            while kill -0 -- -"$server" 2>/dev/null; do sleep 1; done
            rm -f "$owner"
            wait "$server"
            """;

    static Path ownerFile(Path home) {
        return home.resolve("data/embedded-owner");
    }

    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Path findDistribution(Path parent) {
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(p -> p.getFileName().toString().startsWith("keycloak-"))
                    .filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no Keycloak distribution in " + parent + "; run ./mvnw generate-resources"));
        } catch (IOException e) {
            throw new IllegalStateException("no Keycloak distribution in " + parent
                    + "; run ./mvnw generate-resources, or configure QUARKUS_OIDC_AUTH_SERVER_URL", e);
        }
    }

    private static void awaitReady(Process process, URI wellKnown, Path logFile) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + logFile);
            }
            if (answers(wellKnown)) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
        }
        stop(process);
        throw new IllegalStateException("Keycloak did not become ready within " + STARTUP_TIMEOUT + "; see " + logFile);
    }

    private static boolean answers(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
