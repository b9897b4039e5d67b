package org.studentsupport.review;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** The class a student is to be reviewed in during a period, instead of the homeroom. */
@Schema(name = "DesignateReviewingClassRequest")
public record DesignateReviewingClassRequest(
        @NotNull @Schema(description = "A class of the period's own term, of the student's school, that the student is enrolled in during the period")
        UUID classId) {
}
