package org.studentsupport.directory;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The taxonomy terms that meet one need, in effect for the caller's district. */
@Schema(name = "NeedMapping")
public record NeedMappingView(
        @Schema(maxLength = 50) String needCode,
        @Schema(description = "Taxonomy term codes; a service carrying any of them meets the need", maxItems = 20)
        List<@Size(max = 100) String> termCodes,
        @Schema(enumeration = {"default", "district"}, description = "Whether the district replaced the shared default", maxLength = 10)
        String source) {
}
