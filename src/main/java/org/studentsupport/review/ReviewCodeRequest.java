package org.studentsupport.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new code for a domain's needs/strengths list. */
@Schema(name = "CreateReviewCodeRequest")
public record ReviewCodeRequest(
        @NotNull @Pattern(regexp = "academic|social-emotional|health|family", message = "must be academic, social-emotional, health or family")
        @Schema(enumeration = {"academic", "social-emotional", "health", "family"}, maxLength = 30) String domain,
        @NotBlank @Size(max = 50) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "may contain only a-z, 0-9 and '-'")
        @Schema(examples = "school-transition", pattern = "^[a-z0-9][a-z0-9-]*$") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "Transition between schools") String label) {
}
