package org.studentsupport.directory;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One service found by a referral search, and why it matched. */
@Schema(name = "DirectorySearchResult")
public record DirectorySearchResult(
        UUID serviceId,
        @Schema(maxLength = 255) String serviceName,
        UUID organizationId,
        @Schema(maxLength = 255) String organizationName,
        @Schema(maxLength = 300, description = "The start of the description") String summary,
        @Schema(enumeration = {"active", "inactive", "defunct", "temporarily closed"}) String status,
        boolean acceptsReferrals,
        @Schema(enumeration = {"accepting", "waitlist", "full"}) String capacityStatus,
        LocalDate capacityConfirmedAt,
        @Schema(minimum = "0", maximum = "150") Double minimumAge,
        @Schema(minimum = "0", maximum = "150") Double maximumAge,
        Match match) {

    @Schema(name = "DirectorySearchMatch", description = "Why the service matched")
    public record Match(
            @Schema(description = "Text rank (ts_rank) when words were given", minimum = "0", maximum = "1000") Double rank,
            @Schema(description = "Distance in km from the point to the service's nearest location", minimum = "0", maximum = "20100")
            Double distanceKm,
            @Schema(description = "The requested languages the service offers", maxItems = 10) List<@Size(max = 35) String> languages,
            @Schema(description = "The service's taxonomy terms that were asked for or match the words", maxItems = 100)
            List<@Size(max = 255) String> terms,
            @Schema(description = "The needs asked for (need=) that the service meets through its taxonomy terms", maxItems = 20)
            List<@Size(max = 50) String> needs,
            @Schema(enumeration = {"accepting", "waitlist", "full"}) String capacity,
            @Schema(description = "The age that was checked against the eligibility", minimum = "0", maximum = "150") Integer age) {
    }
}
