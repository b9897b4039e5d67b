package org.studentsupport.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.servers.Server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes the generated contract with what every operation shares, so that no resource has to
 * repeat it: the problem responses each operation can give (all with the one {@code Problem}
 * schema), the rate-limit headers, and the {@code ETag} header of single-resource responses. Under
 * {@code /fhir} the errors are FHIR {@code OperationOutcome}s instead (the service rewrites its problem
 * documents there), but for the 429 of the rate limiter, which answers before any endpoint and so with
 * a problem document everywhere.
 */
public class ContractFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String OUTCOME_REF = "#/components/schemas/OperationOutcome";
    static final String FHIR_MEDIA_TYPE = "application/fhir+json";
    static final String FHIR_PREFIX = "/fhir/";

    static final String CORS_ORIGIN = "Access-Control-Allow-Origin";

    /** Identifiers and dates have a fixed textual length; say so, so that every string is bounded. */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null) {
            if ("uuid".equals(schema.getFormat())) {
                schema.setMaxLength(36);
            } else if ("date".equals(schema.getFormat())) {
                schema.setMaxLength(10);
            } else if ("date-time".equals(schema.getFormat())) {
                schema.setMaxLength(35);
            }
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getServers() != null) {
            for (Server server : openAPI.getServers()) {
                if (server.getExtensions() == null || !server.getExtensions().containsKey("x-internal")) {
                    server.addExtension("x-internal", Boolean.FALSE);
                }
            }
        }
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        for (Map.Entry<String, Header> header : rateLimitHeaders().entrySet()) {
            components.addHeader(header.getKey(), header.getValue());
        }
        components.addHeader(CORS_ORIGIN, OASFactory.createHeader()
                .description("Origin allowed to read the response, for browser clients of configured origins")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(2048)));
        components.addHeader("ETag", OASFactory.createHeader()
                .description("Entity tag of the returned resource; send it back in If-Match to update it")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(64)));
        for (ProblemKind kind : ProblemKind.values()) {
            if (kind == ProblemKind.VALIDATION) {
                continue;
            }
            components.addResponse(responseName(kind), problemResponse(kind));
            if (kind != ProblemKind.TOO_MANY_REQUESTS) {
                components.addResponse(FHIR + responseName(kind), outcomeResponse(kind));
            }
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                complete(path.getKey(), entry.getKey(), entry.getValue());
            }
        }
    }

    private static final String FHIR = "Fhir";

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        boolean fhir = path.startsWith(FHIR_PREFIX);
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                && operation.getSecurity().stream().allMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty())) {
            // Declared public (an empty requirement set): say so as OpenAPI does, with no requirement at all.
            operation.setSecurity(new java.util.ArrayList<>());
        }
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        boolean conditional = hasHeader(operation, "If-Match");
        if (conditional) {
            describeIfMatch(operation);
        }

        if (hasBody || hasParameters) {
            add(responses, fhir, ProblemKind.MALFORMED_REQUEST);
        }
        if (secured) {
            add(responses, fhir, ProblemKind.UNAUTHENTICATED);
            add(responses, fhir, ProblemKind.FORBIDDEN);
        }
        if (path.contains("{") || namesAResource(operation)) {
            // a resource named by the path, or by a query parameter (studentId=, schoolId=, …), that is
            // not there or not yours
            add(responses, fhir, ProblemKind.NOT_FOUND);
        }
        if (conditional) {
            add(responses, fhir, ProblemKind.PRECONDITION_FAILED);
            add(responses, fhir, ProblemKind.PRECONDITION_REQUIRED);
        }
        if (hasBody) {
            add(responses, fhir, ProblemKind.UNSUPPORTED_MEDIA_TYPE);
            // every body has a limit, and a time to arrive in (RequestLimits)
            add(responses, fhir, ProblemKind.PAYLOAD_TOO_LARGE);
            add(responses, fhir, ProblemKind.REQUEST_TIMEOUT);
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            // A write is checked against the state it meets (409) and the domain's rules (422), as a whole.
            add(responses, fhir, ProblemKind.CONFLICT);
            add(responses, fhir, ProblemKind.UNPROCESSABLE);
        }
        if (fhir && !secured) {
            // The public CapabilityStatement: an unreadable request is a 400 there too.
            add(responses, true, ProblemKind.MALFORMED_REQUEST);
        }
        add(responses, fhir, ProblemKind.TOO_MANY_REQUESTS);
        add(responses, fhir, ProblemKind.INTERNAL);
        // Anything may meet a database or report database that is not answering, or a busy instance.
        add(responses, fhir, ProblemKind.UNAVAILABLE);

        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            APIResponse value = response.getValue();
            if (value.getRef() != null) {
                continue;
            }
            String code = response.getKey();
            if (code.startsWith("2") || code.startsWith("4")) {
                sharedHeaders().forEach(name -> value.addHeader(name,
                        OASFactory.createHeader().ref("#/components/headers/" + name)));
            }
            if (code.startsWith("2") && method == PathItem.HttpMethod.GET && path.contains("{")
                    || code.equals("201") || (code.equals("200") && conditional)) {
                value.addHeader("ETag", OASFactory.createHeader().ref("#/components/headers/ETag"));
            }
        }
    }

    private static boolean namesAResource(Operation operation) {
        List<Parameter> parameters = operation.getParameters();
        return parameters != null && parameters.stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY && p.getName() != null && p.getName().endsWith("Id"));
    }

    private static boolean hasHeader(Operation operation, String name) {
        List<Parameter> parameters = operation.getParameters();
        return parameters != null && parameters.stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static void describeIfMatch(Operation operation) {
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName())) {
                parameter.description(parameter.getDescription() != null ? parameter.getDescription() :"The ETag of the version you read. Without it the update is refused with 428;"
                        + " with an old one, 412.");
                parameter.schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(128));
            }
        }
    }

    private static void add(APIResponses responses, boolean fhir, ProblemKind kind) {
        String code = Integer.toString(kind.status());
        APIResponse existing = responses.getAPIResponse(code);
        // The framework adds bare 400/401/403 entries; an error without the Problem body is replaced.
        if (existing == null || existing.getRef() == null && existing.getContent() == null) {
            String name = (fhir && kind != ProblemKind.TOO_MANY_REQUESTS ? FHIR : "") + responseName(kind);
            responses.addAPIResponse(code, OASFactory.createAPIResponse().ref("#/components/responses/" + name));
        }
    }

    private static String responseName(ProblemKind kind) {
        StringBuilder name = new StringBuilder();
        for (String word : kind.name().toLowerCase().split("_")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    private static APIResponse problemResponse(ProblemKind kind) {
        return errorResponse(kind, kind.title() + " (" + kind.type() + ")", Problems.MEDIA_TYPE, PROBLEM_REF);
    }

    /** The same error under {@code /fhir}: an OperationOutcome with the HTTP status of the problem. */
    private static APIResponse outcomeResponse(ProblemKind kind) {
        return errorResponse(kind, kind.title() + " (an OperationOutcome)", FHIR_MEDIA_TYPE, OUTCOME_REF);
    }

    private static APIResponse errorResponse(ProblemKind kind, String description, String mediaType, String schemaRef) {
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(mediaType,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schemaRef))));
        if (kind.status() >= 400 && kind.status() < 500) {
            sharedHeaders().forEach(name -> response.addHeader(name,
                    OASFactory.createHeader().ref("#/components/headers/" + name)));
        }
        if (kind == ProblemKind.TOO_MANY_REQUESTS) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                    .schema(integer(1, 60)));
        }
        if (kind == ProblemKind.UNAVAILABLE) {
            // Refused after the rate limiter and the CORS filter ran: it carries their headers.
            sharedHeaders().forEach(name -> response.addHeader(name,
                    OASFactory.createHeader().ref("#/components/headers/" + name)));
            response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                    .schema(integer(1, 300)));
        }
        return response;
    }

    /** The headers every 2xx and 4xx response carries. */
    private static List<String> sharedHeaders() {
        List<String> names = new java.util.ArrayList<>(rateLimitHeaders().keySet());
        names.add(CORS_ORIGIN);
        return names;
    }

    private static Map<String, Header> rateLimitHeaders() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(RateLimits.LIMIT, OASFactory.createHeader().description("Requests allowed per minute for this client")
                .schema(integer(0, 1_000_000)));
        headers.put(RateLimits.REMAINING, OASFactory.createHeader().description("Requests left in the current minute")
                .schema(integer(0, 1_000_000)));
        headers.put(RateLimits.RESET, OASFactory.createHeader().description("Seconds until the window resets")
                .schema(integer(0, 60)));
        return headers;
    }

    private static Schema integer(long min, long max) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                .minimum(java.math.BigDecimal.valueOf(min)).maximum(java.math.BigDecimal.valueOf(max));
    }
}
