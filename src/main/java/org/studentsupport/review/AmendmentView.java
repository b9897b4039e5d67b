package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An amendment of a finalized review: why, who, when, and each student's entry before and after. */
@Schema(name = "ClassReviewAmendment")
public record AmendmentView(
        UUID id,
        @Schema(maxLength = 1000) String reason,
        @Schema(maxLength = 255) String amendedBy,
        Instant amendedAt,
        @Schema(maxItems = ClassReviewService.MAX_ENTRIES) List<Change> changes) {

    @Schema(name = "ClassReviewChange")
    public record Change(
            UUID studentId,
            @Schema(description = "The entry before the amendment; null when the student had none") ReviewEntryView previous,
            ReviewEntryView amended) {
    }
}
