package org.studentsupport.web;

import java.util.List;
import java.util.Map;

/**
 * A refusal that only the HTTP edge makes (a missing or stale If-Match, an upload over its limit),
 * reported as a problem document of a known kind. Features throw the domain exceptions instead.
 */
public class ApiException extends RuntimeException {

    private final ProblemKind kind;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> extensions;
    private final Integer retryAfterSeconds;

    public ApiException(ProblemKind kind, String detail) {
        this(kind, detail, List.of(), Map.of());
    }

    public ApiException(ProblemKind kind, String detail, List<Problem.Violation> violations,
                        Map<String, Object> extensions) {
        this(kind, detail, violations, extensions, null);
    }

    private ApiException(ProblemKind kind, String detail, List<Problem.Violation> violations,
                         Map<String, Object> extensions, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.kind = kind;
        this.violations = List.copyOf(violations);
        this.extensions = Map.copyOf(extensions);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 503: this instance cannot take the request now; the client may retry after the given time. */
    public static ApiException unavailable(String detail, int retryAfterSeconds) {
        return new ApiException(ProblemKind.UNAVAILABLE, detail, List.of(), Map.of(), retryAfterSeconds);
    }

    /** Seconds for the {@code Retry-After} header, when the refusal is temporary. */
    public java.util.Optional<Integer> retryAfterSeconds() {
        return java.util.Optional.ofNullable(retryAfterSeconds);
    }

    public ProblemKind kind() {
        return kind;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ApiException unprocessable(String detail, List<Problem.Violation> violations) {
        return new ApiException(ProblemKind.UNPROCESSABLE, detail, violations, Map.of());
    }
}
