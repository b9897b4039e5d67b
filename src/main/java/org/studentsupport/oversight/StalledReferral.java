package org.studentsupport.oversight;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An open referral: where it is, since when nothing happened, and how late its follow-up is. */
@Schema(name = "OpenReferralAge")
public record StalledReferral(
        UUID referralId,
        UUID studentId,
        UUID schoolId,
        @Schema(maxLength = 255) String schoolName,
        UUID organizationId,
        @Schema(maxLength = 255) String organizationName,
        @Schema(maxLength = 20) String status,
        @Schema(description = "The coordinator who wrote it (subject)", maxLength = 255) String coordinator,
        Instant lastTransitionAt,
        @Schema(minimum = "0", maximum = "100000", format = "int32") int daysSinceLastTransition,
        LocalDate followUpDue,
        @Schema(description = "Days past the follow-up date (0 when not overdue)", minimum = "0", maximum = "100000", format = "int32") int daysOverdue) {
}
