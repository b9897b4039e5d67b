package org.studentsupport.consent;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Consent")
public record ConsentView(
        UUID id,
        UUID studentId,
        @Schema(description = "The family contact who signed; null when the student signed") UUID signerContactId,
        @Schema(maxLength = 511) String signerName,
        boolean signedByStudent,
        LocalDate signedOn,
        @Schema(enumeration = {"paper", "electronic"}, maxLength = 20) String method,
        @Schema(maxLength = 500) String paperScanReference,
        @Schema(maxLength = 500) String electronicSignerIdentity,
        @Schema(maxItems = 9) List<@Size(max = 40) String> dataCategories,
        @Schema(maxItems = 7) List<@Size(max = 40) String> purposes,
        @Schema(maxLength = 1000) String purposeText,
        UUID recipientOrganizationId,
        @Schema(maxLength = 40) String recipientClass,
        LocalDate expiresOn,
        @Schema(description = "in-force, expired, revoked or not-yet-signed (today)", maxLength = 20) String state,
        LocalDate revokedOn,
        @Schema(maxLength = 255) String revokedBy,
        @Schema(maxLength = 1000) String revocationNote,
        @Schema(description = "Open referrals relying on this consent (flagged when it is revoked)", maxItems = 1000)
        List<UUID> openReferralIds) {

    public static ConsentView from(Consent c, LocalDate today, List<UUID> openReferralIds) {
        return new ConsentView(c.id(), c.student().id, c.signerContact() == null ? null : c.signerContact().id, c.signerName(),
                c.signedByStudent(), c.signedOn(), c.method(), c.paperScanReference(), c.electronicSignerIdentity(),
                c.dataCategories(), c.purposes(), c.purposeText(), c.recipientOrganizationId(), c.recipientClass(), c.expiresOn(),
                c.stateOn(today), c.revokedOn(), c.revokedBy(), c.revocationNote(), openReferralIds);
    }
}
