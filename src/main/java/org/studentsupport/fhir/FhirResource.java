package org.studentsupport.fhir;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.domain.InvalidInputException;
import org.studentsupport.domain.Versioned;
import org.studentsupport.domain.Violation;
import org.studentsupport.referral.FhirTaskSearch;
import org.studentsupport.referral.ReferralQueries;
import org.studentsupport.referral.ReferralWorkflow;
import org.studentsupport.security.Roles;
import org.studentsupport.web.ETags;
import org.studentsupport.web.FhirFormat;

import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The FHIR R4 endpoint for providers' platforms: the CapabilityStatement, and the Tasks of the
 * referrals sent to the caller's organization — read, searched, and updated to move the referral. Every
 * move goes through the referral workflow ({@link ReferralWorkflow#fhirUpdate}), so the rules, consent
 * state and audit are those of the JSON API; scope is the provider queue's (a Task out of reach is a 404).
 * Errors are OperationOutcomes ({@link FhirOutcomes}).
 *
 * <p>In the contract too, next to the CapabilityStatement that a FHIR client reads: each operation with
 * {@code application/fhir+json}, its parameters and the envelope of its resources ({@link FhirSchemas}),
 * and its errors as OperationOutcomes (the contract filter gives every {@code /fhir} operation those).
 */
@Path("/fhir")
@Tag(name = "FHIR", description = "FHIR R4 endpoint for providers' platforms: the Tasks of the referrals sent to your "
        + "organization, read, searched and updated through the referral workflow; errors are OperationOutcomes")
@Produces({FhirFormat.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class FhirResource {

    private final ReferralQueries queries;
    private final ReferralWorkflow workflow;
    private final FhirFormat fhir;

    public FhirResource(ReferralQueries queries, ReferralWorkflow workflow, FhirFormat fhir) {
        this.queries = queries;
        this.workflow = workflow;
        this.fhir = fhir;
    }

    @GET
    @Path("/metadata")
    @PermitAll
    @SecurityRequirementsSet({})
    @Operation(operationId = "fhirCapabilities", summary = "The FHIR CapabilityStatement",
            description = "What this FHIR server does (Task read, search and update) and how to sign in; public, as FHIR "
                    + "clients read it before they have a token.")
    @APIResponse(responseCode = "200", description = "The CapabilityStatement",
            content = @Content(mediaType = FhirFormat.MEDIA_TYPE, schema = @Schema(implementation = FhirSchemas.CapabilityStatement.class)))
    public Response metadata(@Context UriInfo uri) {
        return ok(FhirCapabilities.statement(base(uri)));
    }

    @GET
    @Path("/Task/{id}")
    @RolesAllowed(Roles.PROVIDER)
    @Audited(action = AuditAction.READ, object = "referral", id = "id")
    @Operation(operationId = "fhirReadTask", summary = "One Task",
            description = "The Task of a referral sent to your organization; its ETag is W/\"<meta.versionId>\". Another "
                    + "organization's, or a draft, is a 404.")
    @APIResponse(responseCode = "200", description = "The Task",
            content = @Content(mediaType = FhirFormat.MEDIA_TYPE, schema = @Schema(implementation = FhirSchemas.Task.class)))
    public Response readTask(@PathParam("id") UUID id) {
        Versioned<Task> task = queries.fhirTask(id);
        return versioned(task);
    }

    @GET
    @Path("/Task")
    @RolesAllowed(Roles.PROVIDER)
    @Audited(action = AuditAction.READ, object = "referral")
    @Operation(operationId = "fhirSearchTasks", summary = "Search Tasks",
            description = "The Tasks of the referrals sent to your organization, newest change first, with their ServiceRequests, "
                    + "Patients and Organizations included. Any other parameter, or a value that cannot be read, is a 400.")
    @Parameter(name = "owner", in = ParameterIn.QUERY, description = "Organization/<id> or the id: your organization",
            schema = @Schema(type = SchemaType.STRING, maxLength = 300))
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "Task status, several separated by commas (any of)",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "^[a-z-]+(,[a-z-]+)*$"), example = "requested,accepted")
    @Parameter(name = "_lastUpdated", in = ParameterIn.QUERY, description = "A date or instant with a prefix eq, ge, gt, le or lt; "
            + "give it twice for a range (both must hold)", schema = @Schema(type = SchemaType.STRING, maxLength = 40,
            pattern = "^(eq|ge|gt|le|lt)?[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2}))?)?)?$"),
            example = "ge2026-09-01")
    @Parameter(name = "focus", in = ParameterIn.QUERY, description = "ServiceRequest/<id> or the id: the Task of that ServiceRequest",
            schema = @Schema(type = SchemaType.STRING, maxLength = 300))
    @Parameter(name = "_count", in = ParameterIn.QUERY, description = "Tasks per page",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
    @Parameter(name = "_offset", in = ParameterIn.QUERY, description = "Tasks to skip; the next link carries it",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "100000", defaultValue = "0"))
    @APIResponse(responseCode = "200", description = "A searchset Bundle",
            content = @Content(mediaType = FhirFormat.MEDIA_TYPE, schema = @Schema(implementation = FhirSchemas.SearchBundle.class)))
    public Response searchTasks(@Context UriInfo uri) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        FhirTaskSearch search = FhirTaskQuery.parse(params);
        ReferralQueries.FhirTaskPage page = queries.fhirTasks(search);
        String base = base(uri);
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTimestamp(new Date());
        bundle.setTotal((int) Math.min(Integer.MAX_VALUE, page.total()));
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        if (search.offset() + search.count() < page.total()) {
            bundle.addLink().setRelation("next").setUrl(uri.getRequestUriBuilder()
                    .replaceQueryParam("_offset", search.offset() + search.count()).build().toString());
        }
        for (Resource task : page.tasks()) {
            bundle.addEntry().setFullUrl(base + "/Task/" + task.getIdPart()).setResource(task)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        for (Resource included : page.included()) {
            bundle.addEntry().setFullUrl(base + "/" + included.fhirType() + "/" + included.getIdPart()).setResource(included)
                    .getSearch().setMode(Bundle.SearchEntryMode.INCLUDE);
        }
        return ok(bundle);
    }

    @PUT
    @Path("/Task/{id}")
    @Consumes({FhirFormat.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.PROVIDER)
    @Audited(action = AuditAction.TRANSITION, object = "referral", id = "id")
    @Operation(operationId = "fhirUpdateTask", summary = "Update a Task: move the referral",
            description = "Send the Task back as read with a new status and what the move must carry (statusReason for a "
                    + "rejection or a failure, output for a completion; businessStatus as the move's note). The referral "
                    + "workflow's rules, consent state and audit apply as for the JSON API. A move the workflow does not allow "
                    + "is a 409, a move without what it must carry a 422; nothing is changed.")
    @RequestBody(required = true, content = {
            @Content(mediaType = FhirFormat.MEDIA_TYPE, schema = @Schema(implementation = FhirSchemas.Task.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FhirSchemas.Task.class))})
    @APIResponse(responseCode = "200", description = "The Task as moved",
            content = @Content(mediaType = FhirFormat.MEDIA_TYPE, schema = @Schema(implementation = FhirSchemas.Task.class)))
    @APIResponse(responseCode = "409", description = "The workflow does not allow this move from the current status",
            content = @Content(mediaType = FhirFormat.MEDIA_TYPE, schema = @Schema(implementation = FhirSchemas.OperationOutcome.class)))
    @APIResponse(responseCode = "422", description = "The move lacks what it must carry (e.g. a rejection reason), or the "
            + "consent no longer allows it", content = @Content(mediaType = FhirFormat.MEDIA_TYPE,
            schema = @Schema(implementation = FhirSchemas.OperationOutcome.class)))
    public Response updateTask(@PathParam("id") UUID id,
                               @Parameter(description = "W/\"<versionId>\" of the Task you read; without it, meta.versionId "
                                       + "of the body counts; without either the update is refused with 428, with an old one 412")
                               @HeaderParam("If-Match") String ifMatch,
                               String body) {
        Task sent = fhir.read(body, Task.class);
        if (sent.hasIdElement() && sent.getIdElement().hasIdPart() && !sent.getIdElement().getIdPart().equals(id.toString())) {
            throw new InvalidInputException(List.of(Violation.atPointer("/id", "must be " + id + ", the id in the URL")));
        }
        String expected = ifMatch != null ? weakless(ifMatch)
                : sent.getMeta().hasVersionId() ? "\"" + sent.getMeta().getVersionId() + "\"" : null;
        return versioned(workflow.fhirUpdate(id, ETags.ifMatch(expected), sent));
    }

    /** FHIR tags versions weakly ({@code W/"3"}); the version is the same. */
    private static String weakless(String ifMatch) {
        String tag = ifMatch.trim();
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private Response versioned(Versioned<Task> task) {
        return Response.ok(fhir.json(task.body()), FhirFormat.MEDIA_TYPE)
                .header("ETag", "W/\"" + task.version() + "\"")
                .lastModified(task.body().getMeta().getLastUpdated())
                .build();
    }

    private Response ok(Resource resource) {
        return Response.ok(fhir.json(resource), FhirFormat.MEDIA_TYPE).build();
    }

    private static String base(UriInfo uri) {
        return uri.getBaseUriBuilder().path("fhir").build().toString();
    }
}
