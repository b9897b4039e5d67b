package org.studentsupport.notification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One delivery of an event to a webhook: where it stands and how its last attempt went. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        UUID eventId,
        @Schema(maxLength = 30) String type,
        @Schema(enumeration = {"pending", "delivered", "failed"}, maxLength = 10) String status,
        @Schema(minimum = "0", maximum = "100", format = "int32") int attempts,
        Instant occurredAt,
        Instant lastAttemptAt,
        @Schema(minimum = "100", maximum = "599", format = "int32") Integer lastHttpStatus,
        @Schema(maxLength = 500) String lastError,
        Instant deliveredAt) {
}
