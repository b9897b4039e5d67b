package org.studentsupport.student;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "StudentSummary", description = "A student as a search lists them")
public record StudentSummaryView(
        UUID id,
        @Schema(description = "OneRoster sourcedId", maxLength = 255) String sourcedId,
        @Schema(maxLength = 255) String givenName,
        @Schema(maxLength = 255) String familyName,
        @Schema(maxLength = 255) String preferredName,
        @Schema(description = "PK, KG, 01 … 12", maxLength = 10) String grade,
        UUID schoolId,
        boolean active) {

    static StudentSummaryView from(Student s) {
        return new StudentSummaryView(s.id, s.sourcedId, s.givenName, s.familyName, s.preferredName, s.grade, s.school.id, s.active);
    }
}
