package org.studentsupport.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The delivery rows: claimed a batch at a time (each by one instance, {@code FOR UPDATE SKIP LOCKED},
 * held for the lease so that a stopped instance's claim runs out and another sends it), then marked
 * delivered, or scheduled again with backoff, or failed after the last attempt. Each step is its own
 * transaction; the sending happens between them, outside any.
 */
@ApplicationScoped
public class Deliveries {

    private final EntityManager em;
    private final NotificationSettings settings;

    public Deliveries(EntityManager em, NotificationSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    /**
     * One claimed delivery with what sending it needs.
     *
     * @param eventNumber for a webhook of FHIR notifications: how many events it has been given up to and
     *                    with this one (the notification's event number); 0 for the others
     */
    record Claimed(UUID id, UUID eventId, String kind, String channel, UUID webhookId, String url, String secret,
                   String payloadFormat, long eventNumber, String address, String audience, int attempts, String payload) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Claimed> claim(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("UPDATE notification_delivery d SET attempts = d.attempts + 1, "
                        + "last_attempt_at = ?1, next_attempt_at = ?2 FROM notification_event e "
                        + "WHERE e.id = d.event_id AND d.id IN (SELECT id FROM notification_delivery WHERE status = 'pending' "
                        + "AND next_attempt_at <= ?1 ORDER BY next_attempt_at LIMIT ?3 FOR UPDATE SKIP LOCKED) "
                        + "RETURNING d.id, d.event_id, e.kind, d.channel, d.webhook_id, d.address, d.audience, d.attempts, e.payload::text")
                .setParameter(1, Timestamp.from(now)).setParameter(2, Timestamp.from(now.plus(settings.lease())))
                .setParameter(3, settings.batchSize()).getResultList();
        return rows.stream().map(r -> {
            String url = null;
            String secret = null;
            String format = null;
            long eventNumber = 0;
            if (r[4] != null) {
                Object[] hook = (Object[]) em.createNativeQuery("SELECT w.url, w.secret, w.payload_format, CASE WHEN w.payload_format = 'fhir' "
                                + "THEN (SELECT count(*) FROM notification_delivery x JOIN notification_event xe ON xe.id = x.event_id "
                                + "WHERE x.webhook_id = w.id AND (xe.occurred_at, xe.id) <= (e.occurred_at, e.id)) ELSE 0 END "
                                + "FROM webhook w, notification_event e WHERE w.id = ?1 AND e.id = ?2")
                        .setParameter(1, r[4]).setParameter(2, r[1]).getSingleResult();
                url = (String) hook[0];
                secret = (String) hook[1];
                format = (String) hook[2];
                eventNumber = ((Number) hook[3]).longValue();
            }
            return new Claimed((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (UUID) r[4], url, secret, format,
                    eventNumber, (String) r[5], (String) r[6], ((Number) r[7]).intValue(), (String) r[8]);
        }).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void delivered(UUID id, Integer httpStatus, Instant now) {
        em.createNativeQuery("UPDATE notification_delivery SET status = 'delivered', delivered_at = ?2, last_http_status = ?3, "
                        + "last_error = NULL WHERE id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(now)).setParameter(3, httpStatus).executeUpdate();
    }

    /** A failed attempt: again after the backoff, or given up after the last attempt. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void attemptFailed(UUID id, int attempts, Integer httpStatus, String error, Instant now) {
        boolean last = attempts >= settings.maxAttempts();
        em.createNativeQuery("UPDATE notification_delivery SET status = ?2, next_attempt_at = ?3, last_http_status = ?4, "
                        + "last_error = ?5 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, last ? "failed" : "pending")
                .setParameter(3, Timestamp.from(now.plus(backoff(attempts))))
                .setParameter(4, httpStatus).setParameter(5, error == null ? null : error.substring(0, Math.min(500, error.length())))
                .executeUpdate();
    }

    /** The wait after the n-th failed attempt: the backoff doubled n-1 times, at most the maximum. */
    Duration backoff(int attempts) {
        Duration wait = settings.backoff().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : wait;
    }
}
