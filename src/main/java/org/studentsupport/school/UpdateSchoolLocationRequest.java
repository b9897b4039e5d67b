package org.studentsupport.school;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The local fields of a school that the roster does not carry: its address and coordinates. */
@Schema(name = "UpdateSchoolLocationRequest")
public record UpdateSchoolLocationRequest(
        @NotNull @Valid Address address,
        @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(format = "double") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(format = "double") Double longitude) {
}
