package org.studentsupport.referral;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.Versioned;
import org.studentsupport.web.ETags;
import org.studentsupport.web.PageParams;

import java.util.List;
import java.util.UUID;

/** The provider's queue: only referrals sent to the caller's organization, with the minimum necessary. */
@Path("/api/v1/provider/referrals")
@Tag(name = "Provider queue")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderReferralResource {

    private final ReferralQueries queries;

    public ProviderReferralResource(ReferralQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed(Roles.PROVIDER)
    @Audited(action = AuditAction.READ, object = "referral")
    @Operation(operationId = "listProviderReferrals", summary = "Referrals sent to your organization",
            description = "Open ones first, by follow-up due date; in every status unless `status` names some (repeat it for "
                    + "several). Move them with POST /api/v1/referrals/{id}/transitions.")
    public Page<ProviderReferralView> list(
            @QueryParam("status") @Size(max = 10) @Parameter(description = "Only referrals in these statuses (repeatable)",
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = 10, implementation = ReferralResource.StatusCode.class))
            List<@Pattern(regexp = ReferralStatus.CODE_PATTERN) @Size(max = 20) String> status,
            @BeanParam @Valid PageParams page) {
        return queries.providerQueue(ReferralResource.statuses(status), page.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.PROVIDER)
    @Audited(action = AuditAction.READ, object = "referral", id = "id")
    @Operation(operationId = "getProviderReferral", summary = "One referral sent to your organization",
            description = "404 for any referral not sent to your organization.")
    public RestResponse<ProviderReferralView> get(@PathParam("id") UUID id) {
        Versioned<ProviderReferralView> found = queries.providerGet(id);
        return RestResponse.ResponseBuilder.ok(found.body()).tag(ETags.of(found.version())).build();
    }
}
