package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Students by fall tier and spring tier of one school year: one cell per pair of tiers. */
@Schema(name = "TierMovementReport")
public record TierMovementReport(
        UUID schoolYearId,
        UUID fallPeriodId,
        UUID springPeriodId,
        @Schema(description = "Only this school; null for every school you may see") UUID schoolId,
        @Schema(minimum = "1", maximum = "1000", format = "int32") int minCellCount,
        @Schema(description = "Students with a tier in both periods") ReportCell studentsCompared,
        @Schema(description = "Every (from, to) pair of the tier scale, in scale order", maxItems = 2500) List<Cell> cells) {

    @Schema(name = "TierMovementCell")
    public record Cell(
            @Schema(description = "Tier in the fall", maxLength = 20) String fromTier,
            @Schema(description = "Tier in the spring", maxLength = 20) String toTier,
            ReportCell students) {
    }
}
