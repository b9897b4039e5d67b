package org.studentsupport.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Re-route a rejected referral: a new draft to another service, linked to the rejected one. */
@Schema(name = "RerouteRequest")
public record RerouteRequest(
        @NotNull @Schema(description = "Another directory service") UUID serviceId,
        @Size(max = 2000) @Schema(description = "Replaces the shared notes of the new referral when given") String sharedNotes) {
}
