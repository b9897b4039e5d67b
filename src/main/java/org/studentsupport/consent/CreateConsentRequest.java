package org.studentsupport.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A signed consent to record. Exactly one signer: {@code signerContactId} (a family contact of the
 * student allowed to sign) or {@code signedByStudent} (the student, 18 or older on the signing date).
 * Exactly one recipient: {@code recipientOrganizationId} or {@code recipientClass}.
 */
@Schema(name = "CreateConsentRequest")
public record CreateConsentRequest(
        @Schema(description = "The family contact who signed; omit when the student signed") UUID signerContactId,
        @Schema(description = "True when the student (18 or older) signed") boolean signedByStudent,
        @NotNull @Schema(description = "The date on the signature") LocalDate signedOn,
        @NotNull @Pattern(regexp = "paper|electronic") @Schema(enumeration = {"paper", "electronic"}, maxLength = 20) String method,
        @Size(max = 500) @Schema(description = "Where the scanned paper form is kept (required for paper)") String paperScanReference,
        @Size(max = 500) @Schema(description = "How the electronic signature identifies and authenticates the signer (required for electronic)")
        String electronicSignerIdentity,
        @NotEmpty @Size(max = 9) @Schema(description = "Data categories covered (see the referral form lookup)", maxItems = 9)
        List<@NotBlank @Size(max = 40) String> dataCategories,
        @NotEmpty @Size(max = 7) @Schema(description = "Purposes covered", maxItems = 7)
        List<@NotBlank @Size(max = 40) String> purposes,
        @Size(max = 1000) @Schema(description = "The purpose in the consent's own words") String purposeText,
        @Schema(description = "The one organization that may receive the data") UUID recipientOrganizationId,
        @Size(max = 40) @Pattern(regexp = "community-providers") @Schema(description = "A class of parties instead of one organization",
                enumeration = {"community-providers"}, maxLength = 40) String recipientClass,
        @NotNull @Schema(description = "The last day the consent is in force") LocalDate expiresOn) {
}
