package org.studentsupport.directory.hsds;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.studentsupport.directory.DirectorySettings;
import org.studentsupport.security.Roles;
import org.studentsupport.web.ApiException;
import org.studentsupport.web.ProblemKind;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;

/**
 * The directory as an Open Referral HSDS 3.0 API, under its own base path. Its contract is the
 * HSDS one (announced at {@code /hsds/}), so it is left out of this service's own contract.
 * Readable by any signed-in user with a role, or by anyone when the district makes it public
 * ({@code studentsupport.directory.hsds-public}); hence {@code @PermitAll} plus {@link #checkAccess()}.
 */
@Path("/hsds")
@Produces(MediaType.APPLICATION_JSON)
public class HsdsResource {

    public static final String NDJSON = "application/x-ndjson";
    static final int STREAM_BATCH = 500;

    private final HsdsApi api;
    private final DirectorySettings settings;
    private final SecurityIdentity identity;

    public HsdsResource(HsdsApi api, DirectorySettings settings, SecurityIdentity identity) {
        this.api = api;
        this.settings = settings;
        this.identity = identity;
    }

    @GET
    @Path("/")
    @PermitAll
    @Operation(hidden = true, operationId = "hsdsRoot", summary = "HSDS version, profile and contract")
    public ObjectNode root() {
        checkAccess();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("version", "3.0");
        json.put("profile", settings.hsdsProfile());
        json.put("openapi_url", settings.hsdsOpenapiUrl());
        return json;
    }

    @GET
    @Path("/services")
    @Produces({MediaType.APPLICATION_JSON, NDJSON})
    @PermitAll
    @Operation(hidden = true, operationId = "hsdsListServices", summary = "HSDS services")
    public Response services(@BeanParam @Valid HsdsQuery query) {
        checkAccess();
        return list(query, api::services);
    }

    @GET
    @Path("/services/{id}")
    @PermitAll
    @Operation(hidden = true, operationId = "hsdsGetService", summary = "HSDS full service")
    public ObjectNode service(@PathParam("id") UUID id) {
        checkAccess();
        return api.service(id);
    }

    @GET
    @Path("/organizations")
    @Produces({MediaType.APPLICATION_JSON, NDJSON})
    @PermitAll
    @Operation(hidden = true, operationId = "hsdsListOrganizations", summary = "HSDS organizations")
    public Response organizations(@BeanParam @Valid HsdsQuery query) {
        checkAccess();
        return list(query, api::organizations);
    }

    @GET
    @Path("/organizations/{id}")
    @PermitAll
    @Operation(hidden = true, operationId = "hsdsGetOrganization", summary = "HSDS full organization")
    public ObjectNode organization(@PathParam("id") UUID id) {
        checkAccess();
        return api.organization(id);
    }

    @GET
    @Path("/taxonomies")
    @Produces({MediaType.APPLICATION_JSON, NDJSON})
    @PermitAll
    @Operation(hidden = true, operationId = "hsdsListTaxonomies", summary = "HSDS taxonomies")
    public Response taxonomies(@BeanParam @Valid HsdsQuery query) {
        checkAccess();
        return list(query, api::taxonomies);
    }

    @GET
    @Path("/taxonomies/{id}")
    @PermitAll
    @Operation(hidden = true, operationId = "hsdsGetTaxonomy", summary = "HSDS taxonomy")
    public ObjectNode taxonomy(@PathParam("id") UUID id) {
        checkAccess();
        return api.taxonomy(id);
    }

    @GET
    @Path("/taxonomy_terms")
    @Produces({MediaType.APPLICATION_JSON, NDJSON})
    @PermitAll
    @Operation(hidden = true, operationId = "hsdsListTaxonomyTerms", summary = "HSDS taxonomy terms")
    public Response taxonomyTerms(@BeanParam @Valid HsdsQuery query) {
        checkAccess();
        return list(query, api::taxonomyTerms);
    }

    @GET
    @Path("/taxonomy_terms/{id}")
    @PermitAll
    @Operation(hidden = true, operationId = "hsdsGetTaxonomyTerm", summary = "HSDS taxonomy term")
    public ObjectNode taxonomyTerm(@PathParam("id") UUID id) {
        checkAccess();
        return api.taxonomyTerm(id);
    }

    @GET
    @Path("/service_at_locations")
    @Produces({MediaType.APPLICATION_JSON, NDJSON})
    @PermitAll
    @Operation(hidden = true, operationId = "hsdsListServiceAtLocations", summary = "HSDS services at locations")
    public Response serviceAtLocations(@BeanParam @Valid HsdsQuery query) {
        checkAccess();
        return list(query, api::serviceAtLocations);
    }

    @GET
    @Path("/service_at_locations/{id}")
    @PermitAll
    @Operation(hidden = true, operationId = "hsdsGetServiceAtLocation", summary = "HSDS full service at location")
    public ObjectNode serviceAtLocation(@PathParam("id") UUID id) {
        checkAccess();
        return api.serviceAtLocation(id);
    }

    /**
     * A page as JSON, or with {@code format=ndjson} every matching record, one JSON document a line,
     * unpaged: read {@link #STREAM_BATCH} at a time (each batch its own transaction) and written as it comes.
     */
    private Response list(HsdsQuery query, Function<HsdsListQuery, HsdsPage<ObjectNode>> lister) {
        HsdsListQuery asked = query.toListQuery();
        if (!query.ndjson()) {
            return Response.ok(lister.apply(asked), MediaType.APPLICATION_JSON).build();
        }
        HsdsPage<ObjectNode> first = lister.apply(asked.atPage(1, STREAM_BATCH));
        StreamingOutput stream = out -> {
            HsdsPage<ObjectNode> batch = first;
            for (int page = 1; ; page++) {
                if (page > 1) {
                    batch = lister.apply(asked.atPage(page, STREAM_BATCH));
                }
                for (ObjectNode record : batch.contents()) {
                    out.write(HsdsJson.text(record).getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
                out.flush();
                if (batch.contents().size() < STREAM_BATCH) {
                    return;
                }
            }
        };
        return Response.ok(stream, NDJSON).build();
    }

    private void checkAccess() {
        if (settings.hsdsPublic()) {
            return;
        }
        if (identity.isAnonymous()) {
            throw new ApiException(ProblemKind.UNAUTHENTICATED, "Sign in to read the directory");
        }
        if (!(identity.hasRole(Roles.COORDINATOR) || identity.hasRole(Roles.SUPERVISOR)
                || identity.hasRole(Roles.PROVIDER) || identity.hasRole(Roles.ADMIN))) {
            throw new ApiException(ProblemKind.FORBIDDEN, "Your role does not allow reading the directory");
        }
    }
}
