package org.studentsupport.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.security.Roles;
import org.studentsupport.web.ETags;
import org.studentsupport.domain.Page;
import org.studentsupport.web.PageParams;

import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewCodeResource {

    private final ReviewCodeService service;
    private final TierScale tiers;

    public ReviewCodeResource(ReviewCodeService service, TierScale tiers) {
        this.service = service;
        this.tiers = tiers;
    }

    @GET
    @Path("/review-tiers")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getTierScale", summary = "The tier scale reviews use",
            description = "Configuration (studentsupport.review.tiers), ordered from least to most need; read-only.")
    public TierScaleView tierScale() {
        return new TierScaleView(tiers.tiers());
    }

    @GET
    @Path("/review-codes")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listReviewCodes", summary = "List the needs/strengths codes",
            description = "Ordered by domain, then code. Retired codes are listed with active=false.")
    public Page<ReviewCodeView> list(@QueryParam("domain") @Pattern(regexp = "academic|social-emotional|health|family")
                                     @Parameter(description = "Only this domain's codes",
                                             schema = @Schema(enumeration = {"academic", "social-emotional", "health", "family"}, maxLength = 30))
                                     String domain,
                                     @BeanParam @Valid PageParams page) {
        return service.list(domain, page.toRequest());
    }

    @POST
    @Path("/review-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createReviewCode", summary = "Add a code to a domain's needs/strengths list",
            description = "409 when the domain already has the code.")
    public RestResponse<ReviewCodeView> create(@NotNull @Valid ReviewCodeRequest request, @Context UriInfo uri) {
        ReviewCode code = service.create(request);
        return RestResponse.ResponseBuilder.<ReviewCodeView>created(
                        uri.getBaseUriBuilder().path("api/v1/review-codes").path(code.id.toString()).build())
                .entity(ReviewCodeView.from(code)).tag(ETags.of(code.version)).build();
    }

    @GET
    @Path("/review-codes/{codeId}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getReviewCode", summary = "Get one needs/strengths code")
    public RestResponse<ReviewCodeView> get(@PathParam("codeId") UUID codeId) {
        ReviewCode code = service.get(codeId);
        return RestResponse.ResponseBuilder.ok(ReviewCodeView.from(code)).tag(ETags.of(code.version)).build();
    }

    @PUT
    @Path("/review-codes/{codeId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateReviewCode", summary = "Relabel or retire a code",
            description = "Codes are never deleted: reviews refer to them. Requires If-Match.")
    public RestResponse<ReviewCodeView> update(@PathParam("codeId") UUID codeId, @HeaderParam("If-Match") String ifMatch,
                                               @NotNull @Valid UpdateReviewCodeRequest request) {
        ReviewCode code = service.update(codeId, ETags.ifMatch(ifMatch), request);
        return RestResponse.ResponseBuilder.ok(ReviewCodeView.from(code)).tag(ETags.of(code.version)).build();
    }
}
