package org.studentsupport.referral;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.consent.Consent;
import org.studentsupport.consent.ConsentVocabulary;
import org.studentsupport.matching.MatchingService;
import org.studentsupport.student.StudentContact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a referral form needs to offer its choices and explain them. */
@Schema(name = "ReferralFormLookup")
public record ReferralFormLookup(
        @Schema(description = "The shape of a need code; the needs vocabulary (GET /api/v1/vocabulary-codes?kind=need) names the codes in use", maxLength = 100) String needCodePattern,
        @Schema(description = "Need codes to offer: with a student, the needs recorded in their latest review and plan first; then the other active codes of the needs vocabulary", maxItems = 200) List<Option> suggestedNeedCodes,
        @Schema(maxItems = 3) List<Option> urgencyLevels,
        @Schema(maxItems = 20) List<Option> purposes,
        @Schema(maxItems = 20) List<Option> dataCategories,
        @Schema(description = "Reason codes of a rejection", maxItems = 10) List<@Size(max = 40) String> rejectionReasons,
        @Schema(description = "Reason codes of a failure", maxItems = 10) List<@Size(max = 40) String> failureReasons,
        @Schema(description = "Outcome codes of a completion", maxItems = 10) List<@Size(max = 40) String> outcomes,
        @Schema(description = "Consents of the student in force today that cover the chosen service's organization (all in force when no service is chosen)",
                maxItems = 50) List<ConsentOption> consents,
        @Schema(description = "The student's family contacts", maxItems = 20) List<ContactOption> familyContacts,
        @Schema(description = "With a student: the best-ranked services for the needs recorded in their latest review and plan "
                + "(as GET /api/v1/students/{id}/matching-services), each saying why", maxItems = 10)
        List<MatchingService> suggestedServices) {

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

    static ReferralFormLookup of(List<Option> needs, List<ConsentOption> consents, List<ContactOption> contacts,
                                 List<MatchingService> services) {
        return new ReferralFormLookup(CreateReferralRequest.NEED_CODE, needs,
                List.of(new Option("routine", "routine"), new Option("soon", "within days"), new Option("urgent", "as soon as possible")),
                options(ConsentVocabulary.PURPOSES), options(ConsentVocabulary.DATA_CATEGORIES),
                ReferralStatus.REJECTION_REASONS, ReferralStatus.FAILURE_REASONS, ReferralStatus.OUTCOMES, consents, contacts, services);
    }

    private static List<Option> options(Map<String, String> codes) {
        return codes.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList();
    }
}
