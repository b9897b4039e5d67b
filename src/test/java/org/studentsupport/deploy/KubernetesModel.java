package org.studentsupport.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Parses rendered manifests into typed objects and rejects any field the type does not know: the
 * Kubernetes object model (fabric8) for built-in kinds and the Prometheus Operator's ServiceMonitor,
 * and records of the CloudNativePG and Keycloak Operator resources for the fields these manifests use
 * (their CRDs are not in that model). A misspelt or misplaced field fails here rather than being
 * dropped by the API server.
 */
final class KubernetesModel {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", Cnpg.Cluster.class),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", Cnpg.ScheduledBackup.class),
            Map.entry("barmancloud.cnpg.io/v1/ObjectStore", Cnpg.ObjectStore.class),
            Map.entry("k8s.keycloak.org/v2alpha1/Keycloak", KeycloakOperator.Keycloak.class),
            Map.entry("k8s.keycloak.org/v2alpha1/KeycloakRealmImport", KeycloakOperator.RealmImport.class));

    private KubernetesModel() {
    }

    static Object parse(ObjectNode manifest) {
        String type = manifest.path("apiVersion").asText() + "/" + manifest.path("kind").asText();
        Class<?> target = TYPES.get(type);
        if (target == null) {
            throw new IllegalArgumentException("no model for " + type);
        }
        try {
            Object parsed = STRICT.treeToValue(manifest, target);
            List<String> unknown = new ArrayList<>();
            collectUnknown(parsed, type + " " + manifest.path("metadata").path("name").asText(), unknown);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown fields: " + unknown);
            }
            return parsed;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(type + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The fabric8 model keeps unknown fields in {@code additionalProperties}; none may be there. */
    private static void collectUnknown(Object value, String path, List<String> unknown) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof JsonNode) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknown(v, path + "/" + k, unknown));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object element : list) {
                collectUnknown(element, path + "/" + i++, unknown);
            }
            return;
        }
        if (value instanceof Record record) {
            for (var component : record.getClass().getRecordComponents()) {
                try {
                    collectUnknown(component.getAccessor().invoke(record), path + "/" + component.getName(), unknown);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class || !method.getName().startsWith("get")) {
                continue;
            }
            try {
                Object child = method.invoke(value);
                if (method.getName().equals("getAdditionalProperties")) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    collectUnknown(child, path + "/" + method.getName().substring(3), unknown);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    record SecretKey(String name, String key) {
    }

    record SecretName(String name) {
    }

    /** CloudNativePG {@code postgresql.cnpg.io/v1}: the fields of its Cluster these manifests use. */
    static final class Cnpg {
        private Cnpg() {
        }

        record Cluster(String apiVersion, String kind, Metadata metadata, Spec spec) {
        }

        record Spec(int instances, String imageName, String primaryUpdateStrategy, Postgresql postgresql,
                    Bootstrap bootstrap, Managed managed, Storage storage, ResourceRequirements resources,
                    Affinity affinity, Monitoring monitoring, List<Plugin> plugins) {
        }

        record Plugin(String name, Boolean isWALArchiver, Map<String, String> parameters) {
        }

        record Postgresql(Map<String, String> parameters) {
        }

        record Bootstrap(Initdb initdb) {
        }

        record Initdb(String database, String owner, SecretName secret) {
        }

        record Managed(List<Role> roles) {
        }

        record Role(String name, String ensure, boolean login, boolean inherit, Integer connectionLimit,
                    SecretName passwordSecret) {
        }

        record Storage(String size, String storageClass) {
        }

        record Affinity(Boolean enablePodAntiAffinity, String topologyKey) {
        }

        record Monitoring(Boolean enablePodMonitor) {
        }

        /** The Barman Cloud plugin's {@code barmancloud.cnpg.io/v1} ObjectStore. */
        record ObjectStore(String apiVersion, String kind, Metadata metadata, ObjectStoreSpec spec) {
        }

        record ObjectStoreSpec(String retentionPolicy, BarmanObjectStore configuration) {
        }

        record ScheduledBackup(String apiVersion, String kind, Metadata metadata, ScheduledBackupSpec spec) {
        }

        record ScheduledBackupSpec(String schedule, String backupOwnerReference, Named cluster, String method,
                                   Named pluginConfiguration, String target) {
        }

        record Named(String name) {
        }

        record BarmanObjectStore(String destinationPath, String endpointURL, S3Credentials s3Credentials,
                                 Compression wal, Compression data) {
        }

        record S3Credentials(SecretKey accessKeyId, SecretKey secretAccessKey) {
        }

        record Compression(String compression) {
        }
    }

    /** Keycloak Operator {@code k8s.keycloak.org/v2alpha1}: Keycloak and KeycloakRealmImport. */
    static final class KeycloakOperator {
        private KeycloakOperator() {
        }

        record Keycloak(String apiVersion, String kind, Metadata metadata, Spec spec) {
        }

        record Spec(int instances, Db db, Http http, Hostname hostname, Proxy proxy, IngressSpec ingress,
                    List<Option> additionalOptions, ResourceRequirements resources, Unsupported unsupported) {
        }

        record Unsupported(io.fabric8.kubernetes.api.model.PodTemplateSpec podTemplate) {
        }

        record Db(String vendor, String host, int port, String database, SecretKey usernameSecret,
                  SecretKey passwordSecret) {
        }

        record Http(Boolean httpEnabled, String tlsSecret) {
        }

        record Hostname(String hostname, Boolean backchannelDynamic, Boolean strict) {
        }

        record Proxy(String headers) {
        }

        record IngressSpec(Boolean enabled, String className) {
        }

        record Option(String name, String value) {
        }

        record RealmImport(String apiVersion, String kind, Metadata metadata, RealmImportSpec spec) {
        }

        record RealmImportSpec(String keycloakCRName, JsonNode realm, Map<String, Placeholder> placeholders) {
        }

        record Placeholder(SecretKey secret) {
        }
    }
}
