package org.studentsupport.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An individual review in a student's list. */
@Schema(name = "IndividualReviewSummary")
public record IndividualReviewSummary(
        UUID id,
        @Schema(enumeration = {"open", "closed"}, maxLength = 10) String status,
        Instant openedAt,
        Instant closedAt,
        @Schema(minimum = "0", maximum = "1000", format = "int32") int goals,
        @Schema(minimum = "0", maximum = "1000", format = "int32") int supports) {

    public static IndividualReviewSummary from(IndividualReview r) {
        return new IndividualReviewSummary(r.id, r.status, r.openedAt, r.closedAt, r.goals.size(), r.supports.size());
    }
}
