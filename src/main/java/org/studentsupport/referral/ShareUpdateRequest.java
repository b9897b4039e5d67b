package org.studentsupport.referral;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sharing an update of the data with the provider; the note is kept with the disclosure entry. */
@Schema(name = "ShareUpdateRequest")
public record ShareUpdateRequest(
        @Size(max = 2000) @Schema(description = "What changed, for the provider and the record", maxLength = 2000) String note) {
}
