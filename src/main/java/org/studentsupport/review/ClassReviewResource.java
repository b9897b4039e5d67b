package org.studentsupport.review;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

@Path("/api/v1/classes/{classId}/reviews/{periodId}")
@Tag(name = "Reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ClassReviewResource {

    private final ClassReviewService service;

    public ClassReviewResource(ClassReviewService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "class-review")
    @Operation(operationId = "getClassReview", summary = "Get the whole-class review of a class in a period",
            description = "404 when the class has not been reviewed in the period, or is outside your schools.")
    public RestResponse<ClassReviewView> get(@PathParam("classId") UUID classId, @PathParam("periodId") UUID periodId) {
        return respond(service.get(classId, periodId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.UPDATE, object = "class-review")
    @Operation(operationId = "saveClassReview", summary = "Save the whole class as a draft",
            description = "One request holds every entry; it replaces the previous draft entirely and atomically. "
                    + "The first save creates the draft (201); later saves need If-Match with its ETag (428 without, 412 when stale). "
                    + "A student not enrolled on the review date, an unknown tier or code: 422 naming the field by JSON pointer; nothing is written. "
                    + "A finalized review is changed only by amendments (409). "
                    + "A student may be saved in a class other than their reviewing class (the review roster then shows where); "
                    + "a student already reviewed in another class of the period is a 409 naming that review. "
                    + "Saving confirms carried-forward entries unless an entry is sent with carriedForward: true.")
    @APIResponse(responseCode = "200", description = "The draft saved again (with If-Match)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClassReviewView.class)))
    @APIResponse(responseCode = "201", description = "The first save: the draft is created",
            headers = @Header(name = "Location", description = "Where it can be read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClassReviewView.class)))
    public RestResponse<ClassReviewView> save(@PathParam("classId") UUID classId, @PathParam("periodId") UUID periodId,
                                              @HeaderParam("If-Match") String ifMatch,
                                              @NotNull @Valid SaveClassReviewRequest request) {
        Versioned<ClassReviewView> review = service.save(classId, periodId, ETags.ifMatch(ifMatch), request);
        return review.created()
                ? RestResponse.ResponseBuilder.<ClassReviewView>created(
                                java.net.URI.create("/api/v1/classes/" + classId + "/reviews/" + periodId)).entity(review.body())
                        .tag(ETags.of(review.version())).build()
                : respond(review);
    }

    @POST
    @Path("/carry-forward")
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.UPDATE, object = "class-review")
    @Operation(operationId = "carryForwardClassReview", summary = "Start the draft from the previous period's final entries",
            description = "For each student whose reviewing class in this period is this class (see listReviewRoster), enrolled in it on "
                    + "the review day, not yet in the draft and not reviewed in another class of the period: an entry with the tier and the "
                    + "strength and need codes of the student's final entry of the previous period (the district's period starting latest "
                    + "before this one). Notes, interests and the individual-review flag are not carried. Codes retired since (or no longer "
                    + "of that kind and domain) are dropped and listed in dropped; students left out are listed in notCarried with why. "
                    + "Carried entries are marked carriedForward: true until a save confirms them (send carriedForward: true to keep the "
                    + "mark); finalizing with marked entries is a 422 naming each. Creates the draft (201) when there is none; adding to "
                    + "an existing draft requires If-Match; a final review: 409; no earlier period: 422.")
    @APIResponse(responseCode = "200", description = "Entries added to the existing draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CarryForwardView.class)))
    @APIResponse(responseCode = "201", description = "The draft, created from the previous period's entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CarryForwardView.class)))
    public RestResponse<CarryForwardView> carryForward(@PathParam("classId") UUID classId, @PathParam("periodId") UUID periodId,
                                                       @HeaderParam("If-Match") String ifMatch) {
        Versioned<CarryForwardView> result = service.carryForward(classId, periodId, ETags.ifMatch(ifMatch), java.time.LocalDate.now());
        return RestResponse.ResponseBuilder.<CarryForwardView>create(result.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK)
                .entity(result.body()).tag(ETags.of(result.version())).build();
    }

    @POST
    @Path("/finalize")
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.TRANSITION, object = "class-review")
    @Operation(operationId = "finalizeClassReview", summary = "Finalize (lock) the review",
            description = "Every student enrolled in the class on the review date must have an entry with a tier, and no entry may "
                    + "still be marked carriedForward (422 naming each one otherwise). Requires If-Match.")
    public RestResponse<ClassReviewView> finalizeReview(@PathParam("classId") UUID classId, @PathParam("periodId") UUID periodId,
                                                        @HeaderParam("If-Match") String ifMatch) {
        return respond(service.finalizeReview(classId, periodId, ETags.ifMatch(ifMatch)));
    }

    @POST
    @Path("/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.UPDATE, object = "class-review")
    @Operation(operationId = "amendClassReview", summary = "Correct entries of a finalized review",
            description = "Each entry changes what it names in the student's current entry; the replaced entry stays readable in the "
                    + "amendment history. Tier, interests and needsIndividualReview left out keep their current value (interests \"\" clears them). "
                    + "A domain sent replaces that domain's strengths, needs and note; a domain sent with empty lists and no note clears it; "
                    + "a domain left out (or null) is kept. A student without a current entry needs a tier. A reason is required. Requires If-Match.")
    public RestResponse<ClassReviewView> amend(@PathParam("classId") UUID classId, @PathParam("periodId") UUID periodId,
                                               @HeaderParam("If-Match") String ifMatch,
                                               @NotNull @Valid AmendClassReviewRequest request) {
        return respond(service.amend(classId, periodId, ETags.ifMatch(ifMatch), request));
    }

    @GET
    @Path("/amendments")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "class-review")
    @Operation(operationId = "listClassReviewAmendments", summary = "The amendment history of a finalized review",
            description = "Oldest first; each change shows the student's entry before and after.")
    public Page<AmendmentView> amendments(@PathParam("classId") UUID classId, @PathParam("periodId") UUID periodId,
                                          @BeanParam @Valid PageParams page) {
        return service.amendments(classId, periodId, page.toRequest());
    }

    private static RestResponse<ClassReviewView> respond(Versioned<ClassReviewView> review) {
        return RestResponse.ResponseBuilder.ok(review.body()).tag(ETags.of(review.version())).build();
    }
}
