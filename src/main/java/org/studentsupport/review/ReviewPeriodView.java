package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "ReviewPeriod")
public record ReviewPeriodView(
        UUID id,
        UUID schoolYearId,
        @Schema(maxLength = 255) String schoolYearTitle,
        @Schema(maxLength = 100) String name,
        @Schema(enumeration = {"fall", "spring", "other"}, maxLength = 10) String kind,
        LocalDate startDate,
        LocalDate endDate) {

    public static ReviewPeriodView from(ReviewPeriod period) {
        return new ReviewPeriodView(period.id, period.schoolYear.id, period.schoolYear.title, period.name, period.kind,
                period.startDate, period.endDate);
    }
}
