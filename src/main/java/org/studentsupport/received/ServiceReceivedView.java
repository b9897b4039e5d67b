package org.studentsupport.received;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One support a student receives: a community referral that started, or a school-based support of a plan. */
@Schema(name = "ServiceReceived")
public record ServiceReceivedView(
        @Schema(description = "The referral's id (community) or the planned support's id (school)") UUID id,
        @Schema(description = "community: a referral to a directory service that started; school: a support the school gives, from a plan",
                enumeration = {"community", "school"}, maxLength = 10) String kind,
        @Schema(description = "prevention-enrichment, early-intervention or intensive; null for a community service whose taxonomy names none",
                enumeration = {"prevention-enrichment", "early-intervention", "intensive"}, maxLength = 30) String category,
        @Schema(description = "The needs it meets: the referral's need codes, or the planned support's", maxItems = 20)
        List<@Size(max = 50) String> needs,
        @Schema(description = "The directory service's name, or the planned support's description", maxLength = 1000) String name,
        @Schema(description = "The directory service (community)") UUID serviceId,
        @Schema(maxLength = 255) String organizationName,
        @Schema(description = "The referral (community)") UUID referralId,
        @Schema(description = "The individual review whose plan holds the support (school), or that the referral came from") UUID individualReviewId,
        @Schema(description = "The referral's status (community) or the plan's (school: open, closed)", maxLength = 20) String status,
        @Schema(description = "The first service (community) or the day the support was added to the plan (school)") LocalDate startedOn,
        @Schema(description = "When the referral or the plan was closed; null while it runs") LocalDate endedOn) {
}
