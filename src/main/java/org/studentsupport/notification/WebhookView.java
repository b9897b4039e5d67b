package org.studentsupport.notification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A registered webhook; its secret is shown once, in the answer to the registration. */
@Schema(name = "Webhook")
public record WebhookView(
        UUID id,
        @Schema(enumeration = {"organization", "district"}, maxLength = 20) String ownerKind,
        @Schema(description = "The organization id or the district sourcedId", maxLength = 100) String ownerId,
        @Schema(maxLength = 2048) String url,
        @Schema(description = "json: the service's event; fhir: a FHIR R4 notification Bundle", enumeration = {"json", "fhir"},
                maxLength = 4) String payloadFormat,
        boolean active,
        Instant createdAt,
        @Schema(description = "The HMAC-SHA256 key of the signatures; only in the answer to the registration", maxLength = 100)
        String secret) {
}
