package org.studentsupport.disclosure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;
import org.studentsupport.web.PageParams;

import java.util.UUID;

/** Read-only on purpose: entries are written only by the disclosing transaction and never changed. */
@Path("/api/v1/students/{studentId}/disclosures")
@Tag(name = "Disclosures")
@Produces(MediaType.APPLICATION_JSON)
public class DisclosureResource {

    private final DisclosureService service;

    public DisclosureResource(DisclosureService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "disclosure-record", id = "studentId", student = "studentId")
    @Operation(operationId = "getDisclosureReport", summary = "A student's record of disclosures (FERPA 99.32)",
            description = "Every disclosure of the student's data outside the school, newest first, worded so that it can be shown to a parent.")
    public DisclosureReport report(@PathParam("studentId") UUID studentId, @BeanParam @Valid PageParams page) {
        return service.report(studentId, page.toRequest());
    }
}
