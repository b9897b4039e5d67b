package org.studentsupport.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A test-only endpoint that fails unexpectedly, to see what a 500 looks like from outside. */
@Path("/test-support/failure")
public class FailingResource {

    public static final String SECRET_DETAIL = "connection string postgres://secret@db";

    @GET
    @PermitAll
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException(SECRET_DETAIL);
    }
}
