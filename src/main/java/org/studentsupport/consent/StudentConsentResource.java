package org.studentsupport.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;
import org.studentsupport.domain.Page;
import org.studentsupport.web.ETags;
import org.studentsupport.web.PageParams;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/students/{studentId}/consents")
@Tag(name = "Consents")
@Produces(MediaType.APPLICATION_JSON)
public class StudentConsentResource {

    private final ConsentService service;

    public StudentConsentResource(ConsentService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.CREATE, object = "consent", student = "studentId")
    @Operation(operationId = "createConsent", summary = "Record a signed consent to disclose (FERPA 99.30)",
            description = "Signer: a family contact of the student allowed to sign, or the student at 18 or older on the signing date. "
                    + "422 names each rule the consent breaks.")
    @APIResponse(responseCode = "201", description = "The consent on file",
            headers = @Header(name = "Location", description = "Where it can be read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class)))
    public RestResponse<ConsentView> create(@PathParam("studentId") UUID studentId,
                                            @NotNull @Valid CreateConsentRequest request, @Context UriInfo uri) {
        ConsentView view = service.create(studentId, request);
        URI location = uri.getBaseUriBuilder().path("api/v1/consents").path(view.id().toString()).build();
        return RestResponse.ResponseBuilder.<ConsentView>created(location).entity(view).tag(ETags.of(0)).build();
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "student-consents", id = "studentId", student = "studentId")
    @Operation(operationId = "listConsents", summary = "List a student's consents on file, newest signature first")
    public Page<ConsentView> list(@PathParam("studentId") UUID studentId, @BeanParam @Valid PageParams page) {
        return service.list(studentId, page.toRequest());
    }
}
