package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "ReviewCode")
public record ReviewCodeView(
        UUID id,
        @Schema(enumeration = {"academic", "social-emotional", "health", "family"}, maxLength = 30) String domain,
        @Schema(maxLength = 50) String code,
        @Schema(maxLength = 200) String label,
        @Schema(description = "Retired codes (false) cannot be used in new entries") boolean active) {

    public static ReviewCodeView from(ReviewCode code) {
        return new ReviewCodeView(code.id, code.domain, code.code, code.label, code.active);
    }
}
