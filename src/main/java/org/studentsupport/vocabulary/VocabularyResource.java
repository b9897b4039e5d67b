package org.studentsupport.vocabulary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.domain.Page;
import org.studentsupport.security.Roles;
import org.studentsupport.web.ETags;
import org.studentsupport.web.PageParams;

import java.util.UUID;

@Path("/api/v1/vocabulary-codes")
@Tag(name = "Vocabulary")
@Produces(MediaType.APPLICATION_JSON)
public class VocabularyResource {

    private final VocabularyService service;

    public VocabularyResource(VocabularyService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listVocabularyCodes", summary = "List the needs and strengths codes",
            description = "The shared default plus the caller's district's own codes, ordered by kind, domain, code. "
                    + "Reviews, plans and referrals use these codes; retired codes are listed with active=false.")
    public Page<CodeView> list(@QueryParam("kind") @Pattern(regexp = "need|strength")
                               @Parameter(description = "Only needs or only strengths", schema = @Schema(enumeration = {"need", "strength"}, maxLength = 10))
                               String kind,
                               @QueryParam("domain") @Pattern(regexp = Vocabulary.DOMAIN_PATTERN)
                               @Parameter(description = "Only this domain's codes",
                                       schema = @Schema(enumeration = {"academic", "social-emotional", "health", "family"}, maxLength = 30))
                               String domain,
                               @QueryParam("lang") @Pattern(regexp = "[a-z]{2}")
                               @Parameter(description = "Language of `label` (falls back to English)", schema = @Schema(pattern = "^[a-z]{2}$", maxLength = 2))
                               String lang,
                               @BeanParam @Valid PageParams page) {
        return service.list(kind, domain, lang, page.toRequest());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createVocabularyCode", summary = "Add a need or strength code to the caller's district",
            description = "409 when the district (or the shared default) already has the code, in any domain or kind.")
    @APIResponse(responseCode = "201", description = "The new code",
            headers = @Header(name = "Location", description = "Where it can be read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodeView.class)))
    public RestResponse<CodeView> create(@NotNull @Valid CreateCodeRequest request, @Context UriInfo uri) {
        VocabularyCode code = service.create(request);
        return RestResponse.ResponseBuilder.<CodeView>created(
                        uri.getBaseUriBuilder().path("api/v1/vocabulary-codes").path(code.id.toString()).build())
                .entity(CodeView.from(code, null)).tag(ETags.of(code.version)).build();
    }

    @GET
    @Path("/{codeId}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getVocabularyCode", summary = "Get one needs or strengths code")
    public RestResponse<CodeView> get(@PathParam("codeId") UUID codeId,
                                      @QueryParam("lang") @Pattern(regexp = "[a-z]{2}")
                                      @Parameter(description = "Language of `label`", schema = @Schema(pattern = "^[a-z]{2}$", maxLength = 2))
                                      String lang) {
        VocabularyCode code = service.get(codeId);
        return RestResponse.ResponseBuilder.ok(CodeView.from(code, lang)).tag(ETags.of(code.version)).build();
    }

    @PUT
    @Path("/{codeId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateVocabularyCode", summary = "Relabel or retire a code of the caller's district",
            description = "Codes are never deleted nor renamed: records refer to them. The shared default is not a district's to change (409). Requires If-Match.")
    public RestResponse<CodeView> update(@PathParam("codeId") UUID codeId, @HeaderParam("If-Match") String ifMatch,
                                         @NotNull @Valid UpdateCodeRequest request) {
        VocabularyCode code = service.update(codeId, ETags.ifMatch(ifMatch), request);
        return RestResponse.ResponseBuilder.ok(CodeView.from(code, null)).tag(ETags.of(code.version)).build();
    }
}
