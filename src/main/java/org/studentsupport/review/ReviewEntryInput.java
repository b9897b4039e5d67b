package org.studentsupport.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** One student of a whole-class review. */
@Schema(name = "ReviewEntryInput")
public record ReviewEntryInput(
        @NotNull @Schema(description = "A student enrolled in the class on the review date") UUID studentId,
        @Size(max = 20) @Schema(description = "A code of the tier scale (GET /api/v1/review-tiers); may be left out in a draft, required to finalize",
                examples = "2") String tier,
        @Size(max = 500) @Schema(description = "The student's interests, at most 500 characters") String interests,
        @Schema(description = "Flag the student for an individual student review") boolean needsIndividualReview,
        @Valid DomainsInput domains) {
}
