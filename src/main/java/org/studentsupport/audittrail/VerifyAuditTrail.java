package org.studentsupport.audittrail;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * The verification as a command, against a database directly:
 * {@code ./mvnw -q compile exec:java -Dexec.mainClass=org.studentsupport.audittrail.VerifyAuditTrail
 * -Dexec.args="<jdbc-url> <user> [from] [to]"} with the password in {@code PGPASSWORD} and the
 * checkpoint key in {@code AUDIT_CHECKPOINT_KEY}. Exits 0 when the trail verifies, 1 when it does not.
 */
public final class VerifyAuditTrail {

    private VerifyAuditTrail() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: VerifyAuditTrail <jdbc-url> <user> [from-position] [to-position]");
            System.exit(2);
        }
        long from = args.length > 2 ? Long.parseLong(args[2]) : 1;
        long to = args.length > 3 ? Long.parseLong(args[3]) : Long.MAX_VALUE;
        String key = System.getenv("AUDIT_CHECKPOINT_KEY");
        if (key == null || key.isBlank()) {
            System.err.println("set AUDIT_CHECKPOINT_KEY to the key the service signs checkpoints with");
            System.exit(2);
        }
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(args[0], args[1], System.getenv("PGPASSWORD"))) {
            AuditVerifier.Result result = AuditVerifier.verify(connection, key, from, to);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("checked %d events (positions %d..%d), %d checkpoints, in %d ms%n",
                    result.checkedEvents(), result.firstPosition(), result.lastPosition(), result.checkpointsChecked(), millis);
            if (result.intact()) {
                System.out.println("audit trail intact");
                System.exit(0);
            }
            AuditVerifier.Failure failure = result.firstFailure();
            System.out.printf("FIRST FAILURE at position %d (event %s): %s%n", failure.position(), failure.eventId(), failure.reason());
            System.exit(1);
        }
    }
}
