package org.studentsupport.oversight;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The follow-through report: the range it covers, how it groups, and one row per group. */
@Schema(name = "FollowThroughReport")
public record FollowThroughReport(
        LocalDate from,
        LocalDate to,
        @Schema(description = "school, coordinator or provider", maxLength = 20) String groupBy,
        @Schema(maxItems = 100000) List<FollowThroughRow> rows) {
}
