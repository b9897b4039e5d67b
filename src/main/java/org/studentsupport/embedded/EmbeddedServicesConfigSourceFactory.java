package org.studentsupport.embedded;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Supplies a database and an identity provider when none is configured: the run command and the
 * tests get a real PostgreSQL and a real Keycloak without any setup, while production (where both
 * switches are off) must name its own through the standard {@code QUARKUS_DATASOURCE_*} and
 * {@code QUARKUS_OIDC_AUTH_SERVER_URL} settings.
 *
 * <p>The settings of servers already started are kept as system properties, so that a second
 * configuration in the same JVM (a dev-mode restart, the test framework) reuses them instead of
 * starting new ones.
 */
public class EmbeddedServicesConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(EmbeddedServicesConfigSourceFactory.class);
    // Below application.properties (250), so anything configured there or in the environment wins.
    private static final int ORDINAL = 200;

    @Override
    public synchronized Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> settings = new HashMap<>();
        if (flag(context, "studentsupport.embedded.postgres.enabled") && missing(context, "quarkus.datasource.jdbc.url")) {
            String dataDir = value(context, "studentsupport.embedded.postgres.data-dir");
            LOG.infof("No database configured: starting an embedded PostgreSQL (data: %s)",
                    dataDir == null ? "temporary" : dataDir);
            Map<String, String> started = EmbeddedPostgresServer.start(dataDir == null ? null : Path.of(dataDir));
            remember(started);
            settings.putAll(started);
        }
        if (flag(context, "studentsupport.embedded.keycloak.enabled") && missing(context, "quarkus.oidc.auth-server-url")) {
            Path distribution = Path.of(valueOr(context, "studentsupport.embedded.keycloak.distribution-dir", "target/keycloak"));
            Path realm = Path.of(valueOr(context, "studentsupport.embedded.keycloak.realm-file",
                    "target/realm/realm-student-support-demo.json"));
            Path log = Path.of(valueOr(context, "studentsupport.embedded.keycloak.log-file", "target/keycloak.log"));
            LOG.infof("No identity provider configured: starting Keycloak from %s (log: %s)", distribution, log);
            int port = Integer.parseInt(valueOr(context, "studentsupport.embedded.keycloak.port", "0"));
            Map<String, String> started = EmbeddedKeycloakServer.start(distribution, realm, log, port);
            remember(started);
            settings.putAll(started);
            LOG.infof("Keycloak is ready at %s", started.get("studentsupport.embedded.keycloak.url"));
        }
        if (settings.isEmpty()) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(settings, "embedded-services", ORDINAL));
    }

    private static void remember(Map<String, String> started) {
        started.forEach(System::setProperty);
    }

    private static boolean flag(ConfigSourceContext context, String name) {
        return Boolean.parseBoolean(value(context, name));
    }

    private static boolean missing(ConfigSourceContext context, String name) {
        String value = value(context, name);
        return value == null || value.isBlank();
    }

    private static String valueOr(ConfigSourceContext context, String name, String fallback) {
        String value = value(context, name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
