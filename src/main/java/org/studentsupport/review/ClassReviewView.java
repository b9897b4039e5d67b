package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A whole-class review with its current entries, in the order they were saved. */
@Schema(name = "ClassReview")
public record ClassReviewView(
        UUID id,
        UUID classId,
        UUID periodId,
        @Schema(maxLength = 100) String periodName,
        UUID schoolId,
        @Schema(enumeration = {"draft", "final"}, maxLength = 10) String status,
        @Schema(description = "Subject of the coordinator who last saved it", maxLength = 255) String coordinator,
        @Schema(description = "The teacher it was reviewed with") UUID teacherId,
        LocalDate reviewedOn,
        Instant createdAt,
        Instant updatedAt,
        Instant finalizedAt,
        @Schema(maxLength = 255) String finalizedBy,
        @Schema(maxItems = ClassReviewService.MAX_ENTRIES) List<ReviewEntryView> entries) {

    public static ClassReviewView from(ClassReview review, List<ReviewEntryView> entries) {
        return new ClassReviewView(review.id, review.classId, review.period.id, review.period.name, review.schoolId,
                review.status, review.coordinatorSubject, review.teacherId, review.reviewedOn, review.createdAt,
                review.updatedAt, review.finalizedAt, review.finalizedBy, entries);
    }
}
