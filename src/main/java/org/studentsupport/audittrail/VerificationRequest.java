package org.studentsupport.audittrail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which part of the trail to verify; the whole trail when both are absent. */
@Schema(name = "VerificationRequest")
public record VerificationRequest(
        @Min(1) @Max(Long.MAX_VALUE) @Schema(description = "First chain position to check", format = "int64") Long fromPosition,
        @Min(1) @Max(Long.MAX_VALUE) @Schema(description = "Last chain position to check", format = "int64") Long toPosition) {
}
