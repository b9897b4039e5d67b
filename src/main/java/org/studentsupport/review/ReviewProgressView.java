package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** How far a school is with its whole-class reviews in a period, counted on the period's review roster. */
@Schema(name = "ReviewProgress")
public record ReviewProgressView(
        UUID schoolId,
        UUID periodId,
        @Schema(description = "The day enrollment is counted on: today, kept within the period") LocalDate referenceDate,
        @Schema(description = "Classes to review: the reviewing classes of the roster and the classes holding a review of the period",
                minimum = "0", maximum = "100000", format = "int32") int classes,
        @Schema(minimum = "0", maximum = "100000", format = "int32") int classesNotStarted,
        @Schema(minimum = "0", maximum = "100000", format = "int32") int classesDraft,
        @Schema(minimum = "0", maximum = "100000", format = "int32") int classesFinal,
        @Schema(description = "Students on the period's review roster: enrolled on the reference date in a class of the period's own term",
                minimum = "0", maximum = "1000000", format = "int32") int studentsEnrolled,
        @Schema(description = "Of those, students with a tier in a finalized review of the period",
                minimum = "0", maximum = "1000000", format = "int32") int studentsReviewed,
        @Schema(description = "Of those, students with no reviewing class (no homeroom, no designated class) and no entry",
                minimum = "0", maximum = "1000000", format = "int32") int studentsUnassigned,
        @Schema(description = "studentsReviewed / studentsEnrolled, rounded to 3 decimals (0 when the roster is empty)",
                minimum = "0", maximum = "1", format = "double") double reviewedShare) {
}
