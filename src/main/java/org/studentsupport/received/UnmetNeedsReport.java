package org.studentsupport.received;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.review.ReportCell;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Needs without any service, counted: per need code recorded in the period's finalized reviews, the
 * students with the need, and those of them with no service received and no sent, open referral meeting it.
 */
@Schema(name = "UnmetNeedsReport")
public record UnmetNeedsReport(
        UUID periodId,
        UUID schoolId,
        LocalDate from,
        LocalDate to,
        @Schema(description = "Counts below this are suppressed", minimum = "1", maximum = "1000", format = "int32") int minCellCount,
        @Schema(description = "Students with at least one need without a service") ReportCell studentsWithUnmetNeeds,
        @Schema(description = "By need, the most unmet first", maxItems = 1000) List<Row> needs) {

    @Schema(name = "UnmetNeedRow")
    public record Row(
            @Schema(maxLength = 30) String domain,
            @Schema(maxLength = 50) String code,
            @Schema(maxLength = 200) String label,
            @Schema(description = "Students with the need") ReportCell students,
            @Schema(description = "Of those, students with no service and no open referral meeting it") ReportCell unmet) {
    }
}
