package org.studentsupport.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.consent.ConsentVocabulary;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One disclosure, in words a parent can read beside the codes. */
@Schema(name = "Disclosure")
public record DisclosureView(
        UUID id,
        UUID studentId,
        Instant disclosedAt,
        @Schema(description = "The party that received the data") UUID partyOrganizationId,
        @Schema(maxLength = 255) String partyName,
        @Schema(description = "Its legitimate interest: the purpose code", maxLength = 40) String legitimateInterest,
        @Schema(description = "The purpose in words", maxLength = 1100) String legitimateInterestDescription,
        @Schema(maxItems = 9) List<@Size(max = 40) String> dataCategories,
        @Schema(description = "What each disclosed category covers", maxItems = 9) List<@Size(max = 200) String> dataDisclosed,
        @Schema(enumeration = {"consent", "health-or-safety-emergency"}, maxLength = 40) String basis,
        UUID consentId,
        @Schema(description = "For an emergency: the articulable and significant threat", maxLength = 2000) String threat,
        @Schema(description = "For an emergency: the parties informed", maxLength = 1000) String partiesInformed,
        @Schema(description = "The school official who made the disclosure", maxLength = 255) String official,
        UUID referralId,
        @Schema(description = "referral-sent: the referral was sent; update-shared: the school shared an update later",
                enumeration = {"referral-sent", "update-shared"}, maxLength = 20) String occasion,
        @Schema(description = "What the school said when sharing an update", maxLength = 2000) String note,
        @Schema(description = "The data disclosed, exactly as sent: the fields of the shared categories. Null for entries "
                + "made before the data disclosed was kept with the entry.", type = SchemaType.OBJECT) Map<String, Object> dataSent) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static DisclosureView from(Disclosure d) {
        String interest = ConsentVocabulary.PURPOSES.getOrDefault(d.legitimateInterest(), d.legitimateInterest())
                + (d.legitimateInterestText() == null ? "" : ": " + d.legitimateInterestText());
        return new DisclosureView(d.id(), d.studentId(), d.disclosedAt(), d.partyOrganizationId(), d.partyName(), d.legitimateInterest(), interest,
                d.dataCategories(), d.dataCategories().stream().map(c -> ConsentVocabulary.DATA_CATEGORIES.getOrDefault(c, c)).toList(),
                d.basis(), d.consentId(), d.threat(), d.partiesInformed(), d.official(), d.referralId(), d.occasion(), d.note(),
                tree(d.snapshot()));
    }

    private static Map<String, Object> tree(String snapshot) {
        try {
            return snapshot == null ? null : JSON.readValue(snapshot, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("disclosure snapshot is not JSON", e);
        }
    }
}
