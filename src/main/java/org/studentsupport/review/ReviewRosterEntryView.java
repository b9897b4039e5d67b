package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** One student of a period's review roster: where the student is to be reviewed, and where it stands. */
@Schema(name = "ReviewRosterEntry")
public record ReviewRosterEntryView(
        UUID studentId,
        @Schema(maxLength = 255) String givenName,
        @Schema(maxLength = 255) String familyName,
        @Schema(maxLength = 20) String grade,
        @Schema(description = "The class the student is to be reviewed in; null when unassigned") UUID reviewingClassId,
        @Schema(maxLength = 255) String reviewingClassTitle,
        @Schema(description = "homeroom (the default) or designated (chosen by the school); null when unassigned",
                enumeration = {"homeroom", "designated"}, maxLength = 20) String reviewingClassSource,
        @Schema(description = "unassigned (no reviewing class, no entry), not-reviewed (a reviewing class, no entry), "
                + "draft or final (the status of the review holding the student's entry)",
                enumeration = {"unassigned", "not-reviewed", "draft", "final"}, maxLength = 20) String status,
        @Schema(description = "The review holding the student's entry of the period; null when not reviewed") UUID reviewId,
        @Schema(description = "The class that review belongs to; may differ from the reviewing class") UUID reviewedInClassId,
        @Schema(maxLength = 255) String reviewedInClassTitle,
        @Schema(description = "True when the student's entry is in a review of another class than the reviewing class")
        boolean reviewedElsewhere,
        @Schema(maxLength = 20) String tier,
        @Schema(description = "True while the entry is the previous period's, carried forward and not yet confirmed")
        boolean carriedForward) {
}
