package org.studentsupport.referral;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.database.DatabaseOutage;
import org.jboss.logging.Logger;
import org.studentsupport.database.OutageLog;
import org.studentsupport.notification.NotificationEvent;
import org.studentsupport.notification.NotificationEvent.Kind;
import org.studentsupport.notification.Notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.UUID;
import java.util.Map;
import java.util.HashMap;

/**
 * What the referral feature tells through the notification outbox, in the transaction of the change:
 * sent, accepted, rejected, completed, overdue (found by a scan), and the withdrawal of the consent an
 * open, sent referral relies on. Ids and a count only; the addresses are the provider's intake address
 * (its directory organization's e-mail) and the sending coordinator's.
 */
@ApplicationScoped
public class ReferralEvents {

    private static final Logger LOG = Logger.getLogger(ReferralEvents.class);

    /** Referrals told of as overdue in one transaction: well inside the 60 s transaction timeout under load. */
    static final int OVERDUE_BATCH = 200;

    /** How long one scheduled run goes on taking batches; the rest waits for the next run. */
    static final java.time.Duration OVERDUE_RUN = java.time.Duration.ofSeconds(45);

    private final Notifications notifications;
    private final EntityManager em;
    private final ReferralRepository referrals;

    public ReferralEvents(Notifications notifications, EntityManager em, ReferralRepository referrals) {
        this.notifications = notifications;
        this.em = em;
        this.referrals = referrals;
    }

    /** Sent to the provider: the sending coordinator's address is kept for the events that follow. */
    void sent(Referral referral, Instant at, String coordinatorEmail) {
        record(Kind.REFERRAL_SENT, referral, at, "", coordinatorEmail);
    }

    /** A move of the workflow: accepted, rejected and completed are told; the others are not. */
    void moved(Referral referral, ReferralStatus to, Instant at) {
        Kind kind = switch (to) {
            case ACCEPTED -> Kind.REFERRAL_ACCEPTED;
            case REJECTED -> Kind.REFERRAL_REJECTED;
            case COMPLETED -> Kind.REFERRAL_COMPLETED;
            default -> null;
        };
        if (kind != null) {
            record(kind, referral, at, "", null);
        }
    }

    void consentRevoked(Referral referral, Instant at) {
        if (referral.requestedAt != null) {
            record(Kind.CONSENT_REVOKED, referral, at, ":" + referral.consent.id(), null);
        }
    }

    @Scheduled(every = "${studentsupport.notifications.overdue-scan-every:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledScan() {
        try {
            // batch after batch, each its own transaction, while there are more and the run has time left
            long deadline = System.nanoTime() + OVERDUE_RUN.toNanos();
            while (scanOverdue() == OVERDUE_BATCH && System.nanoTime() < deadline) {
                LOG.debug("The overdue scan goes on with the next batch");
            }
        } catch (Throwable e) {
            if (DatabaseOutage.isOutage(e)) {
                OutageLog.warnOnce(LOG, "database", "The database does not answer; the overdue scan waits for it");
            } else {
                LOG.error("The overdue scan failed; retried at the next run", e);
            }
        }
    }

    /**
     * Open, sent referrals past their follow-up date: one overdue event each per follow-up date. Each
     * call (one transaction) takes the next {@value #OVERDUE_BATCH} not yet told of (oldest due first), so a district with
     * thousands overdue is worked through run by run instead of the same batch again and again.
     */
    @Transactional
    public int scanOverdue() {
        List<UUID> ids = overdueNotYetTold(OVERDUE_BATCH);
        if (ids.isEmpty()) {
            return 0;
        }
        List<Referral> overdue = referrals.find("id in ?1 order by followUpDue, id", ids).list();
        Instant now = Instant.now();
        Map<UUID, Long> waiting = new HashMap<>();
        overdue.forEach(r -> record(Kind.REFERRAL_OVERDUE, r, now, ":" + r.followUpDue, null, waiting));
        return overdue.size();
    }

    /** The ids of open, sent referrals past their follow-up date whose overdue event for that date is not recorded yet. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> overdueNotYetTold(int limit) {
        String open = ReferralStatus.SENT_OPEN.stream().map(st -> "'" + st.code() + "'").sorted().collect(Collectors.joining(", "));
        return em.createNativeQuery("SELECT r.id FROM referral r WHERE r.status IN (" + open + ") AND r.follow_up_due < ?1"
                        + " AND NOT EXISTS (SELECT 1 FROM notification_event e"
                        + " WHERE e.dedupe_key = ?2 || r.id::text || ':' || to_char(r.follow_up_due, 'YYYY-MM-DD'))"
                        + " ORDER BY r.follow_up_due, r.id LIMIT ?3", UUID.class)
                .setParameter(1, LocalDate.now()).setParameter(2, Kind.REFERRAL_OVERDUE.code() + ":")
                .setParameter(3, limit).getResultList();
    }

    private void record(Kind kind, Referral referral, Instant at, String keySuffix, String coordinatorEmail) {
        record(kind, referral, at, keySuffix, coordinatorEmail, new HashMap<>());
    }

    /** @param waitingByOrganization the providers' queue lengths counted so far in this run */
    private void record(Kind kind, Referral referral, Instant at, String keySuffix, String coordinatorEmail,
                        Map<UUID, Long> waitingByOrganization) {
        // Counted past the scope filter: the provider's whole queue, whoever made the change.
        long waiting = waitingByOrganization.computeIfAbsent(referral.organizationId, organization -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM referral WHERE organization_id = ?1 AND status = 'requested'")
                .setParameter(1, organization).getSingleResult()).longValue());
        notifications.record(new NotificationEvent(kind, referral.id, referral.organizationId,
                referral.student.school.district.sourcedId, at, kind.code() + ":" + referral.id + keySuffix, waiting,
                referral.service.organization.email, coordinatorEmail));
    }
}
