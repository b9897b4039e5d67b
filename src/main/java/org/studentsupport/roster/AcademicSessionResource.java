package org.studentsupport.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.security.Roles;
import org.studentsupport.domain.Page;
import org.studentsupport.web.PageParams;


@Path("/api/v1/academic-sessions")
@Tag(name = "Rosters", description = "School years and terms, classes and who is enrolled in them")
@Produces(MediaType.APPLICATION_JSON)
public class AcademicSessionResource {

    private final RosterService service;

    public AcademicSessionResource(RosterService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listAcademicSessions", summary = "List your district's school years and terms", description = "Ordered by start date.")
    public Page<AcademicSessionView> sessions(@BeanParam @Valid PageParams page) {
        return service.sessions(page.toRequest());
    }

}
