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
import org.studentsupport.security.Roles;
import org.studentsupport.domain.Page;
import org.studentsupport.web.PageParams;

import java.util.UUID;

@Path("/api/v1/schools/{schoolId}/classes")
@Tag(name = "Rosters", description = "School years and terms, classes and who is enrolled in them")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolClassResource {

    private final RosterService service;

    public SchoolClassResource(RosterService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listClassesOfSchool", summary = "List the classes of a school",
            description = "Optionally only those of a session (a term, or a school year with its terms). Ordered by title. 404 for a school outside your scope.")
    public Page<ClassView> classes(@PathParam("schoolId") UUID schoolId,
                                   @Parameter(description = "Only classes of this academic session or of its terms") @QueryParam("sessionId") UUID sessionId,
                                   @BeanParam @Valid PageParams page) {
        return service.classesOfSchool(schoolId, sessionId, page.toRequest());
    }

}
