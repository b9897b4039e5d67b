package org.studentsupport.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The whole class in one draft; saving replaces every entry of the previous draft. */
@Schema(name = "SaveClassReviewRequest")
public record SaveClassReviewRequest(
        @Schema(description = "The teacher of the class the review was done with; default: the class's first teacher")
        UUID teacherId,
        @Schema(description = "The day of the review (default: the draft's review day, else today kept within the period); enrollment is checked on this date")
        LocalDate reviewedOn,
        @NotNull @Size(max = ClassReviewService.MAX_ENTRIES) @Schema(maxItems = ClassReviewService.MAX_ENTRIES)
        List<@NotNull @Valid ReviewEntryInput> entries) {
}
