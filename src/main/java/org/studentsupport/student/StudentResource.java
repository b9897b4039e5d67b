package org.studentsupport.student;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;
import org.studentsupport.domain.Page;
import org.studentsupport.web.PageParams;

import java.util.UUID;

@Path("/api/v1/students")
@Tag(name = "Students", description = "Students of the schools you serve")
@Produces(MediaType.APPLICATION_JSON)
public class StudentResource {

    private final StudentService service;
    private final AuditTrail audit;

    public StudentResource(StudentService service, AuditTrail audit) {
        this.service = service;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Audited(action = AuditAction.READ, object = "student-search")
    @Operation(operationId = "searchStudents", summary = "Find students by name prefix, grade and school",
            description = "Within your schools (coordinators) or district (supervisors, administrators). The name prefix matches the start of "
                    + "the family, given or preferred name, ignoring case. Ordered by family name, given name.")
    public Page<StudentSummaryView> search(
            @Parameter(description = "Start of a name") @QueryParam("name") @Size(max = 100) String name,
            @Parameter(description = "Grade level, e.g. KG or 03") @QueryParam("grade") @Size(max = 10) String grade,
            @Parameter(description = "Only this school") @QueryParam("schoolId") UUID schoolId,
            @Parameter(description = "Include students the roster removed") @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive,
            @BeanParam @Valid PageParams page) {
        Page<StudentSummaryView> found = service.search(name, grade, schoolId, includeInactive, page.toRequest());
        audit.students(found.items().stream().map(StudentSummaryView::id).toList());
        return found;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Audited(action = AuditAction.READ, object = "student", id = "id", student = "id")
    @Operation(operationId = "getStudentProfile", summary = "A student's profile",
            description = "Identity, enrollments, family contacts and support (tier, plan, referrals). Administrators get the profile with an "
                    + "empty support part: they manage rosters, not case notes. 404 for a student outside your scope.")
    public RestResponse<StudentProfileView> profile(@PathParam("id") UUID id) {
        return RestResponse.ok(service.profile(id));
    }
}
