package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The needs and strengths recorded for the most students in a period. */
@Schema(name = "FrequentCodesReport")
public record FrequentCodesReport(
        UUID periodId,
        @Schema(description = "Only this school; null for every school you may see") UUID schoolId,
        @Schema(minimum = "1", maximum = "1000", format = "int32") int minCellCount,
        @Schema(description = "Most frequent needs, most students first", maxItems = 50) List<Row> needs,
        @Schema(description = "Most frequent strengths, most students first", maxItems = 50) List<Row> strengths) {

    @Schema(name = "FrequentCodeRow")
    public record Row(
            @Schema(enumeration = {"academic", "social-emotional", "health", "family"}, maxLength = 30) String domain,
            @Schema(maxLength = 50) String code,
            @Schema(maxLength = 200) String label,
            @Schema(description = "Students the code was recorded for") ReportCell students) {
    }
}
