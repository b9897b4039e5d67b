package org.studentsupport.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A test-only endpoint that forgot its security annotation: it must be denied, never open. */
@Path("/test-support/forgotten")
public class UnannotatedResource {

    @GET
    @Operation(hidden = true)
    public String open() {
        return "this should never be served";
    }
}
