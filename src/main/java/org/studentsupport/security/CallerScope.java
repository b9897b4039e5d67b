package org.studentsupport.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling and what they may see, read once per request from the verified identity: roles
 * from the token, and the scope claims (schools, district, organization) that
 * {@link ScopeClaimsAugmentor} put on the identity.
 */
@RequestScoped
public class CallerScope {

    private final SecurityIdentity identity;
    private boolean denied;

    public CallerScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String subject() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** The application roles of the caller (Keycloak adds default roles that mean nothing here). */
    public Set<String> applicationRoles() {
        Set<String> roles = new java.util.TreeSet<>(identity.getRoles());
        roles.retainAll(Set.of(Roles.COORDINATOR, Roles.SUPERVISOR, Roles.PROVIDER, Roles.ADMIN));
        return roles;
    }

    /** The caller's user name ({@code preferred_username}), or the principal's name. */
    public String username() {
        if (identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken token) {
            Object name = token.getClaim("preferred_username");
            if (name != null) {
                return name.toString().replace("\"", "");
            }
        }
        return identity.getPrincipal().getName();
    }

    /** The caller's e-mail address ({@code email} claim, or the identity attribute of that name), when known. */
    public java.util.Optional<String> email() {
        if (identity.isAnonymous()) {
            return java.util.Optional.empty();
        }
        Object email = identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken token
                ? token.getClaim("email") : null;
        if (email == null) {
            email = identity.getAttribute("email");
        }
        return email == null || email.toString().isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(email.toString().replace("\"", ""));
    }

    /** The client the token was issued to ({@code azp}), when known. */
    public String client() {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken token) {
            Object azp = token.getClaim("azp");
            return azp == null ? null : azp.toString().replace("\"", "");
        }
        return null;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean isCoordinator() {
        return identity.hasRole(Roles.COORDINATOR);
    }

    public boolean isSupervisor() {
        return identity.hasRole(Roles.SUPERVISOR);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public boolean isAuditor() {
        return identity.hasRole(Roles.AUDITOR);
    }

    public boolean isProvider() {
        return identity.hasRole(Roles.PROVIDER);
    }

    /** Supervisors and administrators see their whole district. */
    public boolean isDistrictWide() {
        return isSupervisor() || isAdmin();
    }

    /** The OneRoster sourcedIds of the schools a coordinator serves. */
    public Set<String> schoolIds() {
        return strings(identity.getAttribute(ScopeClaims.SCHOOL_IDS));
    }

    public Optional<String> districtId() {
        return strings(identity.getAttribute(ScopeClaims.DISTRICT_ID)).stream().findFirst();
    }

    /** The directory organization a provider user acts for. */
    public Optional<UUID> organizationId() {
        return strings(identity.getAttribute(ScopeClaims.ORGANIZATION_ID)).stream().findFirst().flatMap(CallerScope::uuid);
    }

    /** Marks this request as having been refused an object outside the caller's scope. */
    public void denied() {
        denied = true;
    }

    public boolean wasDenied() {
        return denied;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // Attributes come as a set from the token augmentor, or as a comma-separated string from test identities.
    private static Set<String> strings(Object attribute) {
        Set<String> values = new LinkedHashSet<>();
        if (attribute instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(String.valueOf(v).trim()));
        } else if (attribute != null) {
            Arrays.stream(attribute.toString().split(",")).map(String::trim).forEach(values::add);
        }
        values.removeIf(String::isEmpty);
        return Set.copyOf(values);
    }
}
