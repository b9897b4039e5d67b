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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.security.Roles;
import org.studentsupport.web.ETags;
import org.studentsupport.domain.Page;
import org.studentsupport.web.PageParams;

import java.util.UUID;

@Path("/api/v1/review-periods")
@Tag(name = "Reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewPeriodResource {

    private final ReviewPeriodService service;

    public ReviewPeriodResource(ReviewPeriodService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listReviewPeriods", summary = "List the review periods of your district",
            description = "Ordered by start date, then name.")
    public Page<ReviewPeriodView> list(@QueryParam("schoolYearId") @Parameter(description = "Only the periods of this school year") UUID schoolYearId,
                                       @BeanParam @Valid PageParams page) {
        return service.list(schoolYearId, page.toRequest());
    }

    @GET
    @Path("/{periodId}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getReviewPeriod", summary = "Get one review period")
    public RestResponse<ReviewPeriodView> get(@PathParam("periodId") UUID periodId) {
        ReviewPeriod period = service.get(periodId);
        return RestResponse.ResponseBuilder.ok(ReviewPeriodView.from(period)).tag(ETags.of(period.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createReviewPeriod", summary = "Add a review period to a school year of your district",
            description = "The period must lie within its school year; names are unique in the district (409 otherwise).")
    @APIResponse(responseCode = "201", description = "The new review period",
            headers = @Header(name = "Location", description = "Where it can be read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewPeriodView.class)))
    public RestResponse<ReviewPeriodView> create(@NotNull @Valid ReviewPeriodRequest request, @Context UriInfo uri) {
        ReviewPeriodView view = service.create(request);
        return RestResponse.ResponseBuilder.<ReviewPeriodView>created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .entity(view).tag(ETags.of(0)).build();
    }

    @PUT
    @Path("/{periodId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateReviewPeriod", summary = "Change a review period",
            description = "Requires If-Match with the period's current ETag.")
    public RestResponse<ReviewPeriodView> update(@PathParam("periodId") UUID periodId, @HeaderParam("If-Match") String ifMatch,
                                                 @NotNull @Valid ReviewPeriodRequest request) {
        ReviewPeriod period = service.update(periodId, ETags.ifMatch(ifMatch), request);
        return RestResponse.ResponseBuilder.ok(ReviewPeriodView.from(period)).tag(ETags.of(period.version)).build();
    }
}
