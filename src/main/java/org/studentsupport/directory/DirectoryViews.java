package org.studentsupport.directory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the upkeep operations return. */
public final class DirectoryViews {

    private DirectoryViews() {
    }

    @Schema(name = "OrganizationView")
    public record OrganizationView(UUID id, @Schema(maxLength = 255) String name, @Schema(maxLength = 255) String alternateName,
                                   @Schema(maxLength = 10000) String description, @Schema(maxLength = 320) String email,
                                   @Schema(maxLength = 2048) String website, Instant updatedAt,
                                   @Schema(maxLength = 255) String updatedBy) {
        static OrganizationView from(Organization o) {
            return new OrganizationView(o.id, o.name, o.alternateName, o.description, o.email, o.website, o.updatedAt, o.updatedBy);
        }
    }

    @Schema(name = "DirectoryServiceView")
    public record ServiceView(UUID id, UUID organizationId, @Schema(maxLength = 255) String name,
                              @Schema(maxLength = 255) String alternateName, @Schema(maxLength = 10000) String description,
                              @Schema(enumeration = {"active", "inactive", "defunct", "temporarily closed"}) String status,
                              @Schema(maxLength = 10000) String eligibilityDescription,
                              @Schema(minimum = "0", maximum = "150") BigDecimal minimumAge,
                              @Schema(minimum = "0", maximum = "150") BigDecimal maximumAge,
                              boolean acceptsReferrals,
                              @Schema(enumeration = {"accepting", "waitlist", "full"}) String capacityStatus,
                              LocalDate capacityConfirmedAt, Instant updatedAt, @Schema(maxLength = 255) String updatedBy) {
        static ServiceView from(ProviderService s) {
            return new ServiceView(s.id, s.organization.id, s.name, s.alternateName, s.description, s.status,
                    s.eligibilityDescription, s.minimumAge, s.maximumAge, s.acceptsReferrals, s.capacityStatus,
                    s.capacityConfirmedAt, s.updatedAt, s.updatedBy);
        }
    }

    @Schema(name = "LocationView")
    public record LocationView(UUID id, UUID organizationId, @Schema(maxLength = 255) String name,
                               @Schema(maxLength = 10000) String description,
                               @Schema(enumeration = {"physical", "postal", "virtual"}) String locationType,
                               @Schema(format = "double", minimum = "-90", maximum = "90") Double latitude,
                               @Schema(format = "double", minimum = "-180", maximum = "180") Double longitude,
                               Instant updatedAt, @Schema(maxLength = 255) String updatedBy) {
        static LocationView from(Location l) {
            return new LocationView(l.id, l.organizationId, l.name, l.description, l.locationType, l.latitude, l.longitude,
                    l.updatedAt, l.updatedBy);
        }
    }
}
