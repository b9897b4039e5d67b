package org.studentsupport.domain;

import java.util.List;
import java.util.Map;

/** The request collides with what exists: a duplicate key, an object in a state that forbids it. */
public class ConflictException extends DomainException {

    public ConflictException(String detail) {
        this(detail, Map.of());
    }

    public ConflictException(String detail, Map<String, Object> details) {
        super(detail, List.of(), details);
    }
}
