package org.studentsupport.referral;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.consent.Consent;
import org.studentsupport.consent.ConsentVocabulary;
import org.studentsupport.student.StudentContact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a referral form needs to offer its choices and explain them. */
@Schema(name = "ReferralFormLookup")
public record ReferralFormLookup(
        @Schema(description = "The shape of a need code; the reviews' code list names the codes in use", maxLength = 100) String needCodePattern,
        @Schema(description = "Common need codes, as suggestions", maxItems = 50) List<Option> suggestedNeedCodes,
        @Schema(maxItems = 3) List<Option> urgencyLevels,
        @Schema(maxItems = 20) List<Option> purposes,
        @Schema(maxItems = 20) List<Option> dataCategories,
        @Schema(description = "Reason codes of a rejection", maxItems = 10) List<@Size(max = 40) String> rejectionReasons,
        @Schema(description = "Reason codes of a failure", maxItems = 10) List<@Size(max = 40) String> failureReasons,
        @Schema(description = "Outcome codes of a completion", maxItems = 10) List<@Size(max = 40) String> outcomes,
        @Schema(description = "Consents of the student in force today that cover the chosen service's organization (all in force when no service is chosen)",
                maxItems = 50) List<ConsentOption> consents,
        @Schema(description = "The student's family contacts", maxItems = 20) List<ContactOption> familyContacts) {

    private static final Map<String, String> NEED_SUGGESTIONS = new java.util.LinkedHashMap<>();

    static {
        NEED_SUGGESTIONS.put("academic.reading", "reading below grade level");
        NEED_SUGGESTIONS.put("academic.math", "math below grade level");
        NEED_SUGGESTIONS.put("academic.attendance", "chronic absence");
        NEED_SUGGESTIONS.put("sel.anxiety", "anxiety");
        NEED_SUGGESTIONS.put("sel.behavior", "behavior in class");
        NEED_SUGGESTIONS.put("sel.peer-relations", "peer relations");
        NEED_SUGGESTIONS.put("health.vision", "vision screening");
        NEED_SUGGESTIONS.put("health.mental", "mental health");
        NEED_SUGGESTIONS.put("family.housing", "housing instability");
        NEED_SUGGESTIONS.put("family.food", "food insecurity");
    }

    @Schema(name = "LookupOption")
    public record Option(@Schema(maxLength = 50) String code, @Schema(maxLength = 200) String label) {
    }

    @Schema(name = "ConsentOption")
    public record ConsentOption(UUID consentId, @Schema(maxLength = 511) String signerName, LocalDate signedOn,
                                LocalDate expiresOn, @Schema(maxItems = 7) List<@Size(max = 40) String> purposes,
                                @Schema(maxItems = 9) List<@Size(max = 40) String> dataCategories,
                                UUID recipientOrganizationId, @Schema(maxLength = 40) String recipientClass) {

        static ConsentOption from(Consent c) {
            return new ConsentOption(c.id(), c.signerName(), c.signedOn(), c.expiresOn(), c.purposes(),
                    c.dataCategories(), c.recipientOrganizationId(), c.recipientClass());
        }
    }

    @Schema(name = "ContactOption")
    public record ContactOption(UUID contactId, @Schema(maxLength = 511) String name,
                                @Schema(maxLength = 20) String relationship, boolean maySignConsent) {

        static ContactOption from(StudentContact link) {
            return new ContactOption(link.contact.id, link.contact.givenName + " " + link.contact.familyName,
                    link.relationship, link.maySignConsent);
        }
    }

    static ReferralFormLookup of(List<ConsentOption> consents, List<ContactOption> contacts) {
        return new ReferralFormLookup(CreateReferralRequest.NEED_CODE, options(NEED_SUGGESTIONS),
                List.of(new Option("routine", "routine"), new Option("soon", "within days"), new Option("urgent", "as soon as possible")),
                options(ConsentVocabulary.PURPOSES), options(ConsentVocabulary.DATA_CATEGORIES),
                ReferralStatus.REJECTION_REASONS, ReferralStatus.FAILURE_REASONS, ReferralStatus.OUTCOMES, consents, contacts);
    }

    private static List<Option> options(Map<String, String> codes) {
        return codes.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList();
    }
}
