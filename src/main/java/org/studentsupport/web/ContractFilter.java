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
 * schema), the rate-limit headers, and the {@code ETag} header of single-resource responses.
 */
public class ContractFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

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

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        boolean conditional = hasHeader(operation, "If-Match");
        if (conditional) {
            describeIfMatch(operation);
        }

        if (hasBody || hasParameters) {
            add(responses, ProblemKind.MALFORMED_REQUEST);
        }
        if (secured) {
            add(responses, ProblemKind.UNAUTHENTICATED);
            add(responses, ProblemKind.FORBIDDEN);
        }
        if (path.contains("{")) {
            add(responses, ProblemKind.NOT_FOUND);
        }
        if (conditional) {
            add(responses, ProblemKind.PRECONDITION_FAILED);
            add(responses, ProblemKind.PRECONDITION_REQUIRED);
        }
        if (hasBody) {
            add(responses, ProblemKind.UNSUPPORTED_MEDIA_TYPE);
        }
        add(responses, ProblemKind.TOO_MANY_REQUESTS);
        add(responses, ProblemKind.INTERNAL);
        // Anything may meet a database or report database that is not answering, or a busy instance.
        add(responses, ProblemKind.UNAVAILABLE);

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

    private static boolean hasHeader(Operation operation, String name) {
        List<Parameter> parameters = operation.getParameters();
        return parameters != null && parameters.stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static void describeIfMatch(Operation operation) {
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName())) {
                parameter.description("The ETag of the version you read. Without it the update is refused with 428;"
                        + " with an old one, 412.");
                parameter.schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(128));
            }
        }
    }

    private static void add(APIResponses responses, ProblemKind kind) {
        String code = Integer.toString(kind.status());
        APIResponse existing = responses.getAPIResponse(code);
        // The framework adds bare 400/401/403 entries; an error without the Problem body is replaced.
        if (existing == null || existing.getRef() == null && existing.getContent() == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().ref("#/components/responses/" + responseName(kind)));
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
        APIResponse response = OASFactory.createAPIResponse()
                .description(kind.title() + " (" + kind.type() + ")")
                .content(OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
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
