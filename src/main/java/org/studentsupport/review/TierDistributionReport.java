package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** How many students are in each tier, per school and grade, in one review period. */
@Schema(name = "TierDistributionReport")
public record TierDistributionReport(
        UUID periodId,
        @Schema(description = "Counts below this are suppressed", minimum = "1", maximum = "1000", format = "int32") int minCellCount,
        @Schema(maxItems = 20000) List<Row> rows) {

    @Schema(name = "TierDistributionRow")
    public record Row(
            UUID schoolId,
            @Schema(maxLength = 255) String schoolName,
            @Schema(description = "Grade level (CEDS code); null when the roster has none", maxLength = 10) String grade,
            @Schema(maxLength = 20) String tier,
            @Schema(description = "Students of the school and grade in the tier") ReportCell students) {
    }
}
