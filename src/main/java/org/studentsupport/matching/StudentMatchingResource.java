package org.studentsupport.matching;

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

@Path("/api/v1/students/{studentId}/matching-services")
@Tag(name = "Directory")
@Produces(MediaType.APPLICATION_JSON)
public class StudentMatchingResource {

    private final StudentMatching matching;

    public StudentMatchingResource(StudentMatching matching) {
        this.matching = matching;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "matching-services", id = "studentId", student = "studentId")
    @Operation(operationId = "listMatchingServices", summary = "Services for this student",
            description = "Active directory services that meet at least one need recorded for the student (latest finalized review "
                    + "per domain, open plan), admit the student's age and lie within 50 km of the school (when it has coordinates); "
                    + "ranked by needs met, capacity, language, cost and distance, each saying why. At most 200 are ranked. "
                    + "A student outside your schools is 404.")
    public Page<MatchingService> list(@PathParam("studentId") UUID studentId, @BeanParam @Valid PageParams page) {
        return matching.forStudent(studentId, page.toRequest());
    }
}
