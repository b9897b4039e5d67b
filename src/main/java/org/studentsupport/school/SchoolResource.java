package org.studentsupport.school;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.security.Roles;
import org.studentsupport.web.ETags;
import org.studentsupport.domain.Page;
import org.studentsupport.web.PageParams;

import java.util.UUID;

@Path("/api/v1/schools")
@Tag(name = "Schools")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolResource {

    private final SchoolService service;

    public SchoolResource(SchoolService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listSchools", summary = "List the schools you may see",
            description = "Coordinators see their assigned schools; supervisors and administrators their district. Ordered by name.")
    public Page<SchoolView> list(@BeanParam @Valid PageParams page) {
        return service.list(page.toRequest()).map(SchoolView::from);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getSchool", summary = "Get one school")
    public RestResponse<SchoolView> get(@PathParam("id") UUID id) {
        School school = service.get(id);
        return RestResponse.ResponseBuilder.ok(SchoolView.from(school)).tag(ETags.of(school.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createSchool", summary = "Add a school to your district",
            description = "Schools normally arrive with the roster import; this adds one by hand. 409 when the sourcedId is taken.")
    @APIResponse(responseCode = "201", description = "The new school",
            headers = @Header(name = "Location", description = "Where it can be read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolView.class)))
    public RestResponse<SchoolView> create(@NotNull @Valid CreateSchoolRequest request, @Context UriInfo uri) {
        School school = service.create(request);
        return RestResponse.ResponseBuilder.<SchoolView>created(uri.getAbsolutePathBuilder().path(school.id.toString()).build())
                .entity(SchoolView.from(school)).tag(ETags.of(school.version)).build();
    }

    @PUT
    @Path("/{id}/location")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateSchoolLocation", summary = "Set a school's address and coordinates",
            description = "Local fields the roster does not carry. Requires If-Match with the school's current ETag.")
    public RestResponse<SchoolView> relocate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                             @NotNull @Valid UpdateSchoolLocationRequest request) {
        School school = service.relocate(id, ETags.ifMatch(ifMatch), request);
        return RestResponse.ResponseBuilder.ok(SchoolView.from(school)).tag(ETags.of(school.version)).build();
    }
}
