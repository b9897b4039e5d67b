package org.studentsupport.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A goal of the plan. */
@Schema(name = "GoalInput")
public record GoalInput(
        @NotBlank @Size(max = 1000) @Schema(examples = "Attend school at least 4 days a week") String text,
        LocalDate targetDate,
        @Pattern(regexp = PlanRules.GOAL_STATUSES, message = "must be one of " + PlanRules.GOAL_STATUSES_TEXT)
        @Schema(description = "Default open", enumeration = {"open", "met", "partially-met", "not-met", "discontinued"}, maxLength = 20)
        String status) {
}
