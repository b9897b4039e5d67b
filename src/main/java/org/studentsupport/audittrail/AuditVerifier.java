package org.studentsupport.audittrail;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Checks the audit trail against its hash chain and signed checkpoints, with plain JDBC so that the
 * same check runs inside the service and as a command against a database. Reports the first
 * position that does not verify: an event altered, deleted or moved, a seal removed, or a
 * checkpoint that does not match or is not signed with the key.
 */
public final class AuditVerifier {

    public record Failure(long position, UUID eventId, String reason) {
    }

    public record Result(boolean intact, long checkedEvents, long firstPosition, long lastPosition,
                         int checkpointsChecked, Failure firstFailure) {
    }

    private AuditVerifier() {
    }

    /**
     * @param from first position to check (1 for the whole trail)
     * @param to   last position to check, or {@code Long.MAX_VALUE}
     */
    public static Result verify(Connection connection, String checkpointKey, long from, long to) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            String chain = from <= 1 ? AuditChain.GENESIS : chainAt(connection, from - 1);
            if (chain == null) {
                return new Result(false, 0, from, from - 1, 0, new Failure(from - 1, null, "the seal before the range is missing"));
            }
            Map<Long, String[]> checkpoints = checkpoints(connection, from, to);
            long expected = Math.max(1, from);
            long checked = 0;
            int checkpointsChecked = 0;
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT s.position, s.event_id, s.chain_hash, e.id, e.occurred_at, e.action, e.outcome, e.actor_subject,"
                            + " e.actor_username, e.actor_roles, e.actor_client, e.actor_district, e.actor_scope, e.source_address,"
                            + " e.request_id, e.operation, e.object_type, e.object_id, e.student_ids, e.purpose, e.http_status"
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
                            return failed(from, expected - 1, checked, checkpointsChecked,
                                    new Failure(expected, null, "the seal of this position is missing"));
                        }
                        UUID eventId = rs.getObject(4, UUID.class);
                        if (eventId == null) {
                            return failed(from, position - 1, checked, checkpointsChecked,
                                    new Failure(position, sealedEvent, "the sealed event is missing (deleted)"));
                        }
                        chain = AuditChain.next(chain, position, canonical(rs, eventId));
                        if (!chain.equals(rs.getString(3))) {
                            return failed(from, position - 1, checked, checkpointsChecked,
                                    new Failure(position, eventId, "the event does not match its seal (altered or moved)"));
                        }
                        String[] checkpoint = checkpoints.get(position);
                        if (checkpoint != null) {
                            if (!checkpoint[0].equals(chain) || !AuditChain.sign(checkpointKey, position, chain).equals(checkpoint[1])) {
                                return failed(from, position - 1, checked, checkpointsChecked,
                                        new Failure(position, eventId, "the signed checkpoint at this position does not match"));
                            }
                            checkpointsChecked++;
                        }
                        checked++;
                        expected++;
                    }
                }
            }
            return new Result(true, checked, from, expected - 1, checkpointsChecked, null);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Result failed(long from, long last, long checked, int checkpoints, Failure failure) {
        return new Result(false, checked, from, last, checkpoints, failure);
    }

    private static String canonical(ResultSet rs, UUID id) throws SQLException {
        Timestamp occurred = rs.getTimestamp(5);
        Array students = rs.getArray(19);
        UUID[] studentIds = students == null ? new UUID[0] : (UUID[]) students.getArray();
        int status = rs.getInt(21);
        Integer httpStatus = rs.wasNull() ? null : status;
        return AuditChain.canonical(id, occurred == null ? null : occurred.toInstant(), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18), studentIds,
                rs.getString(20), httpStatus);
    }

    private static String chainAt(Connection connection, long position) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT chain_hash FROM audit_seal WHERE position = ?")) {
            st.setLong(1, position);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Map<Long, String[]> checkpoints(Connection connection, long from, long to) throws SQLException {
        Map<Long, String[]> found = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT position, chain_hash, signature FROM audit_checkpoint WHERE position BETWEEN ? AND ?")) {
            st.setLong(1, from);
            st.setLong(2, to);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new String[]{rs.getString(2), rs.getString(3)});
                }
            }
        }
        return found;
    }
}
