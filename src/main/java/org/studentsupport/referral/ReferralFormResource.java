package org.studentsupport.referral;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;

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
    @Audited(action = AuditAction.READ, object = "referral-form", id = "studentId", student = "studentId")
    @Operation(operationId = "getReferralFormLookup", summary = "What a referral form offers",
            description = "Need codes, urgency levels, purposes, data categories, reason and outcome codes; with a student, their "
                    + "family contacts and the consents in force, narrowed with a service to those covering its organization.")
    public ReferralFormLookup lookup(@QueryParam("studentId") @Parameter(description = "The student referred") UUID studentId,
                                     @QueryParam("serviceId") @Parameter(description = "The service chosen") UUID serviceId) {
        return forms.lookup(studentId, serviceId);
    }
}
