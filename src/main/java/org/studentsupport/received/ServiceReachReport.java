package org.studentsupport.received;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.review.ReportCell;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The share of the students reviewed in a period who receive at least one service, per school. */
@Schema(name = "ServiceReachReport")
public record ServiceReachReport(
        UUID periodId,
        LocalDate from,
        LocalDate to,
        @Schema(description = "Counts below this are suppressed", minimum = "1", maximum = "1000", format = "int32") int minCellCount,
        @Schema(maxItems = 2000) List<Row> schools,
        @Schema(description = "All the schools of the report together") Row total) {

    @Schema(name = "ServiceReachRow")
    public record Row(
            @Schema(description = "null in the total") UUID schoolId,
            @Schema(maxLength = 255) String schoolName,
            @Schema(description = "Students reviewed in the period (finalized reviews)") ReportCell students,
            @Schema(description = "Of those, students who receive at least one service") ReportCell studentsWithService,
            @Schema(description = "studentsWithService / students; null when either is suppressed", minimum = "0", maximum = "1") Double share) {
    }
}
