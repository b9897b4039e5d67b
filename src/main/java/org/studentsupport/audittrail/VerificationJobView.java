package org.studentsupport.audittrail;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "VerificationJob", description = "A verification that runs in the background: queued, running, then done"
        + " (with its result) or failed (with the reason it could not run)")
public record VerificationJobView(
        UUID id,
        @Schema(type = SchemaType.STRING, enumeration = {"queued", "running", "done", "failed"}, maxLength = 16) String state,
        Instant requestedAt,
        @Schema(maxLength = 255, description = "The subject of the caller who asked for it") String requestedBy,
        @Schema(description = "First chain position asked for; absent for the start of the chain",
                minimum = "1", maximum = "9223372036854775807", format = "int64") Long fromPosition,
        @Schema(description = "Last chain position asked for; absent for the end of the chain",
                minimum = "1", maximum = "9223372036854775807", format = "int64") Long toPosition,
        @Schema(description = "How many times an instance started it (more than once when one stopped while running it)",
                minimum = "0", maximum = "2147483647", format = "int32") int attempts,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "The outcome, once done") VerificationView result,
        @Schema(maxLength = 500, description = "Why it could not run, when it failed") String error) {

    static VerificationJobView from(AuditVerifications.Job job) {
        return new VerificationJobView(job.id(), job.state().code(), job.requestedAt(), job.requestedBy(), job.fromPosition(),
                job.toPosition(), job.attempts(), job.startedAt(), job.finishedAt(),
                job.result() == null ? null : VerificationView.from(job.result()), job.error());
    }
}
