package org.studentsupport.referral;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.disclosure.DisclosureView;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.Versioned;
import org.studentsupport.security.Roles;
import org.studentsupport.web.ETags;
import org.studentsupport.web.FhirFormat;
import org.studentsupport.web.PageParams;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/referrals")
@Tag(name = "Referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    private final FhirFormat fhir;

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String IDEMPOTENCY_KEY = "^[A-Za-z0-9._:-]{1,100}$";

    private final ReferralQueries queries;
    private final ReferralDrafts drafts;
    private final ReferralWorkflow workflow;

    public ReferralResource(ReferralQueries queries, ReferralDrafts drafts, ReferralWorkflow workflow, FhirFormat fhir) {
        this.fhir = fhir;
        this.queries = queries;
        this.drafts = drafts;
        this.workflow = workflow;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "referral", student = "studentId")
    @Operation(operationId = "listReferrals", summary = "Follow through: the referrals of your schools",
            description = "Every referral of your schools, in every status unless `status` names some (repeat it for several), "
                    + "overdue ones first, then by follow-up due date. With `studentId`, that student's referrals; a student "
                    + "outside your schools is 404. Each row says whether the family withdrew the consent it relies on "
                    + "(consentRevoked).")
    public Page<ReferralListItem> list(
            @QueryParam("status") @Size(max = 10) @Parameter(description = "Only referrals in these statuses (repeatable)",
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = 10, implementation = StatusCode.class))
            List<@Pattern(regexp = ReferralStatus.CODE_PATTERN) @Size(max = 20) String> status,
            @QueryParam("studentId") @Parameter(description = "Only this student's referrals") UUID studentId,
            @BeanParam @Valid PageParams page) {
        return queries.list(statuses(status), studentId, page.toRequest());
    }

    /** A status code as a query parameter names it (the contract's schema; the values are ReferralStatus's). */
    @Schema(name = "ReferralStatusCode", type = SchemaType.STRING, maxLength = 20, enumeration = {"draft", "requested", "accepted",
            "rejected", "in-progress", "on-hold", "completed", "failed", "cancelled", "entered-in-error"})
    static final class StatusCode {

        private StatusCode() {
        }
    }

    /** The statuses named by a validated {@code status} query parameter (none: every status). */
    static List<ReferralStatus> statuses(List<String> codes) {
        return codes == null ? List.of() : codes.stream().distinct().map(ReferralStatus::fromCode).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR})
    @Audited(action = AuditAction.READ, object = "referral", id = "id")
    @Operation(operationId = "getReferral", summary = "Get a referral with its history")
    public RestResponse<ReferralView> get(@PathParam("id") UUID id) {
        Versioned<ReferralView> found = queries.get(id);
        return RestResponse.ResponseBuilder.ok(found.body()).tag(ETags.of(found.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.UPDATE, object = "referral", id = "id")
    @Operation(operationId = "updateReferralDraft", summary = "Change a draft (JSON merge patch)",
            description = "RFC 7396: members present replace the draft's, null clears an optional member, absent members stay. "
                    + "The merged draft is validated as a whole (errors by JSON pointer). Only drafts; requires If-Match.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = CreateReferralRequest.class)))
    public RestResponse<ReferralView> patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        Versioned<ReferralView> updated = drafts.patchDraft(id, ETags.ifMatch(ifMatch), patch);
        return RestResponse.ResponseBuilder.ok(updated.body()).tag(ETags.of(updated.version())).build();
    }

    @POST
    @Path("/{id}/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.DISCLOSE, object = "referral", id = "id")
    @Operation(operationId = "sendReferral", summary = "Send a draft to the provider (draft → requested)",
            description = "Send application/json: {} or {\"note\": ...} (an empty JSON body also works). Discloses student data. Needs a consent signed, in force, not revoked, naming the provider (or a class "
                    + "including it), the purpose and every shared data category — or the health-or-safety emergency exception; "
                    + "otherwise 422 naming each gap. Writes the disclosure record in the same transaction. Requires If-Match.")
    public RestResponse<ReferralView> send(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                           @Valid SendReferralRequest request) {
        Versioned<ReferralView> sent = workflow.send(id, ETags.ifMatch(ifMatch), request == null ? null : request.note());
        return RestResponse.ResponseBuilder.ok(sent.body()).tag(ETags.of(sent.version())).build();
    }

    @POST
    @Path("/{id}/disclosures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.DISCLOSE, object = "referral", id = "id")
    @Operation(operationId = "shareReferralUpdate", summary = "Share an update of the student's data with the provider",
            description = "The provider sees the data as it was disclosed, never the live record. This discloses the shared "
                    + "categories again as they are now: through the same consent gate as sending (422 consent-required naming "
                    + "each gap when the consent was revoked, expired or does not cover it; nothing is disclosed or written), "
                    + "and writes a new entry of the record of disclosures with its own snapshot. Only sent, open referrals "
                    + "(409 for drafts and closed ones). Send {} or {\"note\": ...}. Requires If-Match.")
    @APIResponse(responseCode = "201", description = "The new entry of the record of disclosures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosureView.class)))
    public RestResponse<DisclosureView> shareUpdate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                    @Valid ShareUpdateRequest request, @Context UriInfo uri) {
        Versioned<DisclosureView> shared = workflow.shareUpdate(id, ETags.ifMatch(ifMatch), request == null ? null : request.note());
        URI location = uri.getBaseUriBuilder().path("api/v1/students").path(shared.body().studentId().toString())
                .path("disclosures").build();
        return RestResponse.ResponseBuilder.<DisclosureView>created(location).entity(shared.body())
                .tag(ETags.of(shared.version())).build();
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.PROVIDER})
    @Audited(action = AuditAction.TRANSITION, object = "referral", id = "id")
    @Operation(operationId = "transitionReferral", summary = "Move a referral to another status",
            description = "Coordinators move for the school, providers for their organization, each only the moves the workflow "
                    + "gives them; otherwise 409 naming the current status and the allowed ones. Requires If-Match (412 when "
                    + "someone moved it first). Returns the referral as the caller sees it (Referral or ProviderReferral).")
    @APIResponse(responseCode = "200", description = "The moved referral",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {ReferralView.class, ProviderReferralView.class})))
    public RestResponse<Object> transition(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                           @NotNull @Valid TransitionRequest request) {
        Versioned<Object> moved = workflow.transition(id, ETags.ifMatch(ifMatch), request);
        return RestResponse.ResponseBuilder.ok(moved.body()).tag(ETags.of(moved.version())).build();
    }

    @POST
    @Path("/{id}/reroute")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.CREATE, object = "referral", id = "id")
    @Operation(operationId = "rerouteReferral", summary = "Re-route a rejected referral to another service",
            description = "Creates a new draft to the other service, copying the rejected referral's content, linked both ways "
                    + "(reroutedFromId / reroutedToId). Send it as any draft. Requires If-Match of the rejected referral.")
    @APIResponse(responseCode = "201", description = "The new draft to the other service",
            headers = @Header(name = "Location", description = "Where it can be read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralView.class)))
    public RestResponse<ReferralView> reroute(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                              @NotNull @Valid RerouteRequest request, @Context UriInfo uri) {
        Versioned<ReferralView> created = workflow.reroute(id, ETags.ifMatch(ifMatch), request);
        URI location = uri.getBaseUriBuilder().path("api/v1/referrals").path(created.body().id().toString()).build();
        return RestResponse.ResponseBuilder.<ReferralView>created(location).entity(created.body())
                .tag(ETags.of(created.version())).build();
    }

    @GET
    @Path("/{id}/fhir")
    @Produces({FhirFormat.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.PROVIDER})
    @Audited(action = AuditAction.READ, object = "referral", id = "id")
    @Operation(operationId = "getReferralAsFhir", summary = "A referral as FHIR R4 resources",
            description = "A collection Bundle shaped after the SDOH Clinical Care guide: the Task (once sent; Task.status is "
                    + "the referral's status), its ServiceRequest, the Patient with only what was disclosed to the provider and "
                    + "known by the provider's pseudonym, the provider's and the school's Organization, and the Consent. The "
                    + "same shapes as /fhir. Providers see only what their queue shows.")
    @APIResponse(responseCode = "200", description = "The referral as a FHIR Bundle",
            content = @Content(mediaType = FhirFormat.MEDIA_TYPE, schema = @Schema(implementation = FhirBundleSchema.class)))
    public RestResponse<String> fhir(@PathParam("id") UUID id, @Context UriInfo uri) {
        String base = uri.getBaseUriBuilder().path("fhir").build().toString();
        return RestResponse.ResponseBuilder.ok(fhir.json(queries.fhir(id, base)), FhirFormat.MEDIA_TYPE).build();
    }
}
