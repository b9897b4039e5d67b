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
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;
import org.studentsupport.student.StudentScope;
import org.studentsupport.domain.Page;
import org.studentsupport.web.PageParams;

import java.util.UUID;

@Path("/api/v1/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService service;
    private final AuditTrail trail;
    private final StudentScope students;

    public AuditResource(AuditService service, AuditTrail trail, StudentScope students) {
        this.service = service;
        this.trail = trail;
        this.students = students;
    }

    @GET
    @Path("/events")
    @RolesAllowed(Roles.SUPERVISOR)
    @Audited(action = AuditAction.READ, object = "audit-trail")
    @Operation(operationId = "searchAuditEvents", summary = "Search the audit trail of your district",
            description = "By student, actor, action, outcome, object and time range; newest first.")
    public Page<AuditEventView> search(@BeanParam @Valid AuditFilter filter, @BeanParam @Valid PageParams page) {
        trail.student(filter.studentId);
        return service.search(filter, page.toRequest()).map(AuditEventView::from);
    }

    @GET
    @Path("/events.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.SUPERVISOR)
    @Audited(action = AuditAction.EXPORT, object = "audit-trail")
    @Operation(operationId = "exportAuditEvents", summary = "Export matching audit events as CSV",
            description = "Streamed from the database, oldest first; no size limit from memory.")
    @APIResponse(responseCode = "200", description = "CSV, one event per line",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 2147483647)))
    public Response export(@BeanParam @Valid AuditFilter filter) {
        trail.student(filter.studentId);
        AuditService.Export csv = service.csv(filter);
        StreamingOutput body = csv::writeTo;
        return Response.ok(body, "text/csv")
                .header("Content-Disposition", "attachment; filename=\"audit-events.csv\"").build();
    }

    @GET
    @Path("/students/{studentId}/access")
    @RolesAllowed(Roles.SUPERVISOR)
    @Audited(action = AuditAction.READ, object = "student-access-report", id = "studentId", student = "studentId")
    @Operation(operationId = "getStudentAccessReport", summary = "Who accessed a student's records, and when")
    public Page<AuditEventView> accessReport(@PathParam("studentId") UUID studentId, @BeanParam @Valid PageParams page) {
        students.require(studentId);
        AuditFilter filter = new AuditFilter();
        filter.studentId = studentId;
        return service.search(filter, page.toRequest()).map(AuditEventView::from);
    }

    @POST
    @Path("/verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "verifyAuditTrail", summary = "Verify the audit trail against its hash chain",
            description = "Checks the whole trail or a range of positions and reports the first event that does not verify.")
    public VerificationView verify(@Valid VerificationRequest request) {
        return VerificationView.from(service.verify(request == null ? null : request.fromPosition(),
                request == null ? null : request.toPosition()));
    }

    @GET
    @Path("/checkpoints")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "listAuditCheckpoints", summary = "The signed checkpoints of the chain, newest first")
    public Page<CheckpointView> checkpoints(@BeanParam @Valid PageParams page) {
        return service.checkpoints(page.toRequest());
    }
}
