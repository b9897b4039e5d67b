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

/**
 * What the referral feature tells through the notification outbox, in the transaction of the change:
 * sent, accepted, rejected, completed, overdue (found by a scan), and the withdrawal of the consent an
 * open, sent referral relies on. Ids and a count only; the addresses are the provider's intake address
 * (its directory organization's e-mail) and the sending coordinator's.
 */
@ApplicationScoped
public class ReferralEvents {

    private static final Logger LOG = Logger.getLogger(ReferralEvents.class);

    static final int OVERDUE_BATCH = 1000;

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
            scanOverdue();
        } catch (Throwable e) {
            if (DatabaseOutage.isOutage(e)) {
                OutageLog.warnOnce(LOG, "database", "The database does not answer; the overdue scan waits for it");
            } else {
                LOG.error("The overdue scan failed; retried at the next run", e);
            }
        }
    }

    /** Open, sent referrals past their follow-up date: one overdue event each per follow-up date. */
    @Transactional
    public int scanOverdue() {
        List<Referral> overdue = referrals.find("status in ?1 and followUpDue < ?2 order by followUpDue, id",
                List.copyOf(ReferralStatus.SENT_OPEN), LocalDate.now()).page(0, OVERDUE_BATCH).list();
        Instant now = Instant.now();
        overdue.forEach(r -> record(Kind.REFERRAL_OVERDUE, r, now, ":" + r.followUpDue, null));
        return overdue.size();
    }

    private void record(Kind kind, Referral referral, Instant at, String keySuffix, String coordinatorEmail) {
        // Counted past the scope filter: the provider's whole queue, whoever made the change.
        long waiting = ((Number) em.createNativeQuery("SELECT count(*) FROM referral WHERE organization_id = ?1 AND status = 'requested'")
                .setParameter(1, referral.organizationId).getSingleResult()).longValue();
        notifications.record(new NotificationEvent(kind, referral.id, referral.organizationId,
                referral.student.school.district.sourcedId, at, kind.code() + ":" + referral.id + keySuffix, waiting,
                referral.service.organization.email, coordinatorEmail));
    }
}
