package org.studentsupport.plan;

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
import org.studentsupport.web.ETags;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.Versioned;
import org.studentsupport.web.PageParams;

import java.util.UUID;

/** A student's individual reviews: opening one and listing them. */
@Path("/api/v1/students/{studentId}/individual-reviews")
@Tag(name = "Individual reviews and plans")
@Produces(MediaType.APPLICATION_JSON)
public class StudentIndividualReviewResource {

    private final IndividualReviewService service;

    public StudentIndividualReviewResource(IndividualReviewService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.CREATE, object = "individual-review", student = "studentId")
    @Operation(operationId = "openIndividualReview", summary = "Open an individual student review and its plan",
            description = "Team, concerns, goals and planned supports. A student has at most one open review (409 otherwise). "
                    + "A serviceId must be a service of the provider directory (422).")
    @APIResponse(responseCode = "201", description = "The new review and its plan",
            headers = @Header(name = "Location", description = "Where it can be read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndividualReviewView.class)))
    public RestResponse<IndividualReviewView> open(@PathParam("studentId") UUID studentId,
                                                   @NotNull @Valid CreateIndividualReviewRequest request, @Context UriInfo uri) {
        Versioned<IndividualReviewView> plan = service.open(studentId, request);
        return RestResponse.ResponseBuilder.<IndividualReviewView>created(
                        uri.getBaseUriBuilder().path("api/v1/individual-reviews").path(plan.body().id().toString()).build())
                .entity(plan.body()).tag(ETags.of(plan.version())).build();
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "student", id = "studentId", student = "studentId")
    @Operation(operationId = "listIndividualReviews", summary = "A student's individual reviews", description = "Newest first.")
    public Page<IndividualReviewSummary> list(@PathParam("studentId") UUID studentId, @BeanParam @Valid PageParams page) {
        return service.list(studentId, page.toRequest());
    }
}
