package org.studentsupport.referral;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;
import org.studentsupport.domain.Versioned;
import org.studentsupport.web.ETags;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/students/{studentId}/referrals")
@Tag(name = "Referrals")
@Produces(MediaType.APPLICATION_JSON)
public class StudentReferralResource {

    private final ReferralDrafts drafts;

    public StudentReferralResource(ReferralDrafts drafts) {
        this.drafts = drafts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.CREATE, object = "referral", student = "studentId")
    @Operation(operationId = "createReferral", summary = "Write a referral as a draft",
            description = "Nothing leaves the school until the draft is sent. With an Idempotency-Key (kept 24 hours), "
                    + "repeating the same request returns the same referral (201, header Idempotent-Replayed: true); "
                    + "the same key with a different body is a 422.")
    @APIResponse(responseCode = "201", description = "The new draft",
            headers = @Header(name = "Location", description = "Where it can be read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralView.class)))
    public RestResponse<ReferralView> create(
            @PathParam("studentId") UUID studentId,
            @HeaderParam("Idempotency-Key") @Pattern(regexp = ReferralResource.IDEMPOTENCY_KEY)
            @Parameter(description = "A client-chosen key making the creation safe to repeat (letters, digits, ._:-, up to 100)",
                    schema = @Schema(maxLength = 100, pattern = ReferralResource.IDEMPOTENCY_KEY)) String idempotencyKey,
            @NotNull @Valid CreateReferralRequest request, @Context UriInfo uri) {
        Versioned<ReferralView> created = drafts.create(studentId, request, idempotencyKey);
        URI location = uri.getBaseUriBuilder().path("api/v1/referrals").path(created.body().id().toString()).build();
        RestResponse.ResponseBuilder<ReferralView> response = RestResponse.ResponseBuilder.<ReferralView>created(location)
                .entity(created.body()).tag(ETags.of(created.version()));
        if (created.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }
}
