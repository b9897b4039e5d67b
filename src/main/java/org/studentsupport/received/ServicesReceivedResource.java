package org.studentsupport.received;

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
import org.studentsupport.domain.Page;
import org.studentsupport.security.Roles;
import org.studentsupport.web.PageParams;

import java.util.UUID;

@Path("/api/v1/students/{studentId}/services-received")
@Tag(name = "Services received")
@Produces(MediaType.APPLICATION_JSON)
public class ServicesReceivedResource {

    private final ServicesReceived services;

    public ServicesReceivedResource(ServicesReceived services) {
        this.services = services;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "services-received", id = "studentId", student = "studentId")
    @Operation(operationId = "listServicesReceived", summary = "The services a student receives",
            description = "Community referrals that started (reached in-progress; also when on hold, completed or ended since) and "
                    + "school-based supports of the student's plans (planned supports that name no directory service), each with its "
                    + "category and need codes; the latest started first. A student outside your schools is 404.")
    public Page<ServiceReceivedView> list(@PathParam("studentId") UUID studentId, @BeanParam @Valid PageParams page) {
        return services.forStudent(studentId, page.toRequest());
    }
}
