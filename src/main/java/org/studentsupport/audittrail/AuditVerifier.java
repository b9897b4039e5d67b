package org.studentsupport.audittrail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Checks the audit trail against its hash chain and signed checkpoints, with plain JDBC so that the
 * same check runs inside the service and as a command against a database. Reports the first
 * position that does not verify: an event altered, deleted or moved; a seal removed; an event left
 * unsealed; a checkpoint removed, not matching or not signed with the key; or a chain that ends
 * before its last handed-out position or before the latest published checkpoint (the newest events
 * deleted).
 */
public final class AuditVerifier {

    /** The advisory lock the sealer holds while it seals; verification holds it too, to see no half-sealed run. */
    static final long SEAL_LOCK = 0x5eA1_0001L;

    public record Failure(long position, UUID eventId, String reason) {

        static Failure first(Failure a, Failure b) {
            if (a == null) {
                return b;
            }
            return b == null || a.position() <= b.position() ? a : b;
        }
    }

    public record Result(boolean intact, long checkedEvents, long firstPosition, long lastPosition,
                         int checkpointsChecked, Long publishedPosition, Failure firstFailure) {
    }

    /**
     * What to check.
     *
     * @param from      first position to check (1 for the whole trail)
     * @param to        last position to check, or {@code Long.MAX_VALUE} for up to the end of the chain
     * @param sealLag   how long a committed event may wait for its seal
     * @param published the latest checkpoint published outside the database, or null
     */
    public record Request(long from, long to, Duration sealLag, PublishedCheckpoint published) {
    }

    private record StoredCheckpoint(long position, String chainHash, String signature) {
    }

    private AuditVerifier() {
    }

