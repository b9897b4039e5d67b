package org.studentsupport.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;

import java.util.UUID;

/** Aggregate review reports. They name no student, so the audit records the report, not students. */
@Path("/api/v1/review-reports")
@Tag(name = "Review reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewReportResource {

    private final ReviewReportService service;

    public ReviewReportResource(ReviewReportService service) {
        this.service = service;
    }

    @GET
    @Path("/tier-distribution")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "tier-distribution", id = "periodId")
    @Operation(operationId = "getTierDistribution", summary = "Students per tier, by school and grade, in a period",
            description = "Finalized reviews only; coordinators see their schools, supervisors their district. Counts below the minimum cell size are null with suppressed=true.")
    public TierDistributionReport tierDistribution(@QueryParam("periodId") @NotNull UUID periodId,
                                                   @QueryParam("schoolId") @Parameter(description = "Only this school") UUID schoolId) {
        return service.tierDistribution(periodId, schoolId);
    }

    @GET
    @Path("/tier-movement")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "tier-movement", id = "schoolYearId")
    @Operation(operationId = "getTierMovement", summary = "The fall to spring tier movement matrix of a school year",
            description = "Students with a tier in both the fall and the spring period of the school year, by fall tier and spring tier. "
                    + "422 unless the year has exactly one fall and one spring period. Small cells are suppressed.")
    @APIResponse(responseCode = "200", description = "The movement matrix",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TierMovementReport.class)))
    @APIResponse(responseCode = "422", ref = "#/components/responses/Unprocessable")
    public TierMovementReport tierMovement(@QueryParam("schoolYearId") @NotNull UUID schoolYearId,
                                           @QueryParam("schoolId") @Parameter(description = "Only this school") UUID schoolId) {
        return service.tierMovement(schoolYearId, schoolId);
    }

    @GET
    @Path("/frequent-codes")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "frequent-codes", id = "periodId")
    @Operation(operationId = "getFrequentCodes", summary = "The most frequent needs and strengths in a period",
            description = "Codes recorded for the most students, in finalized reviews. Small cells are suppressed.")
    public FrequentCodesReport frequentCodes(@QueryParam("periodId") @NotNull UUID periodId,
                                             @QueryParam("schoolId") @Parameter(description = "Only this school") UUID schoolId,
                                             @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50)
                                             @Parameter(description = "How many codes of each kind (default 10, at most 50)") int limit) {
        return service.frequentCodes(periodId, schoolId, limit);
    }
}
