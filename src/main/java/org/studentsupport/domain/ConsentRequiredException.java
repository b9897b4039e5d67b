package org.studentsupport.domain;

import java.util.List;
import java.util.Map;

/** Student data may not be disclosed: no consent covers it and no FERPA exception was recorded. */
public class ConsentRequiredException extends DomainException {

    public ConsentRequiredException(String detail, List<Violation> violations) {
        super(detail, violations, Map.of());
    }
}
