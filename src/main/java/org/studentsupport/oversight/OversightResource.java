package org.studentsupport.oversight;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.referral.ReferralStatus;
import org.studentsupport.web.CsvExport;
import org.studentsupport.web.PageParams;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Referral follow-through for supervisors (their district) and coordinators (their schools):
 * counts, timings and closure per school, coordinator or provider, and the overdue and stalled lists.
 */
@Path("/api/v1/oversight/referrals")
@Tag(name = "Oversight")
@Produces(MediaType.APPLICATION_JSON)
public class OversightResource {

    private final OversightService service;
    private final AuditTrail trail;

    public OversightResource(OversightService service, AuditTrail trail) {
        this.service = service;
        this.trail = trail;
    }

    @GET
    @Path("/follow-through")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR})
    @Operation(operationId = "getReferralFollowThrough", summary = "Referral follow-through by school, coordinator or provider",
            description = "For referrals requested in the range: counts by status, overdue, median and 90th-percentile days"
                    + " to accept, to first service and to close, and the share of closed referrals with a recorded outcome.")
    public FollowThroughReport followThrough(@BeanParam @Valid ReportPeriod period) {
        return service.followThrough(period.toRange());
    }

    @GET
    @Path("/follow-through.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR})
    @Operation(operationId = "exportReferralFollowThrough", summary = "The follow-through report as CSV")
    @APIResponse(responseCode = "200", description = "CSV, one group per line",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, maxLength = 100000000)))
    public Response followThroughCsv(@BeanParam @Valid ReportPeriod period) {
        List<String> header = new ArrayList<>(List.of("group_by", "group_id", "group_name", "requested"));
        ReferralStatus.SENT.forEach(s -> header.add("status_" + s.code()));
        header.addAll(List.of("overdue", "median_days_to_accept", "p90_days_to_accept", "median_days_to_first_service",
                "p90_days_to_first_service", "median_days_to_close", "p90_days_to_close", "closed", "closed_with_outcome_share"));
        return csv("referral-follow-through.csv", header, service.followThrough(period.toRange()).rows(), row -> {
            List<Object> cells = new ArrayList<>(List.of(row.groupBy(), row.groupId(), row.groupName(), row.requested()));
            ReferralStatus.SENT.forEach(s -> cells.add(row.byStatus().count(s)));
            cells.addAll(java.util.Arrays.asList(row.overdue(), row.medianDaysToAccept(), row.p90DaysToAccept(),
                    row.medianDaysToFirstService(), row.p90DaysToFirstService(), row.medianDaysToClose(), row.p90DaysToClose(),
                    row.closed(), row.closedWithOutcomeShare()));
            return cells;
        });
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR})
    @Audited(action = AuditAction.READ, object = "referral-report")
    @Operation(operationId = "listOverdueReferrals", summary = "Open referrals past their follow-up date, most overdue first")
    public Page<StalledReferral> overdue(@BeanParam @Valid PageParams page) {
        Page<StalledReferral> result = service.overdue(page.toRequest());
        trail.object("referral-report", "overdue").students(result.items().stream().map(StalledReferral::studentId).toList());
        return result;
    }

    @GET
    @Path("/stalled")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR})
    @Audited(action = AuditAction.READ, object = "referral-report")
    @Operation(operationId = "listStalledReferrals", summary = "Open referrals with no transition for N days, quietest first")
    public Page<StalledReferral> stalled(@QueryParam("days") @DefaultValue("14") @Min(1) @Max(365) int days,
                                         @BeanParam @Valid PageParams page) {
        Page<StalledReferral> result = service.stalled(days, page.toRequest());
        trail.object("referral-report", "stalled").students(result.items().stream().map(StalledReferral::studentId).toList());
        return result;
    }

    @GET
    @Path("/overdue.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR})
    @Audited(action = AuditAction.EXPORT, object = "referral-report")
    @Operation(operationId = "exportOverdueReferrals", summary = "The overdue list as CSV (at most 100,000 rows)")
    @APIResponse(responseCode = "200", description = "CSV, one referral per line",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, maxLength = 100000000)))
    public Response overdueCsv() {
        List<StalledReferral> rows = service.overdue(new PageRequest(1, OversightService.MAX_EXPORT_ROWS)).items();
        trail.object("referral-report", "overdue").students(rows.stream().map(StalledReferral::studentId).toList());
        return listCsv("overdue-referrals.csv", rows);
    }

    @GET
    @Path("/stalled.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR})
    @Audited(action = AuditAction.EXPORT, object = "referral-report")
    @Operation(operationId = "exportStalledReferrals", summary = "The stalled list as CSV (at most 100,000 rows)")
    @APIResponse(responseCode = "200", description = "CSV, one referral per line",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, maxLength = 100000000)))
    public Response stalledCsv(@QueryParam("days") @DefaultValue("14") @Min(1) @Max(365) int days) {
        List<StalledReferral> rows = service.stalled(days, new PageRequest(1, OversightService.MAX_EXPORT_ROWS)).items();
        trail.object("referral-report", "stalled").students(rows.stream().map(StalledReferral::studentId).toList());
        return listCsv("stalled-referrals.csv", rows);
    }

    private static Response listCsv(String file, List<StalledReferral> rows) {
        return csv(file, List.of("referral_id", "student_id", "school_id", "school_name", "organization_id", "organization_name",
                "status", "coordinator", "last_transition_at", "days_since_last_transition", "follow_up_due", "days_overdue"),
                rows, r -> java.util.Arrays.asList(r.referralId(), r.studentId(), r.schoolId(), r.schoolName(), r.organizationId(),
                        r.organizationName(), r.status(), r.coordinator(), r.lastTransitionAt(), r.daysSinceLastTransition(),
                        r.followUpDue(), r.daysOverdue()));
    }

    private static <T> Response csv(String file, List<String> header, List<T> rows, Function<T, List<?>> cells) {
        return CsvExport.attachment(file, CsvExport.of(header, rows, cells));
    }
}
