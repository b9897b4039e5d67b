package org.studentsupport.domain;

import java.util.List;
import java.util.Map;

/** Input that is malformed in a way only the service can see (Bean Validation catches the rest). */
public class InvalidInputException extends DomainException {

    public InvalidInputException(List<Violation> violations) {
        super(violations.size() + " invalid field(s)", violations, Map.of());
    }
}
