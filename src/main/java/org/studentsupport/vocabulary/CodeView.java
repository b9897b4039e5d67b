package org.studentsupport.vocabulary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;
import java.util.UUID;

@Schema(name = "VocabularyCode")
public record CodeView(
        UUID id,
        @Schema(enumeration = {"need", "strength"}, maxLength = 10) String kind,
        @Schema(enumeration = {"academic", "social-emotional", "health", "family"}, maxLength = 30) String domain,
        @Schema(maxLength = 50) String code,
        @Schema(description = "The label in the language asked for (lang), else English", maxLength = 200) String label,
        @Schema(description = "Labels by language code") Map<@Size(max = 2) String, @Size(max = 200) String> labels,
        @Schema(description = "The district that added the code; null for the shared default") UUID districtId,
        @Schema(description = "Retired codes (false) cannot be used in new records") boolean active) {

    public static CodeView from(VocabularyCode code, String language) {
        return new CodeView(code.id, code.kind, code.domain, code.code, code.label(language), Map.copyOf(code.labels),
                code.districtId, code.active);
    }
}
