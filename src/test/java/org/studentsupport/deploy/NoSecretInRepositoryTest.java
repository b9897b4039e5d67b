package org.studentsupport.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret value is committed: no key material or cloud token anywhere, no literal credential in
 * the production settings or manifests, and the published demo credentials only where the demo and
 * the tests use them.
 */
class NoSecretInRepositoryTest {

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", ".idea");
    private static final Pattern KEY_MATERIAL = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|xox[abp]-[A-Za-z0-9-]{10,}");
    /** Credentials the README publishes for the demo and the tests. */
    private static final List<String> DEMO_CREDENTIALS = List.of("demo-password", "demo-import-secret",
            "demo-checkpoint-key", "test-checkpoint-key", "local-admin");
    private static final List<String> DEMO_PLACES = List.of("README.md", "CHANGELOG.md", "k8s/keycloak/realm-demo.json",
            RealmFiles.DEMO_IMPORT, "src/main/resources/application.properties", "src/main/java/org/studentsupport/embedded/",
            "src/main/java/org/studentsupport/school/DistrictDemoData.java", "src/test/");
    private static final Pattern SECRET_SETTING = Pattern.compile("(?i)^[a-z0-9.\\-\\[\\]]*(password|secret|checkpoint-key|credential)[a-z0-9.\\-]*=(.*)$");

    static List<Path> repositoryFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("."))) {
            walk.filter(Files::isRegularFile)
                    .map(p -> Path.of(".").relativize(p))
                    .filter(p -> {
                        for (Path part : p) {
                            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .forEach(files::add);
        }
        return files;
    }

    static String text(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (MalformedInputException binary) {
            return "";
        }
    }

    @Test
    void noKeyMaterialOrTokenIsCommitted() throws IOException {
        for (Path file : repositoryFiles()) {
            assertThat(KEY_MATERIAL.matcher(text(file)).find()).as(file.toString()).isFalse();
        }
    }

    @Test
    void theDemoCredentialsAppearOnlyWhereTheDemoAndTheTestsUseThem() throws IOException {
        List<String> misplaced = new ArrayList<>();
        for (Path file : repositoryFiles()) {
            String path = file.toString().replace('\\', '/');
            if (DEMO_PLACES.stream().anyMatch(path::startsWith)) {
                continue;
            }
            String text = text(file);
            DEMO_CREDENTIALS.stream().filter(text::contains).forEach(c -> misplaced.add(path + ": " + c));
        }
        assertThat(misplaced).isEmpty();
    }

    @Test
    void productionSettingsTakeEverySecretFromTheEnvironment() throws IOException {
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            var m = SECRET_SETTING.matcher(line.strip());
            if (m.matches()) {
                // An environment variable, or the datasource's own password (which is one) for the report database.
                assertThat(m.group(2)).as(line).matches("\\$\\{([A-Z_]+|quarkus\\.datasource\\.password)}");
            }
        }
    }

    @Test
    void theDemoCredentialsAreNotInTheProductionManifests() {
        String production = Kustomize.render(ManifestsTest.OVERLAYS.resolve("production")).toString();
        for (String credential : DEMO_CREDENTIALS) {
            assertThat(production).doesNotContain(credential);
        }
        assertThat(production).doesNotContain("\"secret\":\"").doesNotContain("\"users\"");
    }
}
