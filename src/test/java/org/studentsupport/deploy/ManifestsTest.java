package org.studentsupport.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every overlay renders into valid Kubernetes objects that fit what the application reads. */
class ManifestsTest {

    static final Path OVERLAYS = Path.of("k8s/overlays");
    static final Path PROPERTIES = Path.of("src/main/resources/application.properties");

    static List<Object> objects(String overlay) {
        return Kustomize.render(OVERLAYS.resolve(overlay)).stream().map(KubernetesModel::parse).toList();
    }

    static <T> T one(List<Object> objects, Class<T> type, String name) {
        return objects.stream().filter(type::isInstance).map(type::cast)
                .filter(o -> name.equals(nameOf(o))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    private static String nameOf(Object o) {
        if (o instanceof io.fabric8.kubernetes.api.model.HasMetadata m) {
            return m.getMetadata().getName();
        }
        if (o instanceof KubernetesModel.Cnpg.Cluster c) {
            return c.metadata().name();
        }
        if (o instanceof KubernetesModel.Cnpg.ObjectStore s) {
            return s.metadata().name();
        }
        if (o instanceof KubernetesModel.Cnpg.ScheduledBackup b) {
            return b.metadata().name();
        }
        if (o instanceof KubernetesModel.KeycloakOperator.Keycloak k) {
            return k.metadata().name();
        }
        if (o instanceof KubernetesModel.KeycloakOperator.RealmImport r) {
            return r.metadata().name();
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "demo"})
    void everyOverlayRendersIntoTheObjectModelWithEverythingTheServiceNeeds(String overlay) {
        List<ObjectNode> rendered = Kustomize.render(OVERLAYS.resolve(overlay));
        Set<String> kinds = rendered.stream().map(o -> o.path("kind").asText()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(kinds).containsExactlyInAnyOrder("Namespace", "ConfigMap", "Deployment", "Service", "Ingress",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor", "Cluster",
                "ObjectStore", "ScheduledBackup", "Keycloak", "KeycloakRealmImport");
        String namespace = overlay.equals("production") ? "student-support" : "student-support-demo";
        for (ObjectNode object : rendered) {
            KubernetesModel.parse(object);
            if (!object.path("kind").asText().equals("Namespace")) {
                assertThat(object.path("metadata").path("namespace").asText()).as(object.toString()).isEqualTo(namespace);
            }
        }
    }

    @Test
    void anUnknownFieldIsRejected() {
        ObjectNode deployment = Kustomize.render(OVERLAYS.resolve("production")).stream()
                .filter(o -> o.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
                .put("readinessprobe", "misspelt");
        assertThatThrownBy(() -> KubernetesModel.parse(deployment)).hasMessageContaining("readinessprobe");

        ObjectNode cluster = Kustomize.render(OVERLAYS.resolve("production")).stream()
                .filter(o -> o.path("kind").asText().equals("Cluster")).findFirst().orElseThrow();
        ((ObjectNode) cluster.path("spec")).put("instance", 3);
        assertThatThrownBy(() -> KubernetesModel.parse(cluster)).hasMessageContaining("instance");
    }

    @Test
    void theDeploymentRunsHardenedReplicasWithProbesOnTheRealHealthPaths() {
        List<Object> objects = objects("production");
        Deployment deployment = one(objects, Deployment.class, "student-support");
        // The autoscaler owns the replica count; re-applying the manifests must not reset it.
        assertThat(deployment.getSpec().getReplicas()).isNull();
        HorizontalPodAutoscaler hpa = one(objects, HorizontalPodAutoscaler.class, "student-support");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("student-support");
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getTopologySpreadConstraints()).extracting(c -> c.getTopologyKey())
                .contains("kubernetes.io/hostname", "topology.kubernetes.io/zone");
        Container app = pod.getContainers().get(0);
        // The tag the image build gives (the project version) is the one the overlays deploy.
        assertThat(app.getImage()).isEqualTo("ghcr.io/student-support/student-support:" + projectVersion());
        assertThat(one(objects("demo"), Deployment.class, "student-support").getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage()).isEqualTo(app.getImage());
        assertThat(app.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(app.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(app.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(app.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(app.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(app.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(app.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(Integer.parseInt(defaultOf("quarkus.http.port")));
        });
        for (var probe : List.of(app.getStartupProbe(), app.getReadinessProbe(), app.getLivenessProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        }
        Map<String, Quantity> limits = app.getResources().getLimits();
        Map<String, Quantity> requests = app.getResources().getRequests();
        assertThat(Quantity.getAmountInBytes(limits.get("memory"))).isEqualByComparingTo(Quantity.getAmountInBytes(new Quantity("1Gi")));
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(envValueSecret(app, "AUDIT_CHECKPOINT_KEY")).isEqualTo("student-support-audit/checkpoint-key");
        assertThat(envValueSecret(app, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo("student-support-db-app/password");
        assertThat(envValueSecret(app, "QUARKUS_FLYWAY_PASSWORD")).isEqualTo("student-support-db-owner/password");

        // /tmp holds the roster uploads an instance may hold at once.
        long heldUploads = Long.parseLong(propertyValue("studentsupport.roster-import.max-held-uploads", "3"))
                * Long.parseLong(propertyValue("studentsupport.roster-import.max-upload-bytes", null));
        assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("tmp")).singleElement().satisfies(v ->
                assertThat(Quantity.getAmountInBytes(v.getEmptyDir().getSizeLimit()).longValue()).isGreaterThan(heldUploads));

        Service service = one(objects("production"), Service.class, "student-support");
        assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
    }

    @Test
    void theServiceReachesOnlyItsDatabaseAndKeycloak() {
        List<Object> objects = objects("production");
        NetworkPolicy policy = one(objects, NetworkPolicy.class, "student-support");
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).singleElement()
                .satisfies(rule -> assertThat(rule.getPorts()).singleElement()
                        .satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(8080)));
        List<String> egressTargets = policy.getSpec().getEgress().stream()
                .flatMap(rule -> rule.getTo().stream())
                .map(peer -> peer.getIpBlock() != null ? peer.getIpBlock().getCidr()
                        : String.valueOf(peer.getPodSelector().getMatchLabels()))
                .toList();
        // Cluster DNS (also NodeLocal DNSCache's link-local address), the database, Keycloak, and public
        // addresses for webhooks and mail: nothing else.
        assertThat(egressTargets).containsExactlyInAnyOrder("{k8s-app=kube-dns}", "169.254.20.10/32",
                "{cnpg.io/cluster=student-support-db}", "{app=keycloak, app.kubernetes.io/instance=student-support-sso}",
                "0.0.0.0/0");
        var outside = policy.getSpec().getEgress().stream()
                .filter(rule -> rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null
                        && peer.getIpBlock().getCidr().equals("0.0.0.0/0")))
                .findFirst().orElseThrow();
        assertThat(outside.getTo().get(0).getIpBlock().getExcept())
                .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");
        assertThat(outside.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactlyInAnyOrder(443, 587);
        KubernetesModel.Cnpg.Cluster db = one(objects, KubernetesModel.Cnpg.Cluster.class, "student-support-db");
        assertThat(db.spec().instances()).isEqualTo(3);
        assertThat(config(objects).get("QUARKUS_DATASOURCE_JDBC_URL"))
                .startsWith("jdbc:postgresql://" + db.metadata().name() + "-rw:5432/" + db.spec().bootstrap().initdb().database());
        assertThat(config(objects).get("REPORTS_JDBC_URL"))
                .isEqualTo("jdbc:postgresql://" + db.metadata().name() + "-ro:5432/" + db.spec().bootstrap().initdb().database());
        KubernetesModel.KeycloakOperator.Keycloak keycloak = one(objects, KubernetesModel.KeycloakOperator.Keycloak.class, "student-support-sso");
        assertThat(config(objects).get("QUARKUS_OIDC_AUTH_SERVER_URL")).startsWith("http://" + keycloak.metadata().name() + "-service:8080/");
        assertThat(config(objects).get("QUARKUS_OIDC_TOKEN_ISSUER")).isEqualTo(keycloak.spec().hostname().hostname() + "/realms/student-support");
        assertThat(keycloak.spec().hostname().backchannelDynamic()).isTrue();
        assertThat(keycloak.spec().unsupported().podTemplate().getSpec().getSecurityContext().getSeccompProfile().getType())
                .isEqualTo("RuntimeDefault");
        assertThat(one(objects("demo"), KubernetesModel.Cnpg.Cluster.class, "student-support-db").spec().instances()).isEqualTo(1);
    }

    @Test
    void everyDatabaseRoleTheServiceUsesIsTheOneTheClusterCreates() {
        List<Object> objects = objects("production");
        KubernetesModel.Cnpg.Cluster db = one(objects, KubernetesModel.Cnpg.Cluster.class, "student-support-db");
        Container app = one(objects, Deployment.class, "student-support").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(envValueSecret(app, "QUARKUS_FLYWAY_USERNAME"))
                .isEqualTo(db.spec().bootstrap().initdb().secret().name() + "/username");
        assertThat(db.spec().managed().roles()).singleElement().satisfies(role -> {
            assertThat(role.login()).isTrue();
            assertThat(envValueSecret(app, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo(role.passwordSecret().name() + "/username");
        });
    }

    /** Every variable the manifests set is one the application reads and the README documents. */
    @ParameterizedTest
    @ValueSource(strings = {"production", "demo"})
    void everyEnvironmentVariableIsReadByTheApplication(String overlay) throws IOException {
        List<Object> objects = objects(overlay);
        Container app = one(objects, Deployment.class, "student-support").getSpec().getTemplate().getSpec().getContainers().get(0);
        Set<String> names = new TreeSet<>(config(objects).keySet());
        app.getEnv().forEach(e -> names.add(e.getName()));
        assertThat(app.getEnvFrom()).singleElement()
                .satisfies(from -> assertThat(from.getConfigMapRef().getName()).isEqualTo("student-support-config"));
        String properties = Files.readString(PROPERTIES);
        String readme = Files.readString(Path.of("README.md"));
        for (String name : names) {
            assertThat(readme).as("README documents " + name).contains("`" + name + "`");
            if (JVM_SETTINGS.contains(name)) {
                continue;
            }
            boolean expression = properties.contains("${" + name + ":") || properties.contains("${" + name + "}");
            boolean quarkusProperty = name.startsWith("QUARKUS_") && KNOWN_QUARKUS_SETTINGS.contains(name);
            assertThat(expression || quarkusProperty).as(name + " is read by the application").isTrue();
        }
        for (EnvVar env : app.getEnv()) {
            if (JVM_SETTINGS.contains(env.getName())) {
                continue;
            }
            assertThat(env.getValue()).as(env.getName() + " comes from a Secret").isNull();
        }
    }

    /** Variables the JVM itself reads (JVM flags), set in the manifests as plain values. */
    static final Set<String> JVM_SETTINGS = Set.of("JAVA_TOOL_OPTIONS");

    /** Quarkus settings given as variables without an expression in application.properties. */
    static final Set<String> KNOWN_QUARKUS_SETTINGS = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD",
            "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_TOKEN_ISSUER");

    @ParameterizedTest
    @ValueSource(strings = {"production", "demo"})
    void secretsAreOnlyReferenced(String overlay) {
        for (ObjectNode object : Kustomize.render(OVERLAYS.resolve(overlay))) {
            assertThat(object.path("kind").asText()).isNotEqualTo("Secret");
            assertThat(object.toString()).doesNotContainIgnoringCase("\"password\":\"")
                    .doesNotContain("stringData");
        }
    }

    /** Only what the contract publishes is routed from outside: never /q (health, metrics, OpenAPI). */
    @ParameterizedTest
    @ValueSource(strings = {"production", "demo"})
    void theIngressPublishesTheApiAndNothingUnderQ(String overlay) throws IOException {
        Ingress ingress = one(objects(overlay), Ingress.class, "student-support");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls ->
                assertThat(tls.getHosts()).containsExactly(ingress.getSpec().getRules().get(0).getHost()));
        List<String> prefixes = ingress.getSpec().getRules().get(0).getHttp().getPaths().stream()
                .peek(p -> assertThat(p.getPathType()).isEqualTo("Prefix"))
                .map(HTTPIngressPath::getPath).toList();
        assertThat(prefixes).containsExactlyInAnyOrder("/api/", "/fhir/", "/app/");
        Set<String> contractPaths = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^  (/[^:]*):").matcher(Files.readString(Path.of("openapi/openapi.yaml")));
        while (m.find()) {
            contractPaths.add(m.group(1));
        }
        assertThat(contractPaths).isNotEmpty().allSatisfy(path ->
                assertThat(prefixes).as(path + " is routed").anyMatch(path::startsWith));
        assertThat(prefixes).noneMatch(p -> p.startsWith("/q")).doesNotContain("/");
    }

    /** Keycloak is published with TLS and only its realm endpoints; the admin console stays inside. */
    @ParameterizedTest
    @ValueSource(strings = {"production", "demo"})
    void keycloakIsPublishedOnlyForSignInAndTokens(String overlay) {
        List<Object> objects = objects(overlay);
        KubernetesModel.KeycloakOperator.Keycloak keycloak = one(objects, KubernetesModel.KeycloakOperator.Keycloak.class, "student-support-sso");
        assertThat(keycloak.spec().ingress().enabled()).isFalse();
        Ingress sso = one(objects, Ingress.class, "student-support-sso");
        String host = sso.getSpec().getRules().get(0).getHost();
        assertThat(keycloak.spec().hostname().hostname()).isEqualTo("https://" + host);
        assertThat(config(objects).get("QUARKUS_OIDC_TOKEN_ISSUER")).isEqualTo("https://" + host + "/realms/student-support");
        assertThat(sso.getSpec().getTls()).singleElement().satisfies(tls -> assertThat(tls.getHosts()).containsExactly(host));
        assertThat(sso.getSpec().getRules().get(0).getHttp().getPaths()).allSatisfy(p -> {
            assertThat(p.getBackend().getService().getName()).isEqualTo(keycloak.metadata().name() + "-service");
            assertThat(p.getBackend().getService().getPort().getNumber()).isEqualTo(8080);
        }).extracting(HTTPIngressPath::getPath).containsExactlyInAnyOrder("/realms/", "/resources/");

        PodDisruptionBudget pdb = one(objects, PodDisruptionBudget.class, "student-support-sso");
        assertThat(pdb.getSpec().getSelector().getMatchLabels())
                .containsEntry("app", "keycloak").containsEntry("app.kubernetes.io/instance", keycloak.metadata().name());
        assertThat(keycloak.spec().unsupported().podTemplate().getSpec().getTopologySpreadConstraints())
                .extracting(c -> c.getTopologyKey()).contains("kubernetes.io/hostname");
    }

    @Test
    void theDemoHasItsOwnHostnamesItsDataAndReadsReportsFromItsOnlyInstance() {
        List<Object> demo = objects("demo");
        List<Object> production = objects("production");
        for (String ingress : List.of("student-support", "student-support-sso")) {
            assertThat(one(demo, Ingress.class, ingress).getSpec().getRules().get(0).getHost())
                    .isNotEqualTo(one(production, Ingress.class, ingress).getSpec().getRules().get(0).getHost());
        }
        assertThat(config(demo)).containsEntry("DEMO_DATA", "true")
                .containsEntry("REPORTS_JDBC_URL", "jdbc:postgresql://student-support-db-rw:5432/student_support");
        assertThat(config(production)).doesNotContainKey("DEMO_DATA");
        assertThat(defaultOf("studentsupport.demo.enabled")).isEqualTo("false");
    }

    @Test
    void theDatabaseIsBackedUpNightlyThroughTheBarmanCloudPlugin() {
        List<Object> objects = objects("production");
        KubernetesModel.Cnpg.Cluster db = one(objects, KubernetesModel.Cnpg.Cluster.class, "student-support-db");
        KubernetesModel.Cnpg.ObjectStore store = one(objects, KubernetesModel.Cnpg.ObjectStore.class, "student-support-db-backups");
        assertThat(db.spec().plugins()).singleElement().satisfies(plugin -> {
            assertThat(plugin.name()).isEqualTo("barman-cloud.cloudnative-pg.io");
            assertThat(plugin.isWALArchiver()).isTrue();
            assertThat(plugin.parameters()).containsEntry("barmanObjectName", store.metadata().name());
        });
        assertThat(store.spec().configuration().s3Credentials().accessKeyId().name()).isEqualTo("student-support-db-backup");
        KubernetesModel.Cnpg.ScheduledBackup nightly = one(objects, KubernetesModel.Cnpg.ScheduledBackup.class, "student-support-db-nightly");
        assertThat(nightly.spec().cluster().name()).isEqualTo(db.metadata().name());
        assertThat(nightly.spec().method()).isEqualTo("plugin");
        assertThat(nightly.spec().pluginConfiguration().name()).isEqualTo("barman-cloud.cloudnative-pg.io");
        // Six fields: seconds first.
        assertThat(nightly.spec().schedule().split(" ")).hasSize(6);
    }

    @Test
    void prometheusSelectsTheServiceMonitor() {
        ServiceMonitor monitor = one(objects("production"), ServiceMonitor.class, "student-support");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
        assertThat(monitor.getSpec().getEndpoints()).singleElement()
                .satisfies(e -> assertThat(e.getPath()).isEqualTo("/q/metrics"));
    }

    /** The project version of pom.xml: the tag the image build gives the image. */
    static String projectVersion() {
        try {
            Matcher m = Pattern.compile("<artifactId>student-support</artifactId>\\s*<version>([^<]+)</version>")
                    .matcher(Files.readString(Path.of("pom.xml")));
            assertThat(m.find()).as("project version in pom.xml").isTrue();
            return m.group(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, String> config(List<Object> objects) {
        return one(objects, ConfigMap.class, "student-support-config").getData();
    }

    static String envValueSecret(Container container, String name) {
        EnvVar env = container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
        var ref = env.getValueFrom().getSecretKeyRef();
        return ref.getName() + "/" + ref.getKey();
    }

    /** The default in {@code key=${VAR:default}} of application.properties. */
    static String defaultOf(String key) {
        try {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "=\\$\\{[A-Z_]+:([^}]*)}").matcher(Files.readString(PROPERTIES));
            assertThat(m.find()).as(key).isTrue();
            return m.group(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The value of {@code key=value} in application.properties (no profile), or the fallback. */
    static String propertyValue(String key, String fallback) {
        try {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "=(.*)$").matcher(Files.readString(PROPERTIES));
            if (m.find()) {
                return m.group(1).trim();
            }
            assertThat(fallback).as(key + " in application.properties").isNotNull();
            return fallback;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n")));
    }
}
