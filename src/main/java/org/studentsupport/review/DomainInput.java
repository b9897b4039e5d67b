package org.studentsupport.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Strengths and needs in one domain: codes of the domain's code list, and a short note. */
@Schema(name = "ReviewDomainInput")
public record DomainInput(
        @Size(max = 20) @Schema(maxItems = 20) List<@NotBlank @Size(max = 50) String> strengths,
        @Size(max = 20) @Schema(maxItems = 20) List<@NotBlank @Size(max = 50) String> needs,
        @Size(max = 500) @Schema(description = "Short note, at most 500 characters") String note) {

    public List<String> strengthCodes() {
        return strengths == null ? List.of() : strengths;
    }

    public List<String> needCodes() {
        return needs == null ? List.of() : needs;
    }

    /** No codes and no note: in an amendment, the domain is cleared. */
    public boolean clearsTheDomain() {
        return strengthCodes().isEmpty() && needCodes().isEmpty() && (note == null || note.isBlank());
    }
}
