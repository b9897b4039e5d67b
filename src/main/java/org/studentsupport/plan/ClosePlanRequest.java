package org.studentsupport.plan;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Closes an individual review's plan. */
@Schema(name = "ClosePlanRequest")
public record ClosePlanRequest(@Size(max = 1000) @Schema(description = "Why the plan is closed") String note) {
}
