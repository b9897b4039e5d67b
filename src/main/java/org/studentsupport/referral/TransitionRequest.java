package org.studentsupport.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A move of a referral's status. What it must carry depends on the target: rejected and failed a
 * reason code (text for "other"), on-hold and cancelled a reason text, completed an outcome code,
 * in-progress the date of the first service. The enumeration of {@code to} is
 * {@link ReferralStatus#TRANSITION_TARGETS} (a test checks it).
 */
@Schema(name = "TransitionRequest")
public record TransitionRequest(
        @NotNull @Pattern(regexp = ReferralStatus.CODE_PATTERN) @Schema(description = "The target status", maxLength = 20,
                enumeration = {"accepted", "rejected", "in-progress", "on-hold", "completed", "failed", "cancelled", "entered-in-error"})
        String to,
        @Size(max = 40) @Schema(description = "Reason code (rejected, failed) or outcome code (completed)") String reasonCode,
        @Size(max = 2000) @Schema(description = "The reason in words; required for on-hold, cancelled and 'other'") String reasonText,
        @Schema(description = "Date of the first service (in-progress)") LocalDate firstServiceOn,
        @Size(max = 2000) @Schema(description = "A note kept with the transition") String note) {
}
