package org.studentsupport.consent;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A revocation: from which day (default today; not in the future) and an optional note. */
@Schema(name = "RevokeConsentRequest")
public record RevokeConsentRequest(
        @Schema(description = "The day the revocation takes effect; today when omitted") LocalDate revokedOn,
        @Size(max = 1000) @Schema(maxLength = 1000) String note) {
}
