package org.studentsupport.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A correction of some entries of a finalized review; each listed entry replaces the student's current one. */
@Schema(name = "AmendClassReviewRequest")
public record AmendClassReviewRequest(
        @NotBlank @Size(max = 1000) @Schema(description = "Why the finalized review is corrected") String reason,
        @NotNull @Size(min = 1, max = ClassReviewService.MAX_ENTRIES) @Schema(maxItems = ClassReviewService.MAX_ENTRIES)
        List<@NotNull @Valid ReviewEntryInput> entries) {
}
