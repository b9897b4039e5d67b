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
 * <p>Not in {@code openapi/openapi.yaml}: a FHIR server describes itself by its CapabilityStatement
 * ({@code GET /fhir/metadata}), its resources are the FHIR specification's, and its errors are
 * OperationOutcomes rather than this service's problem documents.
 */
@Path("/fhir")
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
    @Operation(hidden = true, operationId = "fhirCapabilities", summary = "The FHIR CapabilityStatement")
    public Response metadata(@Context UriInfo uri) {
        return ok(FhirCapabilities.statement(base(uri)));
    }

    @GET
    @Path("/Task/{id}")
    @RolesAllowed(Roles.PROVIDER)
    @Audited(action = AuditAction.READ, object = "referral", id = "id")
    @Operation(hidden = true, operationId = "fhirReadTask", summary = "One Task")
    public Response readTask(@PathParam("id") UUID id) {
        Versioned<Task> task = queries.fhirTask(id);
        return versioned(task);
    }

    @GET
    @Path("/Task")
    @RolesAllowed(Roles.PROVIDER)
    @Audited(action = AuditAction.READ, object = "referral")
    @Operation(hidden = true, operationId = "fhirSearchTasks", summary = "Search Tasks")
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
    @Operation(hidden = true, operationId = "fhirUpdateTask", summary = "Update a Task: move the referral")
    public Response updateTask(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, String body) {
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
