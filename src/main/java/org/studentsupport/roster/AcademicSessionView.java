package org.studentsupport.roster;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "AcademicSession", description = "A school year or a term in it")
public record AcademicSessionView(
        UUID id,
        @Schema(description = "OneRoster sourcedId", maxLength = 255) String sourcedId,
        @Schema(maxLength = 255) String title,
        @Schema(description = "schoolYear, term, semester or gradingPeriod", maxLength = 20) String type,
        @Schema(description = "The year the school year ends in (2026-27 is 2027)", minimum = "1900", maximum = "2999", format = "int32") int schoolYear,
        LocalDate startDate,
        LocalDate endDate,
        @Schema(description = "The school year a term belongs to") UUID parentId) {

    static AcademicSessionView from(AcademicSession s) {
        return new AcademicSessionView(s.id, s.sourcedId, s.title, s.type, s.schoolYear, s.startDate, s.endDate,
                s.parent == null ? null : s.parent.id);
    }
}
