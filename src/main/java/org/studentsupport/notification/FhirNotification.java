package org.studentsupport.notification;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A webhook delivery as a FHIR R4 notification, in the shape of the Subscriptions R5 Backport guide for
 * R4 (https://hl7.org/fhir/uv/subscriptions-backport/): a {@code history} Bundle whose one entry is the
 * SubscriptionStatus as Parameters — the webhook standing for the Subscription, the event kind as the topic,
 * and the notification event with its number, time and focus, the referral's Task. The content is
 * {@code id-only}: no resource rides along, so the webhook carries no student data, as the JSON event; the
 * receiver reads the Task at the focus URL with its own token, authorized and audited as any read.
 */
final class FhirNotification {

    static final String BUNDLE_PROFILE =
            "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-notification-r4";
    static final String STATUS_PROFILE =
            "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4";
    /** The topic of an event kind: one per kind, so that a receiver can route on it. */
    static final String TOPIC = "urn:student-support:topic:";
    static final String WEBHOOK_SYSTEM = "urn:student-support:webhook";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Only Bundle and Parameters are written with it; it is thread-safe, its parsers are not. */
    private static final FhirContext FHIR = FhirContext.forR4();

    private FhirNotification() {
    }

    /**
     * The bundle of one delivery.
     *
     * @param payload     the event as the JSON webhooks receive it
     * @param webhookId   the webhook, standing for the Subscription
     * @param eventNumber how many events the webhook has been given up to and with this one
     */
    static String json(String payload, UUID webhookId, long eventNumber) {
        return FHIR.newJsonParser().encodeResourceToString(of(payload, webhookId, eventNumber));
    }

    static Bundle of(String payload, UUID webhookId, long eventNumber) {
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Parameters status = new Parameters();
        status.setId(UUID.nameUUIDFromBytes((event.get("id").asText() + "/status").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString());
        status.getMeta().addProfile(STATUS_PROFILE);
        status.addParameter().setName("subscription").setValue(new Reference()
                .setIdentifier(new Identifier().setSystem(WEBHOOK_SYSTEM).setValue(webhookId.toString()))
                .setDisplay("webhook " + webhookId));
        status.addParameter().setName("topic").setValue(new CanonicalType(TOPIC + event.get("type").asText()));
        status.addParameter().setName("status").setValue(new CodeType("active"));
        status.addParameter().setName("type").setValue(new CodeType("event-notification"));
        status.addParameter().setName("events-since-subscription-start").setValue(new StringType(Long.toString(eventNumber)));
        Parameters.ParametersParameterComponent notification = status.addParameter().setName("notification-event");
        notification.addPart().setName("event-number").setValue(new StringType(Long.toString(eventNumber)));
        notification.addPart().setName("timestamp").setValue(new InstantType(Date.from(Instant.parse(event.get("occurredAt").asText()))));
        notification.addPart().setName("focus").setValue(new Reference(event.get("links").get("task").asText()));

        Bundle bundle = new Bundle();
        bundle.setId(event.get("id").asText());
        bundle.getMeta().addProfile(BUNDLE_PROFILE);
        bundle.setType(Bundle.BundleType.HISTORY);
        bundle.setTimestamp(new Date());
        Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl("urn:uuid:" + status.getIdElement().getIdPart())
                .setResource(status);
        entry.getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Subscription/" + webhookId + "/$status");
        entry.getResponse().setStatus("200");
        return bundle;
    }
}
