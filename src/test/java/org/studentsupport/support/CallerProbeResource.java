package org.studentsupport.support;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.Roles;

import java.util.Map;

/**
 * A test-only authenticated endpoint that reads no database: the baseline of the read-path benchmark
 * where the service has no such endpoint of its own.
 */
@Path("/test-support/caller")
@Produces(MediaType.APPLICATION_JSON)
public class CallerProbeResource {

    private final CallerScope caller;

    public CallerProbeResource(CallerScope caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public Map<String, Object> caller() {
        return Map.of("subject", caller.subject(), "district", caller.districtId().orElse(""),
                "schools", caller.schoolIds().stream().sorted().toList());
    }
}
