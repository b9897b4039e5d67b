package org.studentsupport.referral;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;
import org.studentsupport.web.ETags;
import org.studentsupport.domain.Page;
import org.studentsupport.web.PageParams;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/referral-form")
@Tag(name = "Referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralFormResource {

    private final ReferralFormService forms;

    public ReferralFormResource(ReferralFormService forms) {
        this.forms = forms;
    }

    @GET
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.READ, object = "referral-form")
    @Operation(operationId = "getReferralFormLookup", summary = "What a referral form offers",
            description = "Need codes, urgency levels, purposes, data categories, reason and outcome codes; with a student, their "
                    + "family contacts and the consents in force, narrowed with a service to those covering its organization.")
    public ReferralFormLookup lookup(@QueryParam("studentId") @Parameter(description = "The student referred") UUID studentId,
                                     @QueryParam("serviceId") @Parameter(description = "The service chosen") UUID serviceId) {
        return forms.lookup(studentId, serviceId);
    }
}
