package org.studentsupport.notification;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.studentsupport.database.DatabaseOutage;
import org.studentsupport.database.OutageLog;

import java.time.Instant;
import java.util.List;

/**
 * Sends what the outbox holds, after commit: every {@code poll-every}, on every instance, the deliveries
 * due are claimed and sent — webhooks signed ({@link WebhookSender}), e-mails through the mailer
 * ({@link EmailSender}). A delivery that is sent but not yet marked when the service stops is sent again
 * once its claim runs out: at least once, with the event id for the receiver to drop a repeat.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);

    private final Deliveries deliveries;
    private final WebhookSender webhooks;
    private final EmailSender emails;
    private final NotificationSettings settings;

    public NotificationDispatcher(Deliveries deliveries, WebhookSender webhooks, EmailSender emails, NotificationSettings settings) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.emails = emails;
        this.settings = settings;
    }

    @Scheduled(every = "${studentsupport.notifications.poll-every:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void round() {
        if (!settings.deliveryEnabled()) {
            return;
        }
        try {
            sendDue();
        } catch (Throwable e) {
            // Retried at the next round; a database outage is logged once, like everywhere else.
            if (DatabaseOutage.isOutage(e)) {
                OutageLog.warnOnce(LOG, "database", "The database does not answer; notifications wait for it");
            } else {
                LOG.error("Sending notifications failed; retried at the next round", e);
            }
        }
    }

    /** Claims and sends the deliveries due now; returns how many were attempted. */
    int sendDue() {
        List<Deliveries.Claimed> claimed = deliveries.claim(Instant.now());
        for (Deliveries.Claimed delivery : claimed) {
            try {
                if (delivery.channel().equals("webhook")) {
                    int status = webhooks.send(delivery);
                    if (status >= 200 && status < 300) {
                        deliveries.delivered(delivery.id(), status, Instant.now());
                    } else {
                        deliveries.attemptFailed(delivery.id(), delivery.attempts(), status, "HTTP " + status, Instant.now());
                    }
                } else {
                    emails.send(delivery);
                    deliveries.delivered(delivery.id(), null, Instant.now());
                }
            } catch (Exception e) {
                LOG.warnf("Delivery %s of event %s failed (attempt %d): %s", delivery.id(), delivery.eventId(),
                        delivery.attempts(), e.toString());
                deliveries.attemptFailed(delivery.id(), delivery.attempts(), null, e.getClass().getSimpleName() + ": "
                        + e.getMessage(), Instant.now());
            }
        }
        return claimed.size();
    }
}
