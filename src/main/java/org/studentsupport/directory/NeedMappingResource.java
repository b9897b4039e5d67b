package org.studentsupport.directory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.domain.Page;
import org.studentsupport.security.Roles;
import org.studentsupport.web.PageParams;

@Path("/api/v1/need-mappings")
@Tag(name = "Directory")
@Produces(MediaType.APPLICATION_JSON)
public class NeedMappingResource {

    private final NeedMappings mappings;

    public NeedMappingResource(NeedMappings mappings) {
        this.mappings = mappings;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listNeedMappings", summary = "Which taxonomy terms meet which need",
            description = "The mapping in effect for the caller's district, by need code: the shared default, replaced need by need "
                    + "where the district set its own (source=district).")
    public Page<NeedMappingView> list(@BeanParam @Valid PageParams page) {
        return mappings.list(page.toRequest());
    }

    @PUT
    @Path("/{needCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putNeedMapping", summary = "Set the district's taxonomy terms for one need",
            description = "Replaces the shared default for this need in the caller's district. 422 when the code is not a need of "
                    + "the district's vocabulary or a term code is not in the directory; nothing is written then.")
    public NeedMappingView put(@PathParam("needCode") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,49}")
                               @Parameter(schema = @Schema(pattern = "^[a-z0-9][a-z0-9-]{0,49}$", maxLength = 50)) String needCode,
                               @NotNull @Valid NeedMappingRequest request) {
        return mappings.put(needCode, request);
    }
}
