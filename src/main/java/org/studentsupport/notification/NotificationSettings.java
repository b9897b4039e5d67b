package org.studentsupport.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** How notifications are delivered: {@code studentsupport.notifications.*}. */
@ConfigMapping(prefix = "studentsupport.notifications")
public interface NotificationSettings {

    /** Whether this instance sends deliveries (every instance may; each delivery is claimed by one). */
    @WithDefault("true")
    boolean deliveryEnabled();

    /** How often an instance looks for deliveries due (a scheduler interval, e.g. {@code 2s}). */
    @WithDefault("2s")
    String pollEvery();

    /** How often open referrals past their follow-up date are looked for (one overdue event per referral and date). */
    @WithDefault("1h")
    String overdueScanEvery();

    /** Deliveries claimed per round. */
    @WithDefault("20")
    int batchSize();

    /** Attempts before a delivery is given up as failed. */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failed attempt; doubled after each further one. */
    @WithDefault("PT30S")
    Duration backoff();

    /** The longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration backoffMax();

    /** How long a claimed delivery is held before another round may take it (a stopped instance's claim runs out). */
    @WithDefault("PT2M")
    Duration lease();

    /** Where the links in e-mails and payloads point: the service's public base URL. */
    @WithDefault("http://localhost:8080")
    String linkBase();

    Webhook webhook();

    Email email();

    interface Webhook {
        /** Plain http URLs (the demo profile only). */
        @WithDefault("false")
        boolean allowHttp();

        /** Loopback addresses (the demo and test profiles only); private and link-local ones never. */
        @WithDefault("false")
        boolean allowLoopback();

        @WithDefault("PT5S")
        Duration connectTimeout();

        @WithDefault("PT10S")
        Duration requestTimeout();

        /** Webhooks per organization or district. */
        @WithDefault("5")
        int maxPerOwner();
    }

    interface Email {
        /** Whether e-mails are sent (needs {@code quarkus.mailer.*}). */
        @WithDefault("false")
        boolean enabled();

        Optional<String> from();
    }
}
