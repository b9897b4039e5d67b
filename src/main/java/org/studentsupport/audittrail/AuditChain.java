package org.studentsupport.audittrail;

import org.studentsupport.audit.AuditEvent;

import java.nio.charset.StandardCharsets;
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

    public static String canonical(AuditEvent e) {
        return canonical(e.id, e.occurredAt, e.action, e.outcome, e.actorSubject, e.actorUsername, e.actorRoles,
                e.actorClient, e.actorDistrict, e.actorScope, e.sourceAddress, e.requestId, e.operation, e.objectType,
                e.objectId, e.studentIds, e.purpose, e.httpStatus);
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

    /** HMAC-SHA256 of a checkpoint (position and chain hash) under the checkpoint key. */
    public static String sign(String key, long position, String chainHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((position + "|" + chainHash).getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
