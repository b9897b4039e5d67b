package org.studentsupport.vocabulary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** A new code of the caller's district: a need or a strength of one domain, with its labels. */
@Schema(name = "CreateVocabularyCodeRequest")
public record CreateCodeRequest(
        @NotNull @Pattern(regexp = "need|strength", message = "must be need or strength")
        @Schema(enumeration = {"need", "strength"}, maxLength = 10) String kind,
        @NotNull @Pattern(regexp = Vocabulary.DOMAIN_PATTERN, message = "must be academic, social-emotional, health or family")
        @Schema(enumeration = {"academic", "social-emotional", "health", "family"}, maxLength = 30) String domain,
        @NotBlank @Size(max = 50) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "may contain only a-z, 0-9 and '-'")
        @Schema(examples = "school-transition", pattern = "^[a-z0-9][a-z0-9-]*$", maxLength = 50) String code,
        @NotEmpty @Size(max = 10) @Schema(description = "Labels by language code (ISO 639-1); 'en' is required",
                examples = "{\"en\": \"Transition between schools\", \"es\": \"Cambio de escuela\"}")
        Map<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code") String,
                @NotBlank @Size(max = 200) String> labels) {
}
