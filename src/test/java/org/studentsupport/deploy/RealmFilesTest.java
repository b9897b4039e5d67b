package org.studentsupport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The realms come from one source; the production realm imports no user and no secret. */
class RealmFilesTest {

    private static final Path BASE = Path.of("");
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode realmOf(String importFile) throws IOException {
        JsonNode resource = JSON.readTree(BASE.resolve(importFile).toFile());
        return resource.path("spec").path("realm");
    }

    @Test
    void theCommittedRealmImportsAreWhatTheBuildGenerates() throws IOException {
        assertThat(Files.readString(Path.of(RealmFiles.PRODUCTION_IMPORT)))
                .isEqualTo(RealmFiles.render(RealmFiles.realmImport(RealmFiles.productionRealm(BASE), true)));
        assertThat(Files.readString(Path.of(RealmFiles.DEMO_IMPORT)))
                .isEqualTo(RealmFiles.render(RealmFiles.realmImport(RealmFiles.demoRealm(BASE), false)));
        assertThat(Files.readString(Path.of(RealmFiles.EMBEDDED_DEMO_REALM)))
                .isEqualTo(RealmFiles.render(RealmFiles.demoRealm(BASE)));
    }

    @Test
    void theProductionRealmHasNoUserNoSecretNoPasswordGrantAndNoFixedRedirect() throws IOException {
        JsonNode realm = realmOf(RealmFiles.PRODUCTION_IMPORT);
        assertThat(realm.path("realm").asText()).isEqualTo("student-support");
        assertThat(realm.has("users")).isFalse();
        assertThat(realm.has("federatedUsers")).isFalse();
        assertThat(fieldNames(realm)).doesNotContain("secret", "credentials", "password", "value");
        for (JsonNode client : realm.path("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as(client.path("clientId").asText()).isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean(false)).isFalse();
            for (JsonNode uri : client.path("redirectUris")) {
                assertThat(uri.asText()).isEqualTo("${" + RealmFiles.REDIRECT_PLACEHOLDER + "}");
            }
        }
        JsonNode placeholder = JSON.readTree(Path.of(RealmFiles.PRODUCTION_IMPORT).toFile())
                .path("spec").path("placeholders").path(RealmFiles.REDIRECT_PLACEHOLDER).path("secret");
        assertThat(placeholder.path("name").asText()).isEqualTo("student-support-realm-config");
    }

    @Test
    void theDemoRealmIsTheProductionRealmPlusTheDemoUsers() throws IOException {
        JsonNode production = realmOf(RealmFiles.PRODUCTION_IMPORT);
        JsonNode demo = realmOf(RealmFiles.DEMO_IMPORT);
        assertThat(names(demo.path("roles").path("realm"), "name")).isEqualTo(names(production.path("roles").path("realm"), "name"));
        assertThat(names(demo.path("clients"), "clientId")).isEqualTo(names(production.path("clients"), "clientId"));
        assertThat(names(demo.path("users"), "username")).contains("coord.elm", "super.riverton", "admin.riverton",
                "provider.mentoring", "service-account-student-support-import");
        JsonNode web = client(demo, "student-support-web");
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(web.path("protocolMappers")).hasSameSizeAs(client(production, "student-support-web").path("protocolMappers"));
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static Set<String> names(JsonNode list, String field) {
        Set<String> names = new TreeSet<>();
        list.forEach(element -> names.add(element.path(field).asText()));
        return names;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                names.add(f.getKey());
                names.addAll(fieldNames(f.getValue()));
            });
        } else if (node.isArray()) {
            node.forEach(element -> names.addAll(fieldNames(element)));
        }
        return names;
    }
}
