package org.studentsupport.audittrail;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.studentsupport.database.DatabaseOutage;
import org.studentsupport.database.OutageLog;
import org.studentsupport.audit.AuditSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Chains committed audit events: each event gets the next position (from a sequence, never handed
 * out twice) and the hash of the previous chain hash with its own content; each run ends with a
 * signed checkpoint that links to the previous one and is logged (published).
 *
 * <p>Order: by the inserting transaction's id, then the event's sequence number, both stamped by the
 * database. A run takes only events of transactions older than every transaction still running
 * (below the snapshot's xmin), so a transaction that commits late cannot leave an event behind the
 * high-water mark; a long-running transaction delays sealing instead, which the lag shows.
 *
 * <p>Runs every few seconds and on demand before a verification; from the high-water mark the latest
 * checkpoint signed, so an idle run is two index probes. Several instances may run: an advisory lock lets one seal at a time.
 */
@ApplicationScoped
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class);
    private static final long LOCK_KEY = 0x5eA1_0001L;

    private final AgroalDataSource dataSource;
    private final AuditSettings settings;
    private final MeterRegistry meters;
    private ScheduledExecutorService scheduler;

    private volatile Instant lastRun = Instant.now();
    private volatile Instant lastAttempt = Instant.now();
    private volatile Duration lag = Duration.ZERO;

    record Mark(String txid, long seq) {
        static final Mark NONE = new Mark("0", 0);
    }

    public AuditSealer(AgroalDataSource dataSource, AuditSettings settings, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.meters = meters;
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("audit.seal.lag", this, sealer -> sealer.lag().toMillis() / 1000.0)
                .description("Age of the oldest committed audit event not sealed yet (0 when all are sealed)")
                .baseUnit("seconds").register(meters);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "audit-sealer"));
        long every = settings.sealInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sealQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Any failure, an Error included, is logged and retried at the next run: a thrown one would end the schedule. */
    private void sealQuietly() {
        lastAttempt = Instant.now();
        try {
            sealPending();
        } catch (Throwable e) {
            if (DatabaseOutage.isOutage(e)) {
                OutageLog.warnOnce(LOG, "database", "The database does not answer; audit sealing waits for it (the lag grows meanwhile)");
            } else {
                LOG.error("Sealing the audit trail failed; it is retried at the next run", e);
            }
        } finally {
            lastAttempt = Instant.now();
        }
    }

    /** How long the oldest committed, unsealed event has waited, as of the last successful run. */
    public Duration lag() {
        return lag;
    }

    /** When the last run completed without failing. */
    public Instant lastRun() {
        return lastRun;
    }

    /** When the sealing loop last started or finished a run, whether or not the run succeeded. */
    public Instant lastAttempt() {
        return lastAttempt;
    }

    /**
     * Stalled: the sealing loop itself has stopped (no run started or finished for longer than the
     * sealing lag allows, and at least three intervals). A lag held up by a long-running transaction,
     * or runs failing while the database is away, are not a stall: the lag metric shows the first,
     * the database's own readiness check the second.
     */
    public boolean stalled() {
        Duration allowed = settings.sealLag().compareTo(settings.sealInterval().multipliedBy(3)) > 0
                ? settings.sealLag() : settings.sealInterval().multipliedBy(3);
        boolean loopGone = scheduler != null && (scheduler.isShutdown() || scheduler.isTerminated());
        return loopGone || Duration.between(lastAttempt, Instant.now()).compareTo(allowed) > 0;
    }

    /** Seals every committed event that can be sealed now; returns how many it sealed. */
    public synchronized int sealPending() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int total = 0;
                Mark mark = checkpointMark(connection);
                if (mark == null || anyAfter(connection, mark)) {
                    int sealed;
                    do {
                        sealed = sealBatch(connection);
                        connection.commit();
                        total += sealed;
                    } while (sealed == settings.sealBatch());
                }
                mark = checkpointMark(connection);
                lag = oldestUnsealedAge(connection, mark == null ? Mark.NONE : mark);
                connection.commit();
                lastRun = Instant.now();
                return total;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be sealed", e);
        }
    }

    private int sealBatch(Connection connection) throws SQLException {
        query(connection, "SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
        Object[] head = single(connection, "SELECT position, chain_hash FROM audit_seal ORDER BY position DESC LIMIT 1");
        long headPosition = head == null ? 0 : (Long) head[0];
        String chain = head == null ? AuditChain.GENESIS : (String) head[1];
        Object[] last = single(connection, "SELECT position, signature, format, last_txid::text, last_seq"
                + " FROM audit_checkpoint ORDER BY position DESC LIMIT 1");
        Mark mark = head == null ? Mark.NONE : last != null && ((Number) last[2]).intValue() == AuditChain.FORMAT
                ? new Mark((String) last[3], (Long) last[4]) : legacyMark(connection);

        List<String[]> pending = new ArrayList<>();
        Mark newest = mark;
        try (PreparedStatement st = connection.prepareStatement("SELECT " + AuditChain.EVENT_COLUMNS
                + " FROM audit_event e WHERE (e.txid, e.seq) > (CAST(? AS xid8), ?)"
                + " AND e.txid < pg_snapshot_xmin(pg_current_snapshot())"
                + " AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id)"
                + " ORDER BY e.txid, e.seq LIMIT ?")) {
            st.setString(1, mark.txid());
            st.setLong(2, mark.seq());
            st.setInt(3, settings.sealBatch());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    pending.add(new String[]{rs.getString(1), AuditChain.canonical(AuditChain.FORMAT, rs, 1)});
                    newest = new Mark(rs.getString(20), rs.getLong(19));
                }
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        long[] positions = positions(connection, pending.size(), headPosition, unsealedHandedOut(connection, headPosition));
        if (positions[0] != headPosition + 1) {
            LOG.errorf("Audit chain positions %d..%d are missing (deleted, or a sealing run failed); sealing continues at %d",
                    headPosition + 1, positions[0] - 1, positions[0]);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_seal (position, event_id, chain_hash, format) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < positions.length; i++) {
                chain = AuditChain.next(chain, positions[i], pending.get(i)[1]);
                insert.setLong(1, positions[i]);
                insert.setObject(2, UUID.fromString(pending.get(i)[0]));
                insert.setString(3, chain);
                insert.setInt(4, AuditChain.FORMAT);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        long position = positions[positions.length - 1];
        AuditChain.Checkpoint checkpoint = new AuditChain.Checkpoint(position, chain,
                last == null ? 0 : (Long) last[0], last == null ? "" : (String) last[1], newest.txid(), newest.seq());
        String signature = AuditChain.sign(settings.checkpointKey(), checkpoint);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_checkpoint (position, chain_hash,"
                + " signature, format, previous_position, last_txid, last_seq) VALUES (?, ?, ?, ?, ?, CAST(? AS xid8), ?)")) {
            insert.setLong(1, position);
            insert.setString(2, chain);
            insert.setString(3, signature);
            insert.setInt(4, AuditChain.FORMAT);
            insert.setLong(5, checkpoint.previousPosition());
            insert.setString(6, newest.txid());
            insert.setLong(7, newest.seq());
            insert.executeUpdate();
        }
        query(connection, "UPDATE audit_seal_commit SET committed_to = ? RETURNING committed_to", position);
        LOG.infof("Audit checkpoint: %s", PublishedCheckpoint.line(position, chain, signature));
        return pending.size();
    }

    /**
     * How many positions after the chain's end were handed out to a sealing run that did not commit (the
     * service or the database stopped during it), and may be used again: only when no run committed past the
     * chain's end. When one did, its seals were deleted since, and the gap is left for verification to report.
     */
    private static long unsealedHandedOut(Connection connection, long headPosition) throws SQLException {
        Object[] row = single(connection, "SELECT (SELECT committed_to FROM audit_seal_commit),"
                + " (" + AuditVerifier.HANDED_OUT + ")");
        long committedTo = row == null || row[0] == null ? -1 : ((Number) row[0]).longValue();
        long handedOut = ((Number) row[1]).longValue();
        if (committedTo != headPosition || handedOut <= headPosition) {
            return 0;
        }
        LOG.warnf("Audit chain positions %d..%d were handed out to a sealing run that did not commit (the service or"
                + " the database stopped during it); they are used again", headPosition + 1, handedOut);
        return handedOut - headPosition;
    }

    /** The high-water mark of a chain sealed before checkpoints recorded one: its newest sealed event. */
    private static Mark legacyMark(Connection connection) throws SQLException {
        Object[] row = single(connection, "SELECT e.txid::text, e.seq FROM audit_seal s JOIN audit_event e ON e.id = s.event_id"
                + " ORDER BY e.txid DESC, e.seq DESC LIMIT 1");
        return row == null ? Mark.NONE : new Mark((String) row[0], (Long) row[1]);
    }

    /** The high-water mark the latest checkpoint signed; null before the first chained checkpoint. */
    private static Mark checkpointMark(Connection connection) throws SQLException {
        Object[] row = single(connection, "SELECT format, last_txid::text, last_seq FROM audit_checkpoint ORDER BY position DESC LIMIT 1");
        return row == null || ((Number) row[0]).intValue() != AuditChain.FORMAT ? null : new Mark((String) row[1], (Long) row[2]);
    }

    private static boolean anyAfter(Connection connection, Mark mark) throws SQLException {
        return single(connection, "SELECT 1 FROM audit_event WHERE (txid, seq) > (CAST(? AS xid8), ?) LIMIT 1",
                mark.txid(), mark.seq()) != null;
    }

    private static Duration oldestUnsealedAge(Connection connection, Mark mark) throws SQLException {
        Object[] row = single(connection, "SELECT min(occurred_at) FROM audit_event WHERE (txid, seq) > (CAST(? AS xid8), ?)",
                mark.txid(), mark.seq());
        if (row == null || row[0] == null) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(((Timestamp) row[0]).toInstant(), Instant.now());
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** The next positions: first the {@code reusable} ones after the chain's end that no run sealed, then new ones. */
    private static long[] positions(Connection connection, int count, long headPosition, long reusable) throws SQLException {
        long[] positions = new long[count];
        int reused = (int) Math.min(count, reusable);
        for (int i = 0; i < reused; i++) {
            positions[i] = headPosition + 1 + i;
        }
        if (reused < count) {
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT nextval('audit_seal_position') FROM generate_series(1, ?)")) {
                st.setInt(1, count - reused);
                try (ResultSet rs = st.executeQuery()) {
                    for (int i = reused; i < count && rs.next(); i++) {
                        positions[i] = rs.getLong(1);
                    }
                }
            }
        }
        return positions;
    }

    private static void query(Connection connection, String sql, Object... parameters) throws SQLException {
        single(connection, sql, parameters);
    }

    private static Object[] single(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return row;
            }
        }
    }
}
