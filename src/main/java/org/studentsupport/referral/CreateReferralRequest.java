package org.studentsupport.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A referral form: the draft to create, and the whole draft a merge patch is applied to. The
 * student comes from the path; the status, school and author never come from the body.
 */
@Schema(name = "CreateReferralRequest")
public record CreateReferralRequest(
        @NotNull @Schema(description = "The directory service referred to; its organization follows") UUID serviceId,
        @Size(max = 10) @Schema(description = "Family contacts of the student included in the referral", maxItems = 10)
        Set<@NotNull UUID> familyContactIds,
        @NotEmpty @Size(max = 20) @Schema(description = "Need codes of the needs vocabulary (GET /api/v1/vocabulary-codes?kind=need), as the reviews and plans code them", maxItems = 20)
        List<@NotNull @Size(max = 50) @Pattern(regexp = NEED_CODE, message = "must be a need code: lower-case letters, digits and '-', at most 50") String> reasonCodes,
        @Size(max = 2000) @Schema(description = "Why, in words (seen inside the school only)") String reasonText,
        @NotNull @Pattern(regexp = "routine|soon|urgent") @Schema(enumeration = {"routine", "soon", "urgent"}, maxLength = 10) String urgency,
        @NotBlank @Size(max = 40) @Schema(description = "The purpose of the disclosure (see the form lookup)") String purpose,
        @NotEmpty @Size(max = 9) @Schema(description = "Data categories the referral shares with the provider; must include identity", maxItems = 9)
        List<@NotNull @Size(max = 40) String> sharedCategories,
        @Size(max = 4000) @Schema(description = "Notes for the school only; never shown to the provider") String internalNotes,
        @Size(max = 4000) @Schema(description = "What the provider should know") String sharedNotes,
        @Schema(description = "The consent the referral relies on") UUID consentId,
        @Valid @Schema(description = "The health-or-safety emergency exception, instead of consent") EmergencyBasis emergency) {

    public static final String NEED_CODE = "^[a-z0-9][a-z0-9-]{0,49}$";
}
