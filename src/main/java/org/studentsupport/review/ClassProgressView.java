package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One class to review (a reviewing class of the roster, or a class with a review of the period) and where its review stands. */
@Schema(name = "ClassReviewProgress")
public record ClassProgressView(
        UUID classId,
        @Schema(maxLength = 255) String title,
        @Schema(enumeration = {"not-started", "draft", "final"}, maxLength = 20) String status,
        @Schema(description = "null when not started") UUID reviewId,
        @Schema(description = "When the review last changed; null when not started") Instant updatedAt,
        @Schema(description = "Students of the period's review roster whose reviewing class this is",
                minimum = "0", maximum = "10000", format = "int32") int rosterStudents) {
}
