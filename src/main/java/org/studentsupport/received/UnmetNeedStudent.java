package org.studentsupport.received;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * One line of the gap list a coordinator works from: a student of their schools whose needs recorded
 * in the period's review include some that no service received and no sent, open referral meets.
 */
@Schema(name = "UnmetNeedStudent")
public record UnmetNeedStudent(
        UUID studentId,
        @Schema(maxLength = 255) String givenName,
        @Schema(maxLength = 255) String familyName,
        @Schema(maxLength = 10) String grade,
        UUID schoolId,
        @Schema(maxLength = 255) String schoolName,
        @Schema(maxLength = 20) String tier,
        @Schema(description = "The review the needs were recorded in") UUID classReviewId,
        @Schema(description = "The needs without a service", maxItems = 100) List<@Size(max = 50) String> unmetNeeds,
        @Schema(description = "The needs a service received or an open referral meets", maxItems = 100) List<@Size(max = 50) String> metNeeds) {
}
