package org.studentsupport.domain;

import java.util.List;
import java.util.Map;

/**
 * A business rule refused what was asked. Features throw the typed subclasses; the web layer maps
 * each to one problem type at the edge, so no domain class knows about HTTP.
 */
public abstract class DomainException extends RuntimeException {

    private final List<Violation> violations;
    private final Map<String, Object> details;

    protected DomainException(String message, List<Violation> violations, Map<String, Object> details) {
        super(message, null, false, false);
        this.violations = List.copyOf(violations);
        this.details = Map.copyOf(details);
    }

    /** The inputs the refusal is about, when it can name them. */
    public List<Violation> violations() {
        return violations;
    }

    /** Facts a client can act on, such as the statuses a referral may move to instead. */
    public Map<String, Object> details() {
        return details;
    }
}
