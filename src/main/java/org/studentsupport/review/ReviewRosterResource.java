package org.studentsupport.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.domain.Page;
import org.studentsupport.security.Roles;
import org.studentsupport.web.PageParams;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/review-periods/{periodId}")
@Tag(name = "Reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewRosterResource {

    private final ReviewRosterService service;

    public ReviewRosterResource(ReviewRosterService service) {
        this.service = service;
    }

    @GET
    @Path("/schools/{schoolId}/review-roster")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "school", id = "schoolId")
    @Operation(operationId = "listReviewRoster", summary = "The period's review roster of a school: every student once, with the reviewing class",
            description = "The students enrolled (on today's date, kept within the period) in a class of the period's own term — the "
                    + "session of the period's school year that holds the period's middle day. Each student's reviewing class is the class "
                    + "the school designated for the period, else the student's homeroom of the term (OneRoster classType homeroom; the first "
                    + "by title when there are several), else none: status unassigned. A student may be reviewed in another class they are "
                    + "enrolled in: reviewedInClassId then names it and reviewedElsewhere is true. Ordered by family name, given name.")
    public Page<ReviewRosterEntryView> roster(@PathParam("periodId") UUID periodId, @PathParam("schoolId") UUID schoolId,
                                              @QueryParam("status") @Pattern(regexp = "unassigned|not-reviewed|draft|final")
                                              @Parameter(schema = @Schema(enumeration = {"unassigned", "not-reviewed", "draft", "final"}, maxLength = 20))
                                              String status,
                                              @BeanParam @Valid PageParams page) {
        return service.roster(periodId, schoolId, status, LocalDate.now(), page.toRequest());
    }

    @PUT
    @Path("/students/{studentId}/reviewing-class")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, object = "review-designation", id = "studentId", student = "studentId")
    @Operation(operationId = "designateReviewingClass", summary = "Designate the class a student is reviewed in during the period",
            description = "Replaces the homeroom (or an earlier designation) as the student's reviewing class for this period only. "
                    + "The class must be of your schools, active, of the period's own term, and the student enrolled in it during "
                    + "the period: 422 naming /classId otherwise; nothing is written. An entry already saved elsewhere stays where it is.")
    public ReviewingClassView designate(@PathParam("periodId") UUID periodId, @PathParam("studentId") UUID studentId,
                                        @NotNull @Valid DesignateReviewingClassRequest request) {
        return service.designate(periodId, studentId, request);
    }

    @DELETE
    @Path("/students/{studentId}/reviewing-class")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, object = "review-designation", id = "studentId", student = "studentId")
    @Operation(operationId = "removeReviewingClassDesignation", summary = "Go back to the homeroom as the student's reviewing class",
            description = "404 when the student has no designated class in the period.")
    public RestResponse<Void> removeDesignation(@PathParam("periodId") UUID periodId, @PathParam("studentId") UUID studentId) {
        service.removeDesignation(periodId, studentId);
        return RestResponse.noContent();
    }
}
