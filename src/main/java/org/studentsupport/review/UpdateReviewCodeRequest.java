package org.studentsupport.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A code's label and whether it may still be used in new entries (retired codes stay readable). */
@Schema(name = "UpdateReviewCodeRequest")
public record UpdateReviewCodeRequest(
        @NotBlank @Size(max = 200) String label,
        @NotNull Boolean active) {
}
