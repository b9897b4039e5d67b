package org.studentsupport.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.Roles;
import org.studentsupport.web.ApiException;
import org.studentsupport.web.ETags;
import org.studentsupport.domain.InvalidInputException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.Violation;
import org.studentsupport.web.PageParams;
import org.studentsupport.web.ProblemKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/roster-imports")
@Tag(name = "Roster imports", description = "OneRoster 1.2 CSV bundles from the student information system")
@Produces(MediaType.APPLICATION_JSON)
public class RosterImportResource {

    static final int PROBLEMS_SHOWN = 100;

    private final RosterImportService service;
    private final CallerScope caller;
    private final AuditTrail audit;
    private static final int RETRY_BUSY_SECONDS = 30;

    private final ImportLimits limits;

    public RosterImportResource(RosterImportService service, CallerScope caller, AuditTrail audit, ImportLimits limits) {
        this.service = service;
        this.caller = caller;
        this.audit = audit;
        this.limits = limits;
    }

    @POST
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = AuditAction.CREATE, object = "roster-import")
    @Operation(operationId = "startRosterImport", summary = "Upload a OneRoster 1.2 CSV bundle (zip) for your district",
            description = "Starts an asynchronous import and answers 202 with the job and its Location. The import is all or nothing: "
                    + "any problem rejects it with a report and nothing is written. dryRun=true validates and counts without writing. "
                    + "Limits: the upload (studentsupport.roster-import.max-upload-bytes, 100 MiB), the files inside "
                    + "(max-uncompressed-bytes, 1 GiB; max-entries, 50; max-compression-ratio, 100). An instance holds at most "
                    + "max-held-uploads (3) imports at once, running or queued; past that the upload is refused with 503 and Retry-After "
                    + "before it is read.")
    @RequestBody(content = @Content(mediaType = "application/zip", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary", maxLength = 104857600)))
    @APIResponse(responseCode = "202", description = "Accepted: the import runs in the background",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RosterImportView.class)))
    public RestResponse<RosterImportView> start(InputStream body,
                                                @Parameter(description = "Validate and count only; write nothing")
                                                @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                                @Context UriInfo uri) {
        String district = district();
        if (!service.reserveUploadSlot()) {
            throw ApiException.unavailable("This instance already holds " + limits.maxHeldUploads()
                    + " roster imports (studentsupport.roster-import.max-held-uploads); try again when one has finished",
                    RETRY_BUSY_SECONDS);
        }
        java.nio.file.Path upload;
        try {
            upload = saveUpload(body);
        } catch (RuntimeException e) {
            service.releaseUploadSlot();
            throw e;
        }
        RosterImport job = service.submit(upload, district, caller.subject(), dryRun);
        audit.object("roster-import", job.id);
        return RestResponse.ResponseBuilder.<RosterImportView>create(RestResponse.Status.ACCEPTED)
                .location(uri.getAbsolutePathBuilder().path(job.id.toString()).build())
                .entity(RosterImportView.from(job, java.util.Map.of(), List.of())).tag(ETags.of(job.version)).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listRosterImports", summary = "List your district's roster imports, newest first")
    public Page<RosterImportView> list(@BeanParam @Valid PageParams page) {
        return service.list(district(), page.toRequest()).map(job -> RosterImportView.from(job, service.countsOf(job), List.of()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getRosterImport", summary = "Get an import job: status, progress, counts and the first problems")
    public RestResponse<RosterImportView> get(@PathParam("id") UUID id) {
        RosterImport job = service.get(id, district());
        return RestResponse.ResponseBuilder.ok(RosterImportView.from(job, service.countsOf(job), service.firstProblems(id, PROBLEMS_SHOWN)))
                .tag(ETags.of(job.version)).build();
    }

    @GET
    @Path("/{id}/problems")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listRosterImportProblems", summary = "Page through the problems of a rejected import",
            description = "The first 1000 problems are kept (studentsupport.roster-import.max-problems-kept); problemCount on the job counts all.")
    public Page<ImportProblemView> problems(@PathParam("id") UUID id, @BeanParam @Valid PageParams page) {
        return service.problems(id, district(), page.toRequest()).map(ImportProblemView::from);
    }

    /** Saves the request body to a temporary file: 413 over the upload limit, 400 when empty (nothing is kept then). */
    private java.nio.file.Path saveUpload(InputStream upload) {
        java.nio.file.Path file;
        try {
            file = Files.createTempFile("roster-import-", ".zip");
        } catch (IOException e) {
            throw new IllegalStateException("No room for the upload", e);
        }
        try (InputStream in = upload; OutputStream out = Files.newOutputStream(file)) {
            long total = copy(in, out, limits.maxUploadBytes());
            if (total == 0) {
                throw new InvalidInputException(List.of(Violation.atPointer("", "the body is empty; send the zip")));
            }
        } catch (IOException e) {
            RosterImportService.delete(file);
            throw new IllegalStateException("Could not save the upload", e);
        } catch (RuntimeException e) {
            RosterImportService.delete(file);
            throw e;
        }
        return file;
    }

    private static long copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                throw new ApiException(ProblemKind.PAYLOAD_TOO_LARGE, "The upload is larger than " + max
                        + " bytes, the configured limit (studentsupport.roster-import.max-upload-bytes); nothing was imported");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private String district() {
        return caller.districtId().orElseThrow(() -> ApiException.unprocessable("Your account is not assigned to a district", List.of()));
    }
}
