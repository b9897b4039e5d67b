package org.studentsupport.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.deploy.PackagedService;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service in the run command's profile (embedded PostgreSQL on a data directory that
 * survives restarts, embedded Keycloak on a fixed port), killed with {@code kill -9}: its embedded
 * servers die with it, the next start comes up on the same data, servers left behind are stopped
 * rather than taken for new ones, and a port held by another program is refused.
 */
class EmbeddedServersKillIT {

    private static final Path DATA = Path.of("target/embedded-kill-it/postgres").toAbsolutePath();
    private int keycloakPort;
    private int servicePort;
    private Process service;

    @BeforeEach
    void freshDataDirectoryAndPorts() throws IOException {
        keycloakPort = PackagedService.freePort();
        servicePort = PackagedService.freePort();
        if (Files.exists(DATA)) {
            try (Stream<Path> paths = Files.walk(DATA)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @AfterEach
    void stopService() {
        if (service != null && service.isAlive()) {
            service.destroy();
            service.onExit().join();
        }
    }

    @Test
    void killedWithKill9TheEmbeddedServersDieWithItAndTheNextStartKeepsTheData() throws Exception {
        service = start("first");
        String postmaster = owner(DATA).get(1);
        String keycloakGroup = owner(keycloakData()).get(1);
        assertThat(owner(DATA).get(0)).isEqualTo(Long.toString(service.pid()));
        assertThat(keycloakGroup).startsWith("-");
        writeMarker("before the kill");

        service.destroyForcibly().onExit().join();

        PackagedService.await(() -> !EmbeddedOwnership.alive(postmaster), Duration.ofSeconds(30), "PostgreSQL to stop after the service");
        PackagedService.await(() -> !EmbeddedOwnership.alive(keycloakGroup), Duration.ofSeconds(60), "Keycloak to stop after the service");
        PackagedService.await(() -> EmbeddedKeycloakServer.portFree(keycloakPort), Duration.ofSeconds(10), "the Keycloak port to be free");
        PackagedService.await(() -> !Files.exists(DATA.resolve("embedded-owner")), Duration.ofSeconds(10),
                "the watchdog to remove the owner file once PostgreSQL stopped");

        service = start("second");
        assertThat(readMarker()).isEqualTo("before the kill");
        assertThat(owner(DATA).get(0)).isEqualTo(Long.toString(service.pid()));
        assertThat(owner(DATA).get(1)).isNotEqualTo(postmaster);
    }

    @Test
    void serversLeftBehindWhenTheirWatchdogsDiedTooAreStoppedNotAdopted() throws Exception {
        service = start("orphans");
        String postmaster = owner(DATA).get(1);
        String keycloakGroup = owner(keycloakData()).get(1);
        writeMarker("left behind");
        // Kill the service together with the processes that would have stopped its servers.
        List<ProcessHandle> guards = service.children()
                .filter(child -> child.info().commandLine().map(line -> line.contains("embedded-watchdog")
                        || line.contains("embedded-keycloak")).orElse(false))
                .toList();
        assertThat(guards).hasSize(2);
        guards.forEach(ProcessHandle::destroyForcibly);
        service.destroyForcibly().onExit().join();
        Thread.sleep(3000);
        assertThat(EmbeddedOwnership.alive(postmaster)).as("PostgreSQL left running").isTrue();
        assertThat(EmbeddedOwnership.alive(keycloakGroup)).as("Keycloak left running").isTrue();

        service = start("after-orphans");
        assertThat(EmbeddedOwnership.alive(postmaster)).as("the old PostgreSQL was stopped").isFalse();
        assertThat(EmbeddedOwnership.alive(keycloakGroup)).as("the old Keycloak was stopped").isFalse();
        assertThat(owner(keycloakData()).get(1)).isNotEqualTo(keycloakGroup);
        assertThat(readMarker()).isEqualTo("left behind");
        assertThat(Files.readString(Path.of("target/embedded-kill-it/after-orphans.log")))
                .contains("left behind by a service that is gone");
    }

    @Test
    void aKeycloakPortHeldByAnotherProgramIsRefused() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new java.net.InetSocketAddress("127.0.0.1", keycloakPort));
            service = launch("port-taken");
            assertThat(service.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("the service gives up").isTrue();
            assertThat(service.exitValue()).isNotZero();
        }
        assertThat(Files.readString(Path.of("target/embedded-kill-it/port-taken.log")))
                .contains("port " + keycloakPort + " is in use by another program");
    }

    private Process start(String name) throws Exception {
        Process process = launch(name);
        PackagedService.await(() -> PackagedService.status("http://127.0.0.1:" + servicePort + "/q/health/ready") == 200 || !process.isAlive(),
                Duration.ofMinutes(4), "the service to be ready");
        assertThat(process.isAlive()).as("the service runs; see target/embedded-kill-it/" + name + ".log").isTrue();
        return process;
    }

    /** The packaged service in the run command's profile, on this test's data directory and ports, no demo data. */
    private Process launch(String name) throws IOException {
        Path log = Path.of("target/embedded-kill-it/" + name + ".log");
        Files.createDirectories(log.getParent());
        return PackagedService.start(Map.of(
                "QUARKUS_PROFILE", "demo",
                "PORT", Integer.toString(servicePort),
                "KEYCLOAK_PORT", Integer.toString(keycloakPort),
                "STUDENTSUPPORT_EMBEDDED_POSTGRES_DATA_DIR", DATA.toString(),
                "STUDENTSUPPORT_EMBEDDED_KEYCLOAK_LOG_FILE", "target/embedded-kill-it/" + name + "-keycloak.log",
                "STUDENTSUPPORT_DEMO_ENABLED", "false"), log, false);
    }

    private static Path keycloakData() throws IOException {
        try (Stream<Path> found = Files.list(Path.of("target/keycloak"))) {
            return found.filter(p -> p.getFileName().toString().startsWith("keycloak-")).findFirst().orElseThrow()
                    .resolve("data").toAbsolutePath();
        }
    }

    private static List<String> owner(Path directory) throws IOException {
        return Files.readAllLines(directory.resolve("embedded-owner"));
    }

    private static Connection superuser() throws IOException, SQLException {
        // postmaster.pid: line 4 is the port the server listens on
        String port = Files.readAllLines(DATA.resolve("postmaster.pid")).get(3).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    private static void writeMarker(String text) throws Exception {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS kill_it_marker (text varchar(100))");
            s.execute("DELETE FROM kill_it_marker");
            s.execute("INSERT INTO kill_it_marker VALUES ('" + text + "')");
        }
    }

    private static String readMarker() throws Exception {
        try (Connection c = superuser(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT text FROM kill_it_marker")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
