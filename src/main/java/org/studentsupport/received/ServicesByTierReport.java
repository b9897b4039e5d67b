package org.studentsupport.received;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.review.ReportCell;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Services received per student, by the tier of the period's review and by category: the students of
 * each tier, how many receive at least one service, and the services they receive during the school year.
 */
@Schema(name = "ServicesByTierReport")
public record ServicesByTierReport(
        UUID periodId,
        UUID schoolId,
        @Schema(description = "Services count when they run at any time from this day…") LocalDate from,
        @Schema(description = "…to this day (the school year of the period)") LocalDate to,
        @Schema(description = "Counts below this are suppressed", minimum = "1", maximum = "1000", format = "int32") int minCellCount,
        @Schema(description = "One row per tier of the scale, in its order", maxItems = 50) List<Row> rows,
        @Schema(description = "All tiers together") Row allTiers) {

    @Schema(name = "ServicesByTierRow")
    public record Row(
            @Schema(description = "The tier; null in the row of all tiers", maxLength = 20) String tier,
            @Schema(description = "Students reviewed in the tier") ReportCell students,
            @Schema(description = "Of those, students who receive at least one service") ReportCell studentsWithService,
            @Schema(description = "studentsWithService / students; null when either is suppressed", minimum = "0", maximum = "1") Double shareWithService,
            @Schema(description = "Services those students receive") ReportCell services,
            @Schema(description = "services / students; null when either is suppressed", minimum = "0", maximum = "1000") Double servicesPerStudent,
            @Schema(description = "Services by category: the three of the model, then uncategorized", maxItems = 4) List<CategoryCount> byCategory) {
    }

    @Schema(name = "ServiceCategoryCount")
    public record CategoryCount(
            @Schema(enumeration = {"prevention-enrichment", "early-intervention", "intensive", "uncategorized"}, maxLength = 30) String category,
            ReportCell services,
            @Schema(description = "Students who receive at least one service of the category") ReportCell students) {
    }
}
