package org.studentsupport.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** A review period as an administrator creates or replaces it; the district is the caller's. */
@Schema(name = "ReviewPeriodRequest")
public record ReviewPeriodRequest(
        @NotNull @Schema(description = "The school year (an academic session of type schoolYear) the period belongs to")
        UUID schoolYearId,
        @NotBlank @Size(max = 100) @Schema(examples = "2026-27 fall") String name,
        @NotNull @Pattern(regexp = "fall|spring|other", message = "must be fall, spring or other")
        @Schema(enumeration = {"fall", "spring", "other"}, maxLength = 10) String kind,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate) {
}
