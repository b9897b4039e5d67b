package org.studentsupport.directory.hsds;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.Roles;
import org.studentsupport.web.ApiException;
import org.studentsupport.web.ProblemKind;

import java.io.ByteArrayInputStream;

@Path("/api/v1/directory/imports")
@Tag(name = "Directory")
@Produces(MediaType.APPLICATION_JSON)
public class HsdsImportResource {

    /** The request body limit (quarkus.http.limits.max-body-size) in bytes; a larger upload is a 413. */
    public static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

    private final HsdsImport imports;
    private final CallerScope caller;
    private final ObjectMapper json;

    public HsdsImportResource(HsdsImport imports, CallerScope caller, ObjectMapper json) {
        this.imports = imports;
        this.caller = caller;
        this.json = json;
    }

    @POST
    @Path("/hsds-json")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importHsdsJson", summary = "Import HSDS 3.0 JSON: a list of full services or organizations",
            description = "Records are written by id (insert or replace), all or nothing. Any schema mismatch or dangling"
                    + " reference is a 422 naming each error by JSON pointer; nothing is written. Up to 10 MB, 100,000 records.")
    @RequestBody(content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = MAX_UPLOAD_BYTES,
                    description = "An HSDS service or organization, or a JSON array of them")))
    public HsdsImport.Report importJson(@NotNull @Size(max = MAX_UPLOAD_BYTES) String body) {
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (JsonProcessingException e) {
            // A parser limit (such as the nesting depth) is reported without a location.
            JsonLocation at = e.getLocation();
            throw new ApiException(ProblemKind.MALFORMED_REQUEST, "The body is not valid JSON"
                    + (at == null ? ": " + e.getOriginalMessage() : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        try {
            return imports.importJson(document, caller.subject());
        } catch (UnusableUploadException e) {
            throw refused(e);
        }
    }

    @POST
    @Path("/hsds-tabular")
    @Consumes({"application/zip"})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importHsdsTabular", summary = "Import the HSDS 3.0 tabular form: a zip of its CSV files",
            description = "The CSV files of an HSDS datapackage (services.csv, organizations.csv, ...), zipped. Written by id,"
                    + " all or nothing; errors name file, row and field. Up to 10 MB zipped, 50 MB unzipped, 64 files, 100,000 records.")
    @RequestBody(content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/zip",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary",
                    maxLength = MAX_UPLOAD_BYTES)))
    public HsdsImport.Report importTabular(@NotNull byte[] zip) {
        try {
            return imports.importTabular(new ByteArrayInputStream(zip), caller.subject());
        } catch (UnusableUploadException e) {
            throw refused(e);
        }
    }

    private static ApiException refused(UnusableUploadException e) {
        return new ApiException(e.reason() == UnusableUploadException.Reason.TOO_LARGE
                ? ProblemKind.PAYLOAD_TOO_LARGE : ProblemKind.MALFORMED_REQUEST, e.getMessage());
    }
}
