package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** How far a school is with its whole-class reviews in a period. */
@Schema(name = "ReviewProgress")
public record ReviewProgressView(
        UUID schoolId,
        UUID periodId,
        @Schema(description = "The day enrollment is counted on: today, kept within the period") LocalDate referenceDate,
        @Schema(minimum = "0", maximum = "100000", format = "int32") int classes,
        @Schema(minimum = "0", maximum = "100000", format = "int32") int classesNotStarted,
        @Schema(minimum = "0", maximum = "100000", format = "int32") int classesDraft,
        @Schema(minimum = "0", maximum = "100000", format = "int32") int classesFinal,
        @Schema(description = "Students enrolled in the school's classes of the school year on the reference date",
                minimum = "0", maximum = "1000000", format = "int32") int studentsEnrolled,
        @Schema(description = "Of those, students with a tier in a finalized review of the period",
                minimum = "0", maximum = "1000000", format = "int32") int studentsReviewed,
        @Schema(description = "studentsReviewed / studentsEnrolled, rounded to 3 decimals (0 when none are enrolled)",
                minimum = "0", maximum = "1", format = "double") double reviewedShare) {
}
