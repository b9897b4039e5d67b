package org.studentsupport.vocabulary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** New labels for a code of the caller's district, or its retirement. The code, kind and domain never change. */
@Schema(name = "UpdateVocabularyCodeRequest")
public record UpdateCodeRequest(
        @NotEmpty @Size(max = 10) @Schema(description = "Labels by language code (ISO 639-1); 'en' is required")
        Map<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code") String,
                @NotBlank @Size(max = 200) String> labels,
        @Schema(description = "false retires the code: it stays readable but new records cannot use it") boolean active) {
}
