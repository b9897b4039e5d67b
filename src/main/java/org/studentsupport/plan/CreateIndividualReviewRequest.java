package org.studentsupport.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Opens an individual student review with its first plan. */
@Schema(name = "CreateIndividualReviewRequest")
public record CreateIndividualReviewRequest(
        @NotBlank @Size(max = 4000) @Schema(description = "What the team is concerned about") String concerns,
        @Size(max = 20) @Schema(description = "The needs the plan addresses: codes of the needs vocabulary", maxItems = 20)
        List<@NotBlank @Size(max = 50) String> needs,
        @Size(max = PlanRules.MAX_TEAM) @Schema(maxItems = PlanRules.MAX_TEAM) List<@Valid TeamMemberInput> team,
        @Size(max = PlanRules.MAX_GOALS) @Schema(maxItems = PlanRules.MAX_GOALS) List<@Valid GoalInput> goals,
        @Size(max = PlanRules.MAX_SUPPORTS) @Schema(maxItems = PlanRules.MAX_SUPPORTS) List<@Valid SupportInput> supports) {
}
