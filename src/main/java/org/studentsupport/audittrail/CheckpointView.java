package org.studentsupport.audittrail;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "AuditCheckpoint")
public record CheckpointView(
        @Schema(minimum = "1", maximum = "9223372036854775807", format = "int64") long position,
        @Schema(maxLength = 64) String chainHash,
        @Schema(description = "HMAC-SHA256 of position and chain hash under the district's checkpoint key", maxLength = 64) String signature,
        Instant createdAt) {
}
