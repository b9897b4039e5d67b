package org.studentsupport.received;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.audit.Audited;
import org.studentsupport.domain.Page;
import org.studentsupport.security.Roles;
import org.studentsupport.web.PageParams;

import java.util.UUID;

/**
 * Reports over the services received. The aggregate ones name no student and suppress small cells;
 * the gap list names the caller's own students and is audited as a read of each.
 */
@Path("/api/v1/service-reports")
@Tag(name = "Services received")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceReportResource {

    private final ServiceReports reports;
    private final AuditTrail audit;

    public ServiceReportResource(ServiceReports reports, AuditTrail audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @GET
    @Path("/by-tier")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "services-by-tier", id = "periodId")
    @Operation(operationId = "getServicesByTier", summary = "Services per student by tier and category",
            description = "Students of the period's finalized reviews by tier; how many receive at least one service during the period's "
                    + "school year, the services they receive and how many per student, by category. Coordinators see their schools, "
                    + "supervisors their district. Counts below the minimum cell size are null with suppressed=true.")
    public ServicesByTierReport byTier(@QueryParam("periodId") @NotNull UUID periodId,
                                       @QueryParam("schoolId") @Parameter(description = "Only this school") UUID schoolId) {
        return reports.byTier(periodId, schoolId);
    }

    @GET
    @Path("/reach")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "service-reach", id = "periodId")
    @Operation(operationId = "getServiceReach", summary = "The share of students with at least one service, per school",
            description = "Students of the period's finalized reviews, and those of them who receive at least one service during the "
                    + "period's school year. Small cells are suppressed.")
    public ServiceReachReport reach(@QueryParam("periodId") @NotNull UUID periodId,
                                    @QueryParam("schoolId") @Parameter(description = "Only this school") UUID schoolId) {
        return reports.reach(periodId, schoolId);
    }

    @GET
    @Path("/unmet-needs")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "unmet-needs", id = "periodId")
    @Operation(operationId = "getUnmetNeeds", summary = "Needs without any service, counted",
            description = "Per need code recorded in the period's finalized reviews: the students with the need and those of them "
                    + "with no service received during the school year and no sent, open referral meeting it. Small cells are suppressed.")
    public UnmetNeedsReport unmetNeeds(@QueryParam("periodId") @NotNull UUID periodId,
                                       @QueryParam("schoolId") @Parameter(description = "Only this school") UUID schoolId) {
        return reports.unmetNeeds(periodId, schoolId);
    }

    @GET
    @Path("/unmet-needs/students")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "unmet-needs-students", id = "periodId")
    @Operation(operationId = "listUnmetNeedStudents", summary = "The gap list: students with needs no service meets",
            description = "The students of your schools (supervisors: district) whose needs recorded in the period's finalized review "
                    + "include some that no service received and no sent, open referral meets; the highest tier first, then by name. "
                    + "Not suppressed: it names only students you may see, and it is audited as a read of each one listed.")
    public Page<UnmetNeedStudent> unmetNeedStudents(@QueryParam("periodId") @NotNull UUID periodId,
                                                    @QueryParam("schoolId") @Parameter(description = "Only this school") UUID schoolId,
                                                    @BeanParam @Valid PageParams page) {
        Page<UnmetNeedStudent> found = reports.unmetNeedStudents(periodId, schoolId, page.toRequest());
        audit.students(found.items().stream().map(UnmetNeedStudent::studentId).toList());
        return found;
    }
}
