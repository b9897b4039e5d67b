package org.studentsupport.audittrail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which part of the trail to verify (the whole trail when both are absent), and the latest published checkpoint. */
@Schema(name = "VerificationRequest")
public record VerificationRequest(
        @Min(1) @Max(Long.MAX_VALUE) @Schema(description = "First chain position to check", format = "int64") Long fromPosition,
        @Min(1) @Max(Long.MAX_VALUE) @Schema(description = "Last chain position to check", format = "int64") Long toPosition,
        @Valid @Schema(description = "The latest checkpoint published outside the database (the log line"
                + " 'Audit checkpoint: position=... chain=... signature=...'); the chain must reach it and match it")
        Published publishedCheckpoint) {

    @Schema(name = "PublishedCheckpoint")
    public record Published(
            @NotNull @Min(1) @Max(Long.MAX_VALUE) @Schema(format = "int64") Long position,
            @NotNull @Pattern(regexp = "[0-9a-f]{64}") @Schema(maxLength = 64) String chainHash,
            @NotNull @Pattern(regexp = "[0-9a-f]{64}") @Schema(maxLength = 64) String signature) {

        PublishedCheckpoint toCheckpoint() {
            return new PublishedCheckpoint(position, chainHash, signature);
        }
    }
}
