package org.studentsupport.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Replaces the concerns and the team of an open individual review. */
@Schema(name = "UpdateIndividualReviewRequest")
public record UpdateIndividualReviewRequest(
        @NotBlank @Size(max = 4000) String concerns,
        @Size(max = 20) @Schema(description = "The needs the plan addresses (codes of the needs vocabulary); left out, they stay as they are", maxItems = 20)
        List<@NotBlank @Size(max = 50) String> needs,
        @NotNull @Size(max = PlanRules.MAX_TEAM) @Schema(maxItems = PlanRules.MAX_TEAM) List<@Valid TeamMemberInput> team) {
}
