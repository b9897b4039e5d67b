package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One tier of the configured scale. */
@Schema(name = "Tier")
public record TierView(
        @Schema(description = "The tier's code, as entries carry it", maxLength = 20, examples = "2") String code,
        @Schema(maxLength = 200, examples = "Moderate needs") String label) {
}
