package org.studentsupport.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The district's terms for one need, replacing the shared default; an empty list says no service meets it. */
@Schema(name = "NeedMappingRequest")
public record NeedMappingRequest(
        @NotNull @Size(max = 20) @Schema(description = "Taxonomy term codes of the directory", maxItems = 20)
        List<@NotBlank @Size(max = 100) @Pattern(regexp = "[^,]+", message = "may not contain ','") String> termCodes) {
}
