package org.studentsupport.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** A planned support; optionally a service of the provider directory. */
@Schema(name = "PlannedSupportInput")
public record SupportInput(
        @NotNull @Pattern(regexp = PlanRules.CATEGORIES, message = "must be one of " + PlanRules.CATEGORIES_TEXT)
        @Schema(enumeration = {"prevention-enrichment", "early-intervention", "intensive"}, maxLength = 30) String category,
        @NotBlank @Size(max = 1000) @Schema(examples = "Weekly mentoring after school") String description,
        @Schema(description = "A service of the provider directory") UUID serviceId,
        @Size(max = 20) @Schema(description = "The needs this support meets: codes of the needs vocabulary", maxItems = 20)
        List<@NotBlank @Size(max = 50) String> needs) {

    public List<String> needCodes() {
        return needs == null ? List.of() : needs;
    }
}
