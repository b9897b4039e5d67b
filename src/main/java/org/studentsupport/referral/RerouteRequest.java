package org.studentsupport.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Re-route a rejected referral: a new draft to another service, linked to the rejected one. */
@Schema(name = "RerouteRequest")
public record RerouteRequest(
        @NotNull @Schema(description = "Another directory service") UUID serviceId,
        @Size(max = 2000) @Schema(description = "Replaces the shared notes of the new referral when given") String sharedNotes,
        @Schema(description = "Another consent on file for the student for the new referral to rely on, e.g. when the "
                + "first was revoked; by default the new referral keeps the rejected one's basis") UUID consentId) {
}
