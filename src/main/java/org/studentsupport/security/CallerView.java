package org.studentsupport.security;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The caller as the service sees them once the token is verified: who, which application roles,
 * and the scope every query is limited to.
 */
public record CallerView(
        @Schema(description = "The token's subject (sub)", maxLength = 255) String subject,
        @Schema(description = "preferred_username, or the subject", maxLength = 255) String username,
        @Schema(description = "The client the token was issued to (azp)", maxLength = 255) String client,
        @Schema(description = "Application roles: coordinator, supervisor, provider, admin, auditor", maxItems = 5)
        Set<@Size(max = 20) String> roles,
        @Schema(description = "The district (sourcedId) the caller belongs to; none for an auditor", maxLength = 255)
        String districtId,
        @Schema(description = "The schools (sourcedIds) a coordinator serves, sorted", maxItems = 1000)
        List<@Size(max = 255) String> schoolIds,
        @Schema(description = "The directory organization a provider user acts for") UUID organizationId,
        @Schema(description = "When the token expires (exp)") Instant tokenExpiresAt) {
}
