package org.studentsupport.directory;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The bodies of the directory upkeep operations (ids, authors and times never come from a body). */
public final class DirectoryRequests {

    private DirectoryRequests() {
    }

    public enum ServiceStatus {
        active, inactive, defunct, temporarily_closed;

        /** HSDS spells the last one with a space. */
        public String hsds() {
            return this == temporarily_closed ? "temporarily closed" : name();
        }
    }

    public enum Capacity { accepting, waitlist, full }

    public enum LocationType { physical, postal, virtual }

    @Schema(name = "OrganizationRequest")
    public record OrganizationRequest(
            @NotBlank @Size(max = 255) String name,
            @Size(max = 255) String alternateName,
            @NotBlank @Size(max = 10000) String description,
            @Email @Size(max = 320) String email,
            @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String website) {
    }

    @Schema(name = "ServiceRequest")
    public record ServiceRequest(
            @NotBlank @Size(max = 255) String name,
            @Size(max = 255) String alternateName,
            @Size(max = 10000) String description,
            @NotNull ServiceStatus status,
            @Size(max = 10000) String eligibilityDescription,
            @DecimalMin("0") @DecimalMax("150") @Schema(minimum = "0", maximum = "150") BigDecimal minimumAge,
            @DecimalMin("0") @DecimalMax("150") @Schema(minimum = "0", maximum = "150") BigDecimal maximumAge,
            @NotNull Boolean acceptsReferrals) {
    }

    @Schema(name = "LocationRequest")
    public record LocationRequest(
            @Size(max = 255) String name,
            @Size(max = 10000) String description,
            @NotNull LocationType locationType,
            @DecimalMin("-90") @DecimalMax("90") @Schema(format = "double", minimum = "-90", maximum = "90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") @Schema(format = "double", minimum = "-180", maximum = "180") Double longitude) {
    }

    @Schema(name = "CapacityRequest", description = "What a provider keeps current about its own service")
    public record CapacityRequest(
            @NotNull Capacity capacityStatus,
            @Schema(description = "The HSDS service status; unchanged when absent") ServiceStatus status,
            @Schema(description = "When the capacity was last confirmed; today when absent") LocalDate confirmedOn) {
    }
}
