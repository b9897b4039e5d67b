package org.studentsupport.support;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.security.Roles;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentScope;

import java.util.UUID;

/** A test-only audited read of a student, to exercise the audit mechanism on its own. */
@Path("/test-support/audit-probe")
@Produces(MediaType.TEXT_PLAIN)
public class AuditProbeResource {

    private final StudentScope students;
    private final AuditTrail trail;

    public AuditProbeResource(StudentScope students, AuditTrail trail) {
        this.students = students;
        this.trail = trail;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "student")
    @Operation(hidden = true)
    @jakarta.transaction.Transactional
    public String read(@PathParam("id") UUID id, @QueryParam("q") String query) {
        trail.object("student", id).student(id);
        Student student = students.require(id);
        return student.id.toString();
    }
}
