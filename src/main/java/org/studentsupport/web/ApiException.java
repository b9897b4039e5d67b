package org.studentsupport.web;

import java.util.List;
import java.util.Map;

/**
 * A failure that the API reports as a problem document of a known kind. Features throw the typed
 * subclasses (or this class with a kind) and never build responses for errors themselves.
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

    public static ApiException notFound(String what) {
        return new ApiException(ProblemKind.NOT_FOUND, what + " was not found");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemKind.CONFLICT, detail);
    }

    public static ApiException invalid(List<Problem.Violation> violations) {
        return new ApiException(ProblemKind.VALIDATION, violations.size() + " invalid field(s)", violations, Map.of());
    }

    public static ApiException unprocessable(String detail, List<Problem.Violation> violations) {
        return new ApiException(ProblemKind.UNPROCESSABLE, detail, violations, Map.of());
    }
}
