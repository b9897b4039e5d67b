package org.studentsupport.oversight;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;

import java.util.List;
import java.util.UUID;

/** The record export for a family's inspection (FERPA 99.10): JSON, or the same document as a printable page. */
@Path("/api/v1/student-records/{studentId}")
@Tag(name = "Oversight")
public class RecordExportResource {

    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE).build();

    private final RecordExportService service;

    public RecordExportResource(RecordExportService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR})
    @Audited(action = AuditAction.EXPORT, object = "student-record", id = "studentId", student = "studentId")
    @Operation(operationId = "exportStudentRecord", summary = "Everything held on one student, for a family's inspection",
            description = "The student, classes, family contacts, whole-class review entries (with replaced ones), individual"
                    + " reviews and plans, consents, referrals with their history, the record of disclosures and the access"
                    + " report, with codes in words and dates as dates. JSON by default; with `Accept: text/html` the same"
                    + " document as a printable page. For a supervisor or the school's coordinator; audited as an export.")
    @APIResponse(responseCode = "200", description = "The student's record",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StudentRecord.class)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, maxLength = 1000000000))})
    public Response export(@PathParam("studentId") UUID studentId, @Context Request request) {
        Variant variant = request.selectVariant(VARIANTS);
        StudentRecord record = service.export(studentId);
        if (variant != null && MediaType.TEXT_HTML_TYPE.isCompatible(variant.getMediaType())) {
            // The page needs nothing but its own inline style: no script, frame or outside resource may run in it.
            return Response.ok(RecordPage.page(record).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").build();
        }
        return Response.ok(record, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
