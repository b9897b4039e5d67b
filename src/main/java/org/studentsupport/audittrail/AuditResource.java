package org.studentsupport.audittrail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.AuditSettings;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.Roles;
import org.studentsupport.student.StudentScope;
import org.studentsupport.domain.NotFoundException;
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
    private final AuditVerifications verifications;
    private final AuditSettings settings;

    /** Seconds a client waits before asking again about a running verification job. */
    private static final int JOB_RETRY_SECONDS = 5;

    public AuditResource(AuditService service, AuditTrail trail, StudentScope students, CallerScope caller,
                         AuditVerifications verifications, AuditSettings settings) {
        this.service = service;
        this.trail = trail;
        this.students = students;
        this.caller = caller;
        this.verifications = verifications;
        this.settings = settings;
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
                    + " newest events were deleted. A range outside the chain is refused with 400. A range of at most"
                    + " studentsupport.audit.verification-max-events-at-once events (500,000) is verified while the caller"
                    + " waits (200); a longer one, or any with the header Prefer: respond-async, runs as a job (202 with its"
                    + " Location; GET it until its state is done or failed). A job survives the loss of the instance running"
                    + " it: another one runs it again.")
    @APIResponse(responseCode = "200", description = "Verified while the caller waited",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "202", description = "Accepted: the verification runs as a job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationJobView.class)))
    public Response verify(@Parameter(description = "respond-async to run the verification as a job whatever its size",
                                   schema = @Schema(maxLength = 100)) @HeaderParam("Prefer") String prefer,
                           @Valid VerificationRequest request, @Context UriInfo uri) {
        VerificationRequest asked = request == null ? new VerificationRequest(null, null, null) : request;
        PublishedCheckpoint published = asked.publishedCheckpoint() == null ? null : asked.publishedCheckpoint().toCheckpoint();
        long events = service.eventsIn(asked.fromPosition(), asked.toPosition());
        if (!respondAsync(prefer) && events <= settings.verificationMaxEventsAtOnce()) {
            return Response.ok(VerificationView.from(service.verify(asked.fromPosition(), asked.toPosition(), published))).build();
        }
        AuditVerifications.Job job = verifications.queue(caller.subject(), asked.fromPosition(), asked.toPosition(), published);
        return Response.accepted(VerificationJobView.from(job))
                .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .header("Retry-After", JOB_RETRY_SECONDS).build();
    }

    @GET
    @Path("/verifications")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listAuditVerificationJobs", summary = "The verification jobs, newest first")
    public Page<VerificationJobView> verificationJobs(@BeanParam @Valid PageParams page) {
        return verifications.list(page.toRequest()).map(VerificationJobView::from);
    }

    @GET
    @Path("/verifications/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "getAuditVerificationJob", summary = "A verification job: its state and, once done, its result",
            description = "Retry-After tells how long to wait before asking again while it is queued or running.")
    public Response verificationJob(@PathParam("id") UUID id) {
        AuditVerifications.Job job = verifications.find(id).orElseThrow(() -> new NotFoundException("Verification job"));
        Response.ResponseBuilder answer = Response.ok(VerificationJobView.from(job));
        if (job.state() == AuditVerifications.State.QUEUED || job.state() == AuditVerifications.State.RUNNING) {
            answer.header("Retry-After", JOB_RETRY_SECONDS);
        }
        return answer.build();
    }

    /** RFC 7240: the caller prefers an asynchronous answer. */
    static boolean respondAsync(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String token = preference.split(";", 2)[0].trim();
            if (token.equalsIgnoreCase("respond-async")) {
                return true;
            }
        }
        return false;
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
