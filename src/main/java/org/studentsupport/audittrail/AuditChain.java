package org.studentsupport.audittrail;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash chain over audit events, as plain functions: the canonical form of an event, the link
 * from one chain hash to the next, and the signature of a checkpoint.
 */
public final class AuditChain {

    /** The chain hash before the first event. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * The chain format the sealer writes: 2 adds the event's place in the sealing order and whose
     * record it concerns to the canonical text; seals and checkpoints of format 1 predate them.
     */
    public static final int FORMAT = 2;

    /** The event columns, in the order {@link #canonical(int, ResultSet, int)} reads them (over {@code audit_event e}). */
    static final String EVENT_COLUMNS = "e.id, e.occurred_at, e.action, e.outcome, e.actor_subject, e.actor_username,"
            + " e.actor_roles, e.actor_client, e.actor_district, e.actor_scope, e.source_address, e.request_id, e.operation,"
            + " e.object_type, e.object_id, e.student_ids, e.purpose, e.http_status, e.seq, e.txid::text,"
            + " e.subject_district, e.subject_school";

    private AuditChain() {
    }

    /**
     * The canonical text of an event: every stored field, in a fixed order, each with its length so
     * that no two different events share a text.
     */
    public static String canonical(UUID id, Instant occurredAt, String action, String outcome, String actorSubject,
                                   String actorUsername, String actorRoles, String actorClient, String actorDistrict,
                                   String actorScope, String sourceAddress, String requestId, String operation,
                                   String objectType, String objectId, UUID[] studentIds, String purpose, Integer httpStatus) {
        UUID[] sorted = studentIds == null ? new UUID[0] : studentIds.clone();
        Arrays.sort(sorted);
        List<String> fields = Arrays.asList(
                String.valueOf(id), occurredAt == null ? null : occurredAt.truncatedTo(ChronoUnit.MICROS).toString(),
                action, outcome, actorSubject, actorUsername, actorRoles, actorClient, actorDistrict, actorScope,
                sourceAddress, requestId, operation, objectType, objectId, Arrays.toString(sorted), purpose,
                httpStatus == null ? null : httpStatus.toString());
        return fields(fields.toArray(String[]::new));
    }

    /** Each field with its length, so that no two different lists share a text. */
    private static String fields(String... fields) {
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            if (field == null) {
                text.append("-1:");
            } else {
                text.append(field.length()).append(':').append(field);
            }
            text.append('|');
        }
        return text.toString();
    }

    /**
     * The canonical text of the event whose {@link #EVENT_COLUMNS} start at column {@code first} of
     * the current row, in the given chain format.
     */
    static String canonical(int format, ResultSet rs, int first) throws SQLException {
        UUID id = rs.getObject(first, UUID.class);
        Timestamp occurred = rs.getTimestamp(first + 1);
        Array students = rs.getArray(first + 15);
        UUID[] studentIds = students == null ? new UUID[0] : (UUID[]) students.getArray();
        int status = rs.getInt(first + 17);
        Integer httpStatus = rs.wasNull() ? null : status;
        String v1 = canonical(id, occurred == null ? null : occurred.toInstant(), rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6),
                rs.getString(first + 7), rs.getString(first + 8), rs.getString(first + 9), rs.getString(first + 10),
                rs.getString(first + 11), rs.getString(first + 12), rs.getString(first + 13), rs.getString(first + 14),
                studentIds, rs.getString(first + 16), httpStatus);
        if (format == 1) {
            return v1;
        }
        return "v2|" + v1 + fields(rs.getString(first + 18), rs.getString(first + 19), rs.getString(first + 20),
                rs.getString(first + 21));
    }

    /** The chain hash after an event at a position: SHA-256 over the previous hash, the position and the event. */
    public static String next(String previous, long position, String canonicalEvent) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '|');
            sha.update(Long.toString(position).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '|');
            sha.update(canonicalEvent.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** HMAC-SHA256 of a format-1 checkpoint (position and chain hash) under the checkpoint key. */
    public static String sign(String key, long position, String chainHash) {
        return hmac(key, position + "|" + chainHash);
    }

    /**
     * HMAC-SHA256 of a chained checkpoint: its position and chain hash, the previous checkpoint's
     * position and signature (so that none can be removed unnoticed) and the sealer's high-water mark.
     */
    public static String sign(String key, Checkpoint c) {
        return hmac(key, "v2|" + c.position() + "|" + c.chainHash() + "|" + c.previousPosition() + "|"
                + c.previousSignature() + "|" + c.lastTxid() + "|" + c.lastSeq());
    }

    /** What a chained checkpoint signs. */
    public record Checkpoint(long position, String chainHash, long previousPosition, String previousSignature,
                             String lastTxid, long lastSeq) {
    }

    private static String hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
