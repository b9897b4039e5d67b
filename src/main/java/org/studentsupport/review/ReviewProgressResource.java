package org.studentsupport.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;
import org.studentsupport.domain.Page;
import org.studentsupport.web.PageParams;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/review-periods/{periodId}/schools/{schoolId}")
@Tag(name = "Reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewProgressResource {

    private final ReviewProgressService service;

    public ReviewProgressResource(ReviewProgressService service) {
        this.service = service;
    }

    @GET
    @Path("/progress")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "school", id = "schoolId")
    @Operation(operationId = "getReviewProgress", summary = "How far a school is with its reviews in a period",
            description = "Counted on the period's review roster (see listReviewRoster): the classes to review — every reviewing class "
                    + "of the roster and every class holding a review of the period — not started, in draft and final, and the share "
                    + "of the roster's students with a tier in a finalized review. Classes of other terms are not counted.")
    public ReviewProgressView progress(@PathParam("periodId") UUID periodId, @PathParam("schoolId") UUID schoolId) {
        return service.progress(periodId, schoolId, LocalDate.now());
    }

    @GET
    @Path("/classes")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "school", id = "schoolId")
    @Operation(operationId = "listClassReviewProgress", summary = "The school's classes and where each one's review stands",
            description = "The classes to review (as counted by getReviewProgress), ordered by title. Filter with status=not-started "
                    + "to see the classes still to review.")
    public Page<ClassProgressView> classes(@PathParam("periodId") UUID periodId, @PathParam("schoolId") UUID schoolId,
                                           @QueryParam("status") @Pattern(regexp = "not-started|draft|final")
                                           @Parameter(schema = @Schema(enumeration = {"not-started", "draft", "final"}, maxLength = 20))
                                           String status,
                                           @BeanParam @Valid PageParams page) {
        return service.classes(periodId, schoolId, status, LocalDate.now(), page.toRequest());
    }
}
