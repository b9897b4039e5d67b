package org.studentsupport.oversight;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;

import java.util.UUID;

@Path("/api/v1/student-records/{studentId}")
@Tag(name = "Oversight")
@Produces(MediaType.APPLICATION_JSON)
public class RecordExportResource {

    private final RecordExportService service;

    public RecordExportResource(RecordExportService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR})
    @Audited(action = AuditAction.EXPORT, object = "student-record", id = "studentId", student = "studentId")
    @Operation(operationId = "exportStudentRecord", summary = "Everything held on one student, for a family's inspection",
            description = "Roster data, enrollments, family contacts, whole-class review entries (with their history),"
                    + " individual reviews and plans, consents, referrals with their history, the record of disclosures"
                    + " and the access report, in one JSON document. For a supervisor or the school's coordinator.")
    @APIResponse(responseCode = "200", description = "The student's record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public ObjectNode export(@PathParam("studentId") UUID studentId) {
        return service.export(studentId);
    }
}
