package org.studentsupport.deploy;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Generates every realm the project uses from one source, so that the production realm and the demo
 * realm cannot drift apart: {@code k8s/keycloak/realm-student-support.json} (roles, clients, mappers;
 * no users, no secrets) and {@code k8s/keycloak/realm-demo.json} (what the demo adds: users, the import
 * client's demo secret, the password grant, localhost redirect URIs; clients merged by client id).
 *
 * <p>Writes the demo realm for the embedded Keycloak of the run command and the tests, and the
 * Keycloak Operator's realm imports of the two overlays. Run by the build before the tests
 * ({@code process-test-classes}); a test checks the committed imports are what it writes.
 */
public final class RealmFiles {

    static final String SOURCE = "k8s/keycloak/realm-student-support.json";
    static final String DEMO_ADDITIONS = "k8s/keycloak/realm-demo.json";
    static final String EMBEDDED_DEMO_REALM = "target/realm/realm-student-support-demo.json";
    static final String PRODUCTION_IMPORT = "k8s/overlays/production/realm-import.json";
    static final String DEMO_IMPORT = "k8s/overlays/demo/realm-import.json";
    /** Set from a Secret by the operator's import job: the production realm names no host. */
    static final String REDIRECT_PLACEHOLDER = "WEB_REDIRECT_URI";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path base = Path.of(args.length > 0 ? args[0] : ".");
        write(base.resolve(EMBEDDED_DEMO_REALM), demoRealm(base));
        write(base.resolve(PRODUCTION_IMPORT), realmImport(productionRealm(base), true));
        write(base.resolve(DEMO_IMPORT), realmImport(demoRealm(base), false));
    }

    static ObjectNode productionRealm(Path base) throws IOException {
        return withoutComments((ObjectNode) JSON.readTree(base.resolve(SOURCE).toFile()));
    }

    static ObjectNode demoRealm(Path base) throws IOException {
        ObjectNode realm = productionRealm(base);
        ObjectNode additions = withoutComments((ObjectNode) JSON.readTree(base.resolve(DEMO_ADDITIONS).toFile()));
        for (Iterator<Map.Entry<String, JsonNode>> it = additions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("clients")) {
                mergeClients((ArrayNode) realm.withArray("clients"), (ArrayNode) field.getValue());
            } else if (field.getValue().isArray() && realm.path(field.getKey()).isArray()) {
                ((ArrayNode) realm.get(field.getKey())).addAll((ArrayNode) field.getValue());
            } else {
                realm.set(field.getKey(), field.getValue());
            }
        }
        return realm;
    }

    static String render(JsonNode node) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer(printer).writeValueAsString(node) + "\n";
    }

    static ObjectNode realmImport(ObjectNode realm, boolean production) {
        ObjectNode resource = JSON.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        ObjectNode metadata = resource.putObject("metadata");
        metadata.put("name", "student-support-realm");
        metadata.putObject("annotations").put("student-support/generated-from",
                production ? SOURCE : SOURCE + " + " + DEMO_ADDITIONS);
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", "student-support-sso");
        if (production) {
            spec.putObject("placeholders").putObject(REDIRECT_PLACEHOLDER).putObject("secret")
                    .put("name", "student-support-realm-config").put("key", "web-redirect-uri");
        }
        spec.set("realm", realm);
        return resource;
    }

    private static void mergeClients(ArrayNode clients, ArrayNode changes) {
        for (JsonNode change : changes) {
            String clientId = change.path("clientId").asText();
            ObjectNode client = null;
            for (JsonNode candidate : clients) {
                if (candidate.path("clientId").asText().equals(clientId)) {
                    client = (ObjectNode) candidate;
                }
            }
            if (client == null) {
                clients.add(change);
            } else {
                client.setAll((ObjectNode) change);
            }
        }
    }

    private static ObjectNode withoutComments(ObjectNode node) {
        node.properties().removeIf(field -> field.getKey().startsWith("_"));
        return node;
    }

    private static void write(Path file, JsonNode content) throws IOException {
        Files.createDirectories(file.getParent());
        String text = render(content);
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }
}
