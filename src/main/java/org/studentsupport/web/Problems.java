package org.studentsupport.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.MDC;

import java.util.List;
import java.util.Map;

/** Builds {@code application/problem+json} responses; the one place that knows the wire form of an error. */
@ApplicationScoped
public class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public Response response(ProblemKind kind, String detail, String instance) {
        return response(kind, detail, instance, List.of(), Map.of());
    }

    public Response response(ProblemKind kind, String detail, String instance,
                             List<Problem.Violation> violations, Map<String, Object> extensions) {
        Response.ResponseBuilder builder = Response.status(kind.status())
                .type(MEDIA_TYPE)
                .entity(body(kind, detail, instance, violations, extensions));
        if (kind == ProblemKind.UNAUTHENTICATED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"student-support\"");
        }
        return builder.build();
    }

    /** The serialized problem document, for callers outside JAX-RS such as the HTTP fallback route. */
    public String body(ProblemKind kind, String detail, String instance,
                       List<Problem.Violation> violations, Map<String, Object> extensions) {
        Problem problem = new Problem(kind, detail, instance, currentRequestId(), violations, extensions);
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document could not be serialized", e);
        }
    }

    static String currentRequestId() {
        Object id = MDC.get(RequestIds.MDC_KEY);
        return id == null ? null : id.toString();
    }
}
