package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A count in a report; a count below the configured minimum is not shown. */
@Schema(name = "ReportCount")
public record ReportCell(
        @Schema(description = "The count; null when suppressed", minimum = "0", maximum = "10000000", format = "int64") Long count,
        @Schema(description = "true when the count is below the minimum cell size and therefore not shown") boolean suppressed) {

    /** Small-cell suppression: a count under {@code min} (zero included) is replaced by a marker. */
    public static ReportCell of(long count, int min) {
        return count < min ? new ReportCell(null, true) : new ReportCell(count, false);
    }
}
