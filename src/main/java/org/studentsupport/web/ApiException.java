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

    public ApiException(ProblemKind kind, String detail) {
        this(kind, detail, List.of(), Map.of());
    }

    public ApiException(ProblemKind kind, String detail, List<Problem.Violation> violations,
                        Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.kind = kind;
        this.violations = List.copyOf(violations);
        this.extensions = Map.copyOf(extensions);
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
