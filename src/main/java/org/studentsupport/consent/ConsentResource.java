package org.studentsupport.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

@Path("/api/v1/consents")
@Tag(name = "Consents")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final ConsentService service;

    public ConsentResource(ConsentService service) {
        this.service = service;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "consent", id = "id")
    @Operation(operationId = "getConsent", summary = "Get one consent, with the open referrals relying on it")
    public RestResponse<ConsentView> get(@PathParam("id") UUID id) {
        Versioned<ConsentView> found = service.get(id);
        return RestResponse.ResponseBuilder.ok(found.body()).tag(ETags.of(found.version())).build();
    }

    @POST
    @Path("/{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.UPDATE, object = "consent", id = "id")
    @Operation(operationId = "revokeConsent", summary = "Revoke a consent",
            description = "Stops future disclosures, not past ones. The open referrals relying on the consent are flagged "
                    + "and listed in openReferralIds. Requires If-Match; 409 when already revoked.")
    public RestResponse<ConsentView> revoke(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                            @Valid RevokeConsentRequest request) {
        Versioned<ConsentView> revoked = service.revoke(id, ETags.ifMatch(ifMatch), request);
        return RestResponse.ResponseBuilder.ok(revoked.body()).tag(ETags.of(revoked.version())).build();
    }
}
