package org.studentsupport.audittrail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The verification as a command, against a database directly:
 * {@code ./mvnw -q compile exec:java -Dexec.mainClass=org.studentsupport.audittrail.VerifyAuditTrail
 * -Dexec.args="<jdbc-url> <user> [from] [to] [--witness=<file>] [--seal-lag=<ISO-8601 duration>]"} with the
 * password in {@code PGPASSWORD} and the checkpoint key in {@code AUDIT_CHECKPOINT_KEY}. The witness file is
 * the service log, or any file that keeps its "Audit checkpoint: position=... chain=... signature=..." lines;
 * the latest checkpoint in it must be in the chain. Exits 0 when the trail verifies, 1 when it does not,
 * 2 on bad input (a range outside the chain included).
 */
public final class VerifyAuditTrail {

    private static final String USAGE = "usage: VerifyAuditTrail <jdbc-url> <user> [from-position] [to-position]"
            + " [--witness=<file with published checkpoints>] [--seal-lag=PT5M]";

    private VerifyAuditTrail() {
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        PublishedCheckpoint published = null;
        Duration sealLag = Duration.ofMinutes(5);
        for (String arg : args) {
            if (arg.startsWith("--witness=")) {
                Path witness = Path.of(arg.substring("--witness=".length()));
                published = PublishedCheckpoint.latestIn(Files.readString(witness)).orElse(null);
                if (published == null) {
                    fail(witness + " holds no published checkpoint");
                }
            } else if (arg.startsWith("--seal-lag=")) {
                sealLag = Duration.parse(arg.substring("--seal-lag=".length()));
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() < 2) {
            fail(USAGE);
        }
        String key = System.getenv("AUDIT_CHECKPOINT_KEY");
        if (key == null || key.isBlank()) {
            fail("set AUDIT_CHECKPOINT_KEY to the key the service signs checkpoints with");
        }
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(positional.get(0), positional.get(1), System.getenv("PGPASSWORD"))) {
            long end = AuditVerifier.chainEnd(connection);
            long from = positional.size() > 2 ? Long.parseLong(positional.get(2)) : 1;
            long to = positional.size() > 3 ? Long.parseLong(positional.get(3)) : Long.MAX_VALUE;
            if (from < 1 || (positional.size() > 2 && from > end) || (positional.size() > 3 && (to > end || to < from))) {
                fail("the range " + from + ".." + (positional.size() > 3 ? to : "end") + " lies outside the chain (positions 1.." + end + ")");
            }
            AuditVerifier.Result result = AuditVerifier.verify(connection, key,
                    new AuditVerifier.Request(from, to, sealLag, published));
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("checked %d events (positions %d..%d), %d checkpoints, in %d ms%n",
                    result.checkedEvents(), result.firstPosition(), result.lastPosition(), result.checkpointsChecked(), millis);
            if (published != null) {
                System.out.printf("compared with the published checkpoint at position %d%n", published.position());
            }
            if (result.intact()) {
                System.out.println("audit trail intact");
                System.exit(0);
            }
            AuditVerifier.Failure failure = result.firstFailure();
            System.out.printf("FIRST FAILURE at position %d (event %s): %s%n", failure.position(), failure.eventId(), failure.reason());
            System.exit(1);
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