    /** The last position of the chain (0 when nothing is sealed). */
    public static long chainEnd(Connection connection) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT COALESCE(max(position), 0) FROM audit_seal");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Verifies in one repeatable-read snapshot, taken while holding the sealer's lock (so that no sealing
     * batch is half visible and the handed-out positions are read at the same moment), then released: the
     * sealer goes on sealing while a long verification reads, instead of waiting for it (a verification of
     * 25,000,000 events takes minutes; a sealer stopped that long would make every instance unready).
     */
    public static Result verify(Connection connection, String checkpointKey, Request request) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(true);
        advisory(connection, "pg_advisory_lock");
        boolean locked = true;
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            long end = chainEnd(connection);
            long handedOut = handedOut(connection);
            advisory(connection, "pg_advisory_unlock");
            locked = false;
            return verify(connection, checkpointKey, request, end, handedOut);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
            if (locked) {
                advisory(connection, "pg_advisory_unlock");
            }
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void advisory(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(?)")) {
            lock.setLong(1, SEAL_LOCK);
            lock.executeQuery().close();
        }
    }

    /** The last position the sealer's sequence handed out (to a run that committed or not), as SQL. */
    static final String HANDED_OUT = "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM audit_seal_position";

    private static long handedOut(Connection connection) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(HANDED_OUT);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Result verify(Connection connection, String checkpointKey, Request request, long end, long handedOut)
            throws SQLException {
        long from = Math.max(1, request.from());
        long to = Math.min(request.to(), end);
        Map<Long, StoredCheckpoint> checkpoints = new HashMap<>();
        CheckpointWalk walk = walkCheckpoints(connection, checkpointKey, checkpoints);
        SealWalk seals = walkSeals(connection, from, to, checkpoints);
        Failure failure = Failure.first(walk.failure, seals.failure);
        if (to == end) {
            failure = Failure.first(failure, tail(end, handedOut, walk.lastPosition, request.published(), checkpoints));
            failure = Failure.first(failure, unsealed(connection, end, walk.lastTxid, walk.lastSeq, request.sealLag()));
        }
        Long published = request.published() == null ? null : request.published().position();
        return new Result(failure == null, seals.checked, from, seals.last, walk.checked, published, failure);
    }

    private static final class CheckpointWalk {
        long lastPosition;
        String lastTxid;
        long lastSeq = -1;
        int checked;
        Failure failure;
    }

    /** Every checkpoint, in order: signed with the key, and (from format 2) linked to the one before it. */
    private static CheckpointWalk walkCheckpoints(Connection connection, String key, Map<Long, StoredCheckpoint> all)
            throws SQLException {
        CheckpointWalk walk = new CheckpointWalk();
        String previousSignature = "";
        try (PreparedStatement st = connection.prepareStatement("SELECT position, chain_hash, signature, format,"
                + " previous_position, last_txid::text, last_seq FROM audit_checkpoint ORDER BY position")) {
            st.setFetchSize(2000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    StoredCheckpoint c = new StoredCheckpoint(rs.getLong(1), rs.getString(2), rs.getString(3));
                    all.put(c.position(), c);
                    if (walk.failure == null) {
                        walk.failure = check(key, rs, c, walk.lastPosition, previousSignature);
                        if (walk.failure == null) {
                            walk.checked++;
                        }
                    }
                    if (rs.getInt(4) == AuditChain.FORMAT) {
                        walk.lastTxid = rs.getString(6);
                        walk.lastSeq = rs.getLong(7);
                    }
                    walk.lastPosition = c.position();
                    previousSignature = c.signature();
                }
            }
        }
        return walk;
    }

    private static Failure check(String key, ResultSet rs, StoredCheckpoint c, long previousPosition,
                                 String previousSignature) throws SQLException {
        if (rs.getInt(4) == 1) {
            return AuditChain.sign(key, c.position(), c.chainHash()).equals(c.signature()) ? null
                    : new Failure(c.position(), null, "the checkpoint at this position is not signed with the key");
        }
        long linked = rs.getLong(5);
        if (linked > previousPosition) {
            return new Failure(linked, null, "the checkpoint at this position is missing (deleted)");
        }
        if (linked != previousPosition) {
            return new Failure(c.position(), null, "the checkpoint at this position does not link to the one before it");
        }
        AuditChain.Checkpoint signed = new AuditChain.Checkpoint(c.position(), c.chainHash(), linked, previousSignature,
                rs.getString(6), rs.getLong(7));
        return AuditChain.sign(key, signed).equals(c.signature()) ? null
                : new Failure(c.position(), null, "the checkpoint at this position is not signed with the key");
    }

    private record SealWalk(long checked, long last, Failure failure) {
    }

    /** The seals of the range, in order: contiguous, each event present and matching its chain hash and checkpoint. */
    private static SealWalk walkSeals(Connection connection, long from, long to, Map<Long, StoredCheckpoint> checkpoints)
            throws SQLException {
        String chain = from <= 1 ? AuditChain.GENESIS : chainAt(connection, from - 1);
        if (chain == null) {
            return new SealWalk(0, from - 1, new Failure(from - 1, null, "the seal before the range is missing"));
        }
        long expected = from;
        long checked = 0;
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT s.position, s.event_id, s.chain_hash, s.format, " + AuditChain.EVENT_COLUMNS
                        + " FROM audit_seal s LEFT JOIN audit_event e ON e.id = s.event_id"
                        + " WHERE s.position BETWEEN ? AND ? ORDER BY s.position")) {
            st.setFetchSize(2000);
            st.setLong(1, from);
            st.setLong(2, to);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long position = rs.getLong(1);
                    UUID sealedEvent = rs.getObject(2, UUID.class);
                    if (position != expected) {
                        return new SealWalk(checked, expected - 1, new Failure(expected, null,
                                "the seals of positions " + expected + ".." + (position - 1) + " are missing"));
                    }
                    if (rs.getObject(5) == null) {
                        return new SealWalk(checked, position - 1,
                                new Failure(position, sealedEvent, "the sealed event is missing (deleted)"));
                    }
                    chain = AuditChain.next(chain, position, AuditChain.canonical(rs.getInt(4), rs, 5));
                    if (!chain.equals(rs.getString(3))) {
                        return new SealWalk(checked, position - 1, new Failure(position, sealedEvent,
                                "the event does not match its seal (altered or moved)"));
                    }
                    StoredCheckpoint checkpoint = checkpoints.get(position);
                    if (checkpoint != null && !checkpoint.chainHash().equals(chain)) {
                        return new SealWalk(checked, position - 1, new Failure(position, sealedEvent,
                                "the signed checkpoint at this position does not match"));
                    }
                    checked++;
                    expected++;
                }
            }
        }
        return new SealWalk(checked, expected - 1, null);
    }

    /** The end of the chain: covered by a checkpoint, as far as positions were handed out, and as far as published. */
    private static Failure tail(long end, long handedOut, long lastCheckpoint, PublishedCheckpoint published,
                                Map<Long, StoredCheckpoint> checkpoints) {
        Failure failure = null;
        if (end > lastCheckpoint) {
            failure = new Failure(lastCheckpoint + 1, null,
                    "the seals from this position on are not covered by a signed checkpoint (checkpoints deleted)");
        }
        if (handedOut > end) {
            failure = Failure.first(failure, new Failure(end + 1, null, "the chain ends at position " + end
                    + " but positions up to " + handedOut + " were sealed (the newest events were deleted)"));
        }
        if (published != null) {
            StoredCheckpoint stored = checkpoints.get(published.position());
            if (published.position() > end) {
                failure = Failure.first(failure, new Failure(end + 1, null, "the chain ends at position " + end
                        + " but a checkpoint at position " + published.position() + " was published (the newest events were deleted)"));
            } else if (stored == null || !stored.chainHash().equals(published.chainHash())
                    || !stored.signature().equals(published.signature())) {
                failure = Failure.first(failure, new Failure(published.position(), null,
                        "the chain at this position does not match the published checkpoint"));
            }
        }
        return failure;
    }

    /**
     * Events without a seal that should have one: every event at or below the sealer's high-water
     * mark, and every event older than the sealing lag. Reported at the position where it belongs.
     */
    private static Failure unsealed(Connection connection, long end, String lastTxid, long lastSeq, Duration lag)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT e.id, e.txid::text, e.seq, e.occurred_at < now() - CAST(? AS interval)"
                + " FROM audit_event e WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id)"
                + " AND (e.occurred_at < now() - CAST(? AS interval) OR (e.txid, e.seq) <= (CAST(? AS xid8), ?)"
                + " OR e.txid IS NULL OR e.seq IS NULL) ORDER BY e.txid NULLS FIRST, e.seq NULLS FIRST LIMIT 1")) {
            String interval = lag.toMillis() + " milliseconds";
            st.setObject(1, interval, java.sql.Types.OTHER);
            st.setObject(2, interval, java.sql.Types.OTHER);
            st.setString(3, lastTxid == null ? "0" : lastTxid);
            st.setLong(4, lastSeq);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                UUID id = rs.getObject(1, UUID.class);
                long position = positionOf(connection, rs.getString(2), rs.getLong(3), end);
                return new Failure(position, id, rs.getBoolean(4)
                        ? "an event older than the sealing lag has no seal (inserted outside the sealing order)"
                        : "an event in the sealed part of the order has no seal (inserted after its place was sealed)");
            }
        }
    }

    /** The position an unsealed event belongs at: that of the first sealed event after it in the sealing order. */
    private static long positionOf(Connection connection, String txid, long seq, long end) throws SQLException {
        if (txid == null) {
            return end + 1;
        }
        try (PreparedStatement st = connection.prepareStatement("SELECT min(s.position) FROM audit_seal s"
                + " JOIN audit_event e ON e.id = s.event_id WHERE (e.txid, e.seq) > (CAST(? AS xid8), ?)")) {
            st.setString(1, txid);
            st.setLong(2, seq);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long position = rs.getLong(1);
                return rs.wasNull() ? end + 1 : position;
            }
        }
    }

    private static String chainAt(Connection connection, long position) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT chain_hash FROM audit_seal WHERE position = ?")) {
            st.setLong(1, position);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
