package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One class of a school and where its review of a period stands. */
@Schema(name = "ClassReviewProgress")
public record ClassProgressView(
        UUID classId,
        @Schema(maxLength = 255) String title,
        @Schema(enumeration = {"not-started", "draft", "final"}, maxLength = 20) String status,
        @Schema(description = "null when not started") UUID reviewId,
        @Schema(description = "When the review last changed; null when not started") Instant updatedAt) {
}
