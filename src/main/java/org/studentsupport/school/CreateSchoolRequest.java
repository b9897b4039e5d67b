package org.studentsupport.school;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A school added by hand, before or beside the roster import; its district is the caller's. */
@Schema(name = "CreateSchoolRequest")
public record CreateSchoolRequest(
        @NotBlank @Size(max = 255) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may contain only letters, digits, '.', '_', ':' and '-'")
        @Schema(description = "OneRoster sourcedId, unique", examples = "sch-elm") String sourcedId,
        @NotBlank @Size(max = 255) @Schema(examples = "Elm Street Elementary School") String name,
        @Size(max = 255) @Schema(description = "The district's school number") String identifier,
        @Valid Address address,
        @DecimalMin("-90") @DecimalMax("90") @Schema(format = "double") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") @Schema(format = "double") Double longitude) {

}
