package org.studentsupport.directory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
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

import java.net.URI;
import java.util.UUID;

import static org.studentsupport.directory.DirectoryRequests.*;
import static org.studentsupport.directory.DirectoryViews.*;

@Path("/api/v1/directory")
@Tag(name = "Directory")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryUpkeepResource {

    private final DirectoryUpkeep upkeep;

    public DirectoryUpkeepResource(DirectoryUpkeep upkeep) {
        this.upkeep = upkeep;
    }

    @GET
    @Path("/organizations/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.PROVIDER, Roles.ADMIN})
    @Operation(operationId = "getDirectoryOrganization", summary = "Get a provider organization for upkeep (with its ETag)")
    public RestResponse<OrganizationView> organization(@PathParam("id") UUID id) {
        Organization organization = upkeep.organization(id);
        return ok(OrganizationView.from(organization), organization.version);
    }

    @POST
    @Path("/organizations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createDirectoryOrganization", summary = "Add a provider organization to the directory")
    @APIResponse(responseCode = "201", description = "The new organization",
            headers = @Header(name = "Location", description = "Where it can be read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class)))
    public RestResponse<OrganizationView> createOrganization(@NotNull @Valid OrganizationRequest request, @Context UriInfo uri) {
        Organization organization = upkeep.createOrganization(request);
        return created(uri, "organizations", organization.id, OrganizationView.from(organization), organization.version);
    }

    @PUT
    @Path("/organizations/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateDirectoryOrganization", summary = "Edit a provider organization (If-Match)")
    public RestResponse<OrganizationView> updateOrganization(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                             @NotNull @Valid OrganizationRequest request) {
        Organization organization = upkeep.updateOrganization(id, ETags.ifMatch(ifMatch), request);
        return ok(OrganizationView.from(organization), organization.version);
    }

    @POST
    @Path("/organizations/{id}/services")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createDirectoryService", summary = "Add a service of an organization")
    @APIResponse(responseCode = "201", description = "The new service",
            headers = @Header(name = "Location", description = "Where it can be read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceView.class)))
    public RestResponse<ServiceView> createService(@PathParam("id") UUID organizationId, @NotNull @Valid ServiceRequest request,
                                                   @Context UriInfo uri) {
        ProviderService service = upkeep.createService(organizationId, request);
        return created(uri, "services", service.id, ServiceView.from(service), service.version);
    }

    @POST
    @Path("/organizations/{id}/locations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createDirectoryLocation", summary = "Add a location of an organization")
    @APIResponse(responseCode = "201", description = "The new location",
            headers = @Header(name = "Location", description = "Where it can be read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocationView.class)))
    public RestResponse<LocationView> createLocation(@PathParam("id") UUID organizationId, @NotNull @Valid LocationRequest request,
                                                     @Context UriInfo uri) {
        Location location = upkeep.createLocation(organizationId, request);
        return created(uri, "locations", location.id, LocationView.from(location), location.version);
    }

    @GET
    @Path("/services/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.PROVIDER, Roles.ADMIN})
    @Operation(operationId = "getDirectoryService", summary = "Get a service for upkeep (with its ETag)")
    public RestResponse<ServiceView> service(@PathParam("id") UUID id) {
        ProviderService service = upkeep.service(id);
        return ok(ServiceView.from(service), service.version);
    }

    @PUT
    @Path("/services/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateDirectoryService", summary = "Edit a service (If-Match)")
    public RestResponse<ServiceView> updateService(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                   @NotNull @Valid ServiceRequest request) {
        ProviderService service = upkeep.updateService(id, ETags.ifMatch(ifMatch), request);
        return ok(ServiceView.from(service), service.version);
    }

    @PUT
    @Path("/services/{id}/capacity")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVIDER, Roles.ADMIN})
    @Operation(operationId = "updateDirectoryServiceCapacity", summary = "Update a service's capacity and status (If-Match)",
            description = "Providers may update only their own organization's services; any other is a 404.")
    public RestResponse<ServiceView> updateCapacity(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                    @NotNull @Valid CapacityRequest request) {
        ProviderService service = upkeep.updateCapacity(id, ETags.ifMatch(ifMatch), request);
        return ok(ServiceView.from(service), service.version);
    }

    @PUT
    @Path("/services/{id}/locations/{locationId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "offerDirectoryServiceAtLocation", summary = "Deliver a service at a location (idempotent)")
    public RestResponse<Void> offerAt(@PathParam("id") UUID id, @PathParam("locationId") UUID locationId) {
        upkeep.offerAt(id, locationId);
        return RestResponse.noContent();
    }

    @GET
    @Path("/locations/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.PROVIDER, Roles.ADMIN})
    @Operation(operationId = "getDirectoryLocation", summary = "Get a location for upkeep (with its ETag)")
    public RestResponse<LocationView> location(@PathParam("id") UUID id) {
        Location location = upkeep.location(id);
        return ok(LocationView.from(location), location.version);
    }

    @PUT
    @Path("/locations/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateDirectoryLocation", summary = "Edit a location (If-Match)")
    public RestResponse<LocationView> updateLocation(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                     @NotNull @Valid LocationRequest request) {
        Location location = upkeep.updateLocation(id, ETags.ifMatch(ifMatch), request);
        return ok(LocationView.from(location), location.version);
    }

    private static <T> RestResponse<T> ok(T view, long version) {
        return RestResponse.ResponseBuilder.ok(view).tag(ETags.of(version)).build();
    }

    private static <T> RestResponse<T> created(UriInfo uri, String collection, UUID id, T view, long version) {
        URI location = uri.getBaseUriBuilder().path("api/v1/directory").path(collection).path(id.toString()).build();
        return RestResponse.ResponseBuilder.<T>created(location).entity(view).tag(ETags.of(version)).build();
    }
}
