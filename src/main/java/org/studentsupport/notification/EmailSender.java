package org.studentsupport.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;

/**
 * Sends one e-mail delivery through the mailer. An e-mail leaves the service's control, so it names no
 * student: only what happened, a link to sign in and read it, and how many referrals wait.
 */
@ApplicationScoped
public class EmailSender {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Mailer mailer;
    private final NotificationSettings settings;

    public EmailSender(Mailer mailer, NotificationSettings settings) {
        this.mailer = mailer;
        this.settings = settings;
    }

    void send(Deliveries.Claimed delivery) throws IOException {
        JsonNode event = JSON.readTree(delivery.payload());
        boolean toProvider = "provider".equals(delivery.audience());
        String subject = subject(delivery.kind());
        String link = event.path("links").path(toProvider ? "providerReferral" : "schoolReferral").asText();
        String text = subject + "\n\nSign in to read it: " + link + "\n\n"
                + (toProvider ? "Referrals waiting for your answer: " + event.path("waitingCount").asLong() + "\n" : "")
                + "\nThis message names no student on purpose; the referral is visible only after signing in.\n";
        Mail mail = Mail.withText(delivery.address(), subject, text);
        settings.email().from().ifPresent(mail::setFrom);
        mail.addHeader("X-Event-Id", delivery.eventId().toString());
        mailer.send(mail);
    }

    static String subject(String kind) {
        return switch (kind) {
            case "referral.sent" -> "A new referral was sent to your organization";
            case "referral.accepted" -> "A referral was accepted";
            case "referral.rejected" -> "A referral was rejected";
            case "referral.completed" -> "A referral was completed";
            case "referral.overdue" -> "A referral is overdue";
            case "consent.revoked" -> "A consent behind a referral was withdrawn";
            default -> "A referral changed";
        };
    }
}
