package org.studentsupport.school;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A postal address. */
@Schema(name = "Address")
public record Address(
        @NotBlank @Size(max = 255) @Schema(examples = "120 Elm Street") String street,
        @NotBlank @Size(max = 100) @Schema(examples = "Springfield") String city,
        @Size(max = 100) @Schema(description = "State or region", examples = "MA") String region,
        @NotBlank @Size(max = 20) @Schema(examples = "01103") String postalCode,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code")
        @Schema(description = "ISO 3166-1 alpha-2 country code", examples = "US", maxLength = 2, pattern = "^[A-Z]{2}$")
        String country) {
}
