package org.studentsupport.audittrail;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "Verification")
public record VerificationView(
        @Schema(description = "True when every checked event matches the chain and every checkpoint its signature") boolean intact,
        @Schema(minimum = "0", maximum = "9223372036854775807", format = "int64") long checkedEvents,
        @Schema(minimum = "0", maximum = "9223372036854775807", format = "int64") long firstPosition,
        @Schema(minimum = "0", maximum = "9223372036854775807", format = "int64") long lastPosition,
        @Schema(minimum = "0", maximum = "2147483647", format = "int32") int checkpointsChecked,
        @Schema(description = "The position of the published checkpoint compared, when one was given",
                minimum = "1", maximum = "9223372036854775807", format = "int64") Long publishedCheckpointPosition,
        @Schema(description = "The first position that does not verify, when one does not") FailureView firstFailure) {

    @Schema(name = "VerificationFailure")
    public record FailureView(
            @Schema(minimum = "0", maximum = "9223372036854775807", format = "int64") long position,
            UUID eventId,
            @Schema(maxLength = 200) String reason) {
    }

    static VerificationView from(AuditVerifier.Result result) {
        AuditVerifier.Failure f = result.firstFailure();
        return new VerificationView(result.intact(), result.checkedEvents(), result.firstPosition(), result.lastPosition(),
                result.checkpointsChecked(), result.publishedPosition(), f == null ? null : new FailureView(f.position(), f.eventId(), f.reason()));
    }
}
