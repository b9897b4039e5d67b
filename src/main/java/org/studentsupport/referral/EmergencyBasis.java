package org.studentsupport.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The FERPA health-or-safety emergency exception (99.31(a)(10), 99.36), used instead of consent. */
@Schema(name = "EmergencyBasis")
public record EmergencyBasis(
        @NotBlank @Size(max = 2000) @Schema(description = "The articulable and significant threat to the health or safety of the student or others")
        String threat,
        @NotBlank @Size(max = 1000) @Schema(description = "The parties informed of the threat") String partiesInformed) {
}
