package org.studentsupport.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem details document: the body of every error response. */
@Schema(name = "Problem", description = "RFC 9457 problem details; the body of every error response")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors"})
public final class Problem {

    @Schema(description = "Stable URI naming the kind of problem", maxLength = 200,
            examples = "urn:student-support:problem:validation")
    private final String type;
    @Schema(description = "Short summary of the kind of problem", maxLength = 200)
    private final String title;
    @Schema(description = "HTTP status code", minimum = "400", maximum = "599", format = "int32")
    private final int status;
    @Schema(description = "What went wrong in this occurrence", maxLength = 2000)
    private final String detail;
    @Schema(description = "The request path of this occurrence", maxLength = 2000)
    private final String instance;
    @Schema(description = "Correlation id of the request, also in the server log and the X-Request-Id header",
            maxLength = 64)
    private final String requestId;
    @Schema(description = "One entry per invalid field or parameter", maxItems = 1000)
    private final List<Violation> errors;
    @Schema(hidden = true)
    private final Map<String, Object> extensions;

    public Problem(ProblemKind kind, String detail, String instance, String requestId,
                   List<Violation> errors, Map<String, Object> extensions) {
        this.type = kind.type();
        this.title = kind.title();
        this.status = kind.status();
        this.detail = detail;
        this.instance = instance;
        this.requestId = requestId;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    public String getRequestId() {
        return requestId;
    }

    public List<Violation> getErrors() {
        return errors;
    }

    /** Problem-specific members, such as the allowed next statuses of a workflow conflict. */
    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    /**
     * One invalid input: {@code pointer} is a JSON pointer into the request body, or
     * {@code parameter} names a query, path or header parameter.
     */
    @Schema(name = "Violation", description = "One invalid field (JSON pointer into the body) or parameter")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(
            @Schema(description = "JSON pointer to the invalid body member", maxLength = 500, examples = "/name")
            String pointer,
            @Schema(description = "Name of the invalid query, path or header parameter", maxLength = 100)
            String parameter,
            @Schema(description = "What is wrong with it", maxLength = 1000)
            String message) {

        public static Violation atPointer(String pointer, String message) {
            return new Violation(pointer, null, message);
        }

        public static Violation atParameter(String parameter, String message) {
            return new Violation(null, parameter, message);
        }
    }
}
