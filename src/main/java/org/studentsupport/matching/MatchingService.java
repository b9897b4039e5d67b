package org.studentsupport.matching;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** A directory service that meets one or more of a student's recorded needs, with its rank and the reasons. */
@Schema(name = "MatchingService")
public record MatchingService(
        UUID serviceId,
        @Schema(maxLength = 255) String serviceName,
        UUID organizationId,
        @Schema(maxLength = 255) String organizationName,
        @Schema(description = "The rank's score: higher first (see the README for how it is made)", minimum = "-100", maximum = "1000")
        double score,
        Why why) {

    @Schema(name = "MatchingServiceWhy", description = "Why the service matched and how each factor counted")
    public record Why(
            @Schema(description = "The student's recorded needs the service meets", maxItems = 50) List<@Size(max = 50) String> needs,
            @Schema(description = "The student's age today, within the service's eligibility; null when the birth date is unknown",
                    minimum = "0", maximum = "150") Integer age,
            @Schema(description = "The student's language, when the service is offered in it", maxLength = 35) String language,
            @Schema(description = "Distance in km from the student's school; null when the school has no coordinates",
                    minimum = "0", maximum = "20100") Double distanceKm,
            @Schema(description = "No cost option above zero") boolean free,
            @Schema(enumeration = {"accepting", "waitlist", "full"}, maxLength = 20) String capacity,
            @Schema(description = "Whether the service takes referrals through this system") boolean acceptsReferrals) {
    }
}
