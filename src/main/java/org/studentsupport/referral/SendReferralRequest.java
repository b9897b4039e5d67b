package org.studentsupport.referral;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sending a draft to the provider; the note is kept with the transition. */
@Schema(name = "SendReferralRequest")
public record SendReferralRequest(@Size(max = 2000) @Schema(maxLength = 2000) String note) {
}
