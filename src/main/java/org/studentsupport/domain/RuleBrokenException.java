package org.studentsupport.domain;

import java.util.List;
import java.util.Map;

/** Well-formed input that breaks a business rule (an unknown code, a date before its start). */
public class RuleBrokenException extends DomainException {

    public RuleBrokenException(String detail, List<Violation> violations) {
        super(detail, violations, Map.of());
    }

    public RuleBrokenException(List<Violation> violations) {
        this(violations.size() + " field(s) break a rule", violations);
    }
}
