package org.studentsupport.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

@Path("/api/v1/classes")
@Tag(name = "Rosters", description = "School years and terms, classes and who is enrolled in them")
@Produces(MediaType.APPLICATION_JSON)
public class ClassResource {

    private final RosterService service;
    private final AuditTrail audit;

    public ClassResource(RosterService service, AuditTrail audit) {
        this.service = service;
        this.audit = audit;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getClass", summary = "Get one class with its teachers")
    public RestResponse<ClassView> getClass(@PathParam("id") UUID id) {
        return RestResponse.ok(service.getClass(id));
    }


    @GET
    @Path("/{id}/roster")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Audited(action = AuditAction.READ, object = "class", id = "id")
    @Operation(operationId = "getClassRoster", summary = "The students enrolled in a class on a date",
            description = "Enrollments in force on the date (default: today, UTC) of active students, ordered by family name, given name.")
    public Page<RosterEntryView> roster(@PathParam("id") UUID id,
                                        @Parameter(description = "The date (default today)") @QueryParam("date") LocalDate date,
                                        @BeanParam @Valid PageParams page) {
        Page<RosterEntryView> roster = service.roster(id, date == null ? LocalDate.now(ZoneOffset.UTC) : date, page.toRequest());
        audit.students(roster.items().stream().map(RosterEntryView::studentId).toList());
        return roster;
    }
}
