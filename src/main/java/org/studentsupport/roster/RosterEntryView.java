package org.studentsupport.roster;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "RosterEntry", description = "A student enrolled in a class on the date asked")
public record RosterEntryView(
        UUID studentId,
        @Schema(maxLength = 255) String givenName,
        @Schema(maxLength = 255) String familyName,
        @Schema(maxLength = 255) String preferredName,
        @Schema(maxLength = 10) String grade,
        UUID enrollmentId,
        LocalDate beginDate,
        LocalDate endDate) {

    static RosterEntryView from(Enrollment e) {
        var s = e.student;
        return new RosterEntryView(s.id, s.givenName, s.familyName, s.preferredName, s.grade, e.id, e.beginDate, e.endDate);
    }
}
