package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** What pre-filling a draft from the previous period did: the draft, who was carried forward, who not, and what was dropped. */
@Schema(name = "CarryForwardResult")
public record CarryForwardView(
        @Schema(description = "The review period the entries were taken from") UUID fromPeriodId,
        @Schema(maxLength = 100) String fromPeriodName,
        @Schema(description = "The draft, with the carried-forward entries marked carriedForward: true") ClassReviewView review,
        @Schema(description = "Students given an entry from their previous final entry", maxItems = ClassReviewService.MAX_ENTRIES)
        List<UUID> carried,
        @Schema(description = "Students of the class's review roster left without a carried-forward entry, with why",
                maxItems = ClassReviewService.MAX_ENTRIES) List<Skipped> notCarried,
        @Schema(description = "Codes and tiers of the previous entries that are no longer usable (retired, or moved to another kind or domain)",
                maxItems = 2000) List<Dropped> dropped) {

    @Schema(name = "CarryForwardSkipped")
    public record Skipped(
            UUID studentId,
            @Schema(enumeration = {"already-in-draft", "reviewed-elsewhere", "no-previous-final-entry", "not-enrolled-on-review-day"}, maxLength = 30) String reason) {
    }

    @Schema(name = "CarryForwardDropped")
    public record Dropped(
            UUID studentId,
            @Schema(description = "The domain; null for a tier", maxLength = 30) String domain,
            @Schema(enumeration = {"tier", "strength", "need"}, maxLength = 10) String kind,
            @Schema(maxLength = 50) String code,
            @Schema(maxLength = 200) String why) {
    }
}
