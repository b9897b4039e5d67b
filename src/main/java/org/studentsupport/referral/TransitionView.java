package org.studentsupport.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "ReferralTransition")
public record TransitionView(
        UUID id,
        @Schema(maxLength = 20) String from,
        @Schema(maxLength = 20) String to,
        @Schema(description = "Subject of the user who moved it", maxLength = 255) String actor,
        @Schema(enumeration = {"school", "provider"}, maxLength = 10) String actorSide,
        Instant at,
        @Schema(maxLength = 40) String reasonCode,
        @Schema(maxLength = 2000) String reasonText,
        LocalDate firstServiceOn,
        @Schema(maxLength = 2000) String note) {

    public static TransitionView from(ReferralTransition t) {
        return new TransitionView(t.id, t.fromStatus.code(), t.toStatus.code(), t.actor, t.actorSide, t.at,
                t.reasonCode, t.reasonText, t.firstServiceOn, t.note);
    }
}
