package org.studentsupport.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.security.identity.SecurityIdentity;

import java.time.Instant;
import java.util.List;

/** The verified caller: what a client shows as "signed in as", and what the token check alone costs. */
@Path("/api/v1/me")
@Tag(name = "Identity")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    private final CallerScope caller;
    private final SecurityIdentity identity;

    public CallerResource(CallerScope caller, SecurityIdentity identity) {
        this.caller = caller;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.PROVIDER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "getCaller", summary = "Who the token says the caller is",
            description = "The verified token's subject, user name, client, application roles and the scope "
                    + "(district, schools, provider organization) that every read is limited to. Reads no "
                    + "student data and no database.")
    public CallerView me() {
        Instant expires = identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0
                ? Instant.ofEpochSecond(token.getExpirationTime()) : null;
        List<String> schools = caller.schoolIds().stream().sorted().toList();
        java.util.Set<String> roles = new java.util.TreeSet<>(caller.applicationRoles());
        if (caller.isAuditor()) {
            roles.add(Roles.AUDITOR);
        }
        return new CallerView(caller.subject(), caller.username(), caller.client(), roles,
                caller.districtId().orElse(null), schools, caller.organizationId().orElse(null), expires);
    }
}
