package org.studentsupport.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Out of memory, the service's JVM exits (and the orchestrator starts a fresh one) rather than
 * running on with threads that died: the flag is on every way the service is started.
 */
class ExitOnOutOfMemoryTest {

    private static final String FLAG = "-XX:+ExitOnOutOfMemoryError";

    @ParameterizedTest
    @ValueSource(strings = {"production", "demo"})
    void theDeploymentStartsTheJvmWithTheFlag(String overlay) {
        Container app = ManifestsTest.one(ManifestsTest.objects(overlay), Deployment.class, "student-support")
                .getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(app.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).contains(org.assertj.core.groups.Tuple.tuple("JAVA_TOOL_OPTIONS", FLAG));
    }

    @Test
    void theImageAndTheRunCommandStartTheJvmWithTheFlag() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).containsPattern("<quarkus.jib.jvm-additional-arguments>[^<]*" + FLAG.replace("+", "\\+") + "[^<]*<");
        String runProfile = pom.substring(pom.indexOf("<id>run</id>"));
        assertThat(runProfile).contains("<argument>" + FLAG + "</argument>");
    }

    @Test
    void aJvmWithTheFlagExitsWhenItRunsOutOfMemory() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", FLAG, "-cp", System.getProperty("java.class.path"), Exhaust.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the JVM exited").isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("Terminating due to java.lang.OutOfMemoryError").doesNotContain("survived");
    }

    /** Fills the heap on a worker thread, as an oversized request would; the main thread would go on. */
    public static final class Exhaust {
        public static void main(String[] args) throws InterruptedException {
            Thread worker = new Thread(() -> {
                List<long[]> hoard = new ArrayList<>();
                while (true) {
                    hoard.add(new long[1 << 20]);
                }
            });
            worker.start();
            worker.join();
            Thread.sleep(2000);
            System.out.println("survived");
        }
    }
}
