package org.studentsupport.plan;

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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.domain.Versioned;
import org.studentsupport.security.Roles;
import org.studentsupport.web.ETags;

import java.util.UUID;

@Path("/api/v1/individual-reviews")
@Tag(name = "Individual reviews and plans")
@Produces(MediaType.APPLICATION_JSON)
public class IndividualReviewResource {

    private final IndividualReviewService service;

    public IndividualReviewResource(IndividualReviewService service) {
        this.service = service;
    }

    @GET
    @Path("/{reviewId}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "individual-review", id = "reviewId")
    @Operation(operationId = "getIndividualReview", summary = "Get an individual review with its whole plan")
    public RestResponse<IndividualReviewView> get(@PathParam("reviewId") UUID reviewId) {
        return respond(service.get(reviewId));
    }

    @PUT
    @Path("/{reviewId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.UPDATE, object = "individual-review", id = "reviewId")
    @Operation(operationId = "updateIndividualReview", summary = "Replace the concerns and the team",
            description = "Requires If-Match. A closed review cannot change (409).")
    public RestResponse<IndividualReviewView> update(@PathParam("reviewId") UUID reviewId, @HeaderParam("If-Match") String ifMatch,
                                                     @NotNull @Valid UpdateIndividualReviewRequest request) {
        return respond(service.update(reviewId, ETags.ifMatch(ifMatch), request));
    }

    @POST
    @Path("/{reviewId}/goals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.UPDATE, object = "individual-review", id = "reviewId")
    @Operation(operationId = "addPlanGoal", summary = "Add a goal to the plan", description = "Requires If-Match of the review.")
    public RestResponse<IndividualReviewView> addGoal(@PathParam("reviewId") UUID reviewId, @HeaderParam("If-Match") String ifMatch,
                                                      @NotNull @Valid GoalInput request) {
        return respond(service.addGoal(reviewId, ETags.ifMatch(ifMatch), request));
    }

    @PUT
    @Path("/{reviewId}/goals/{goalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.UPDATE, object = "individual-review", id = "reviewId")
    @Operation(operationId = "updatePlanGoal", summary = "Change a goal's text, target date or status",
            description = "Requires If-Match of the review.")
    public RestResponse<IndividualReviewView> updateGoal(@PathParam("reviewId") UUID reviewId, @PathParam("goalId") UUID goalId,
                                                         @HeaderParam("If-Match") String ifMatch, @NotNull @Valid GoalInput request) {
        return respond(service.updateGoal(reviewId, goalId, ETags.ifMatch(ifMatch), request));
    }

    @POST
    @Path("/{reviewId}/goals/{goalId}/progress-notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.UPDATE, object = "individual-review", id = "reviewId")
    @Operation(operationId = "addGoalProgressNote", summary = "Add a dated progress note to a goal",
            description = "Notes are kept, never changed. Requires If-Match of the review.")
    public RestResponse<IndividualReviewView> addNote(@PathParam("reviewId") UUID reviewId, @PathParam("goalId") UUID goalId,
                                                      @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ProgressNoteInput request) {
        return respond(service.addNote(reviewId, goalId, ETags.ifMatch(ifMatch), request));
    }

    @POST
    @Path("/{reviewId}/supports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.UPDATE, object = "individual-review", id = "reviewId")
    @Operation(operationId = "addPlannedSupport", summary = "Add a planned support",
            description = "Optionally a service of the provider directory (422 when unknown). Requires If-Match of the review.")
    public RestResponse<IndividualReviewView> addSupport(@PathParam("reviewId") UUID reviewId, @HeaderParam("If-Match") String ifMatch,
                                                         @NotNull @Valid SupportInput request) {
        return respond(service.addSupport(reviewId, ETags.ifMatch(ifMatch), request));
    }

    @POST
    @Path("/{reviewId}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.TRANSITION, object = "individual-review", id = "reviewId")
    @Operation(operationId = "closeIndividualReview", summary = "Close the plan",
            description = "A closed plan is read-only. Requires If-Match.")
    public RestResponse<IndividualReviewView> close(@PathParam("reviewId") UUID reviewId, @HeaderParam("If-Match") String ifMatch,
                                                    @Valid ClosePlanRequest request) {
        return respond(service.close(reviewId, ETags.ifMatch(ifMatch), request));
    }

    private static RestResponse<IndividualReviewView> respond(Versioned<IndividualReviewView> plan) {
        return RestResponse.ResponseBuilder.ok(plan.body()).tag(ETags.of(plan.version())).build();
    }
}
