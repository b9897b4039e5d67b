package org.studentsupport.embedded;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which service an embedded server belongs to, so that the servers die with the service (also when
 * the service is killed with {@code kill -9}) and a server left behind is never taken for a new one.
 *
 * <p>Each embedded server keeps an owner file next to its data: the process id of the service that
 * started it and the id that reaches the server (a process, or a process group written as
 * {@code -pgid}). A watchdog process, started with the server, waits for the service to go away and
 * then stops the server. At the next start, a server named in the owner file that still runs is
 * either another running service's (refused with a clear message) or one left behind by a service
 * that is gone (stopped before anything is touched).
 */
final class EmbeddedOwnership {

    private static final Logger LOG = Logger.getLogger(EmbeddedOwnership.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /** The owner file's two lines: the service's process id and the server's signal target. */
    record Owner(long service, String server) {
    }

    private EmbeddedOwnership() {
    }

    static long servicePid() {
        return ProcessHandle.current().pid();
    }

    static void write(Path ownerFile, String server) {
        try {
            Files.createDirectories(ownerFile.toAbsolutePath().getParent());
            Files.writeString(ownerFile, servicePid() + "\n" + server + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + ownerFile, e);
        }
    }

    static Optional<Owner> read(Path ownerFile) {
        try {
            if (!Files.isRegularFile(ownerFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(ownerFile, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+") || !lines.get(1).strip().matches("-?\\d+")) {
                return Optional.empty();
            }
            return Optional.of(new Owner(Long.parseLong(lines.get(0).strip()), lines.get(1).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + ownerFile, e);
        }
    }

    /**
     * Makes sure no earlier server is running on this data: a server left behind by a service that is
     * gone is stopped (with {@code stopSignal}, then {@code KILL} after a minute); one that belongs to a
     * running service is refused.
     */
    static void clearStale(Path ownerFile, String what, String stopSignal, String marker) {
        Optional<Owner> owner = read(ownerFile);
        if (owner.isEmpty() || !alive(owner.get().server()) || !looksLike(owner.get().server(), marker)) {
            // nothing left running, or the number has since gone to a process that is not ours
            deleteQuietly(ownerFile);
            return;
        }
        long service = owner.get().service();
        if (service != servicePid() && ProcessHandle.of(service).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("the embedded " + what + " on " + ownerFile.getParent()
                    + " belongs to the service with process id " + service + ", which is still running; stop it first");
        }
        LOG.warnf("An embedded %s left behind by a service that is gone (process %s) is still running: stopping it",
                what, owner.get().server());
        signal(stopSignal, owner.get().server());
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        while (alive(owner.get().server()) && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(250));
        }
        if (alive(owner.get().server())) {
            signal("KILL", owner.get().server());
            while (alive(owner.get().server())) {
                pause(Duration.ofMillis(100));
            }
        }
        deleteQuietly(ownerFile);
    }

    /**
     * Starts the watchdog: a small process outside this JVM that, once this service is gone, sends
     * {@code signal} to the server unless the owner file is gone (the server was stopped in order) or
     * names another owner, waits for the server to end and removes the owner file.
     */
    static void watch(Path ownerFile, String server, String signal) {
        String script = """
                service=$1; server=$2; owner=$3; sig=$4
                while kill -0 "$service" 2>/dev/null; do sleep 1; done
                if [ "$(head -n 2 "$owner" 2>/dev/null | tr '\\n' ' ')" = "$service $server " ]; then
                    kill -"$sig" -- "$server" 2>/dev/null
                    while kill -0 -- "$server" 2>/dev/null; do sleep 1; done
                    rm -f "$owner"
                fi
                """;
        try {
            new ProcessBuilder("bash", "-c", script, "embedded-watchdog", Long.toString(servicePid()), server,
                    ownerFile.toAbsolutePath().toString(), signal)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the watchdog of " + server, e);
        }
    }

    /** Whether the process (or the leader of the group) runs with {@code marker} on its command line. */
    private static boolean looksLike(String server, String marker) {
        long pid = Math.abs(Long.parseLong(server));
        return ProcessHandle.of(pid)
                .flatMap(process -> process.info().commandLine())
                .map(line -> line.contains(marker))
                .orElse(false);
    }

    /** Whether a process ({@code pid}) or process group ({@code -pgid}) still has a live member. */
    static boolean alive(String target) {
        return signal("0", target);
    }

    static boolean signal(String signal, String target) {
        try {
            Process kill = new ProcessBuilder("bash", "-c", "kill -" + signal + " -- \"$1\" 2>/dev/null", "kill", target)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("could not signal " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale owner file is overwritten at the next start anyway
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping an embedded server", e);
        }
    }
}
