package org.studentsupport.notification;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Posts one delivery to its webhook: the event as JSON, or as a FHIR notification Bundle for a webhook that
 * asked for it ({@link FhirNotification}), signed ({@link WebhookSignature}), with its id and type in headers;
 * redirects are not followed, and the URL's host is checked again first.
 */
@ApplicationScoped
public class WebhookSender {

    private final NotificationSettings settings;
    private final HttpClient client;

    public WebhookSender(NotificationSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.webhook().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The receiver's HTTP status. */
    int send(Deliveries.Claimed delivery) throws IOException, InterruptedException {
        List<String> problems = WebhookUrlPolicy.problems(delivery.url(), settings.webhook().allowHttp(),
                settings.webhook().allowLoopback(), WebhookUrlPolicy.DNS);
        if (!problems.isEmpty()) {
            throw new IOException("the webhook URL is no longer allowed: " + String.join("; ", problems));
        }
        long timestamp = java.time.Instant.now().getEpochSecond();
        boolean asFhir = Webhooks.FHIR.equals(delivery.payloadFormat());
        String body = asFhir ? FhirNotification.json(delivery.payload(), delivery.webhookId(), delivery.eventNumber())
                : delivery.payload();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(settings.webhook().requestTimeout())
                .header("Content-Type", asFhir ? "application/fhir+json" : "application/json")
                .header("User-Agent", "student-support-webhooks")
                .header(WebhookSignature.EVENT_ID_HEADER, delivery.eventId().toString())
                .header(WebhookSignature.EVENT_TYPE_HEADER, delivery.kind())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(delivery.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
