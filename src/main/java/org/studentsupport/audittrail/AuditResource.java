package org.studentsupport.audittrail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.Roles;
import org.studentsupport.student.StudentScope;
import org.studentsupport.domain.Page;
import org.studentsupport.web.CsvExport;
import org.studentsupport.web.PageParams;

import java.util.UUID;

@Path("/api/v1/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService service;
    private final AuditTrail trail;
    private final StudentScope students;
    private final CallerScope caller;

    public AuditResource(AuditService service, AuditTrail trail, StudentScope students, CallerScope caller) {
        this.service = service;
        this.trail = trail;
        this.students = students;
        this.caller = caller;
    }

    @GET
    @Path("/events")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.AUDITOR})
    @Audited(action = AuditAction.READ, object = "audit-trail")
    @Operation(operationId = "searchAuditEvents", summary = "Search the audit trail",
            description = "By student, actor, action, outcome, object and time range; newest first. A supervisor sees the"
                    + " events that concern the students and objects of the district, an administrator also those that"
                    + " concern no district, an auditor every event.")
    public Page<AuditEventView> search(@BeanParam @Valid AuditFilter filter, @BeanParam @Valid PageParams page) {
        describe(filter.studentId);
        return service.search(filter.toQuery(), page.toRequest()).map(AuditEventView::from);
    }

    @GET
    @Path("/events.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.AUDITOR})
    @Audited(action = AuditAction.EXPORT, object = "audit-trail")
    @Operation(operationId = "exportAuditEvents", summary = "Export matching audit events as CSV",
            description = "The events the search would show, streamed from the database, oldest first; no size limit from memory.")
    @APIResponse(responseCode = "200", description = "CSV, one event per line",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 2147483647)))
    public Response export(@BeanParam @Valid AuditFilter filter) {
        describe(filter.studentId);
        AuditService.Export export = service.export(filter.toQuery());
        return CsvExport.attachment("audit-events.csv", AuditService.CSV_COLUMNS, csv -> export.writeTo(csv::row));
    }

    @GET
    @Path("/students/{studentId}/access")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.AUDITOR})
    @Audited(action = AuditAction.READ, object = "student-access-report", id = "studentId", student = "studentId")
    @Operation(operationId = "getStudentAccessReport", summary = "Who accessed a student's records, and when",
            description = "Every event that concerns the student, refusals included, whoever the actor was.")
    public Page<AuditEventView> accessReport(@PathParam("studentId") UUID studentId, @BeanParam @Valid PageParams page) {
        if (!caller.isAuditor()) {
            students.require(studentId);
        }
        return service.search(AuditQuery.ofStudent(studentId), page.toRequest()).map(AuditEventView::from);
    }

    @POST
    @Path("/verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "verifyAuditTrail", summary = "Verify the audit trail against its hash chain",
            description = "Checks the whole trail or a range of positions and reports the first position that does not"
                    + " verify. Pass the latest checkpoint published in the log (or a witness file) to detect that the"
                    + " newest events were deleted. A range outside the chain is refused with 400.")
    public VerificationView verify(@Valid VerificationRequest request) {
        VerificationRequest asked = request == null ? new VerificationRequest(null, null, null) : request;
        return VerificationView.from(service.verify(asked.fromPosition(), asked.toPosition(),
                asked.publishedCheckpoint() == null ? null : asked.publishedCheckpoint().toCheckpoint()));
    }

    @GET
    @Path("/checkpoints")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listAuditCheckpoints", summary = "The signed checkpoints of the chain, newest first")
    public Page<CheckpointView> checkpoints(@BeanParam @Valid PageParams page) {
        return service.checkpoints(page.toRequest());
    }

    /** A search of the trail concerns the student asked for, or else the caller's district (none for an auditor). */
    private void describe(UUID studentId) {
        if (studentId != null) {
            trail.student(studentId);
        } else if (!caller.isAuditor()) {
            trail.concerns(caller.districtId().orElse(null), null);
        }
    }
}
