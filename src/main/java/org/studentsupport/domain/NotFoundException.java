package org.studentsupport.domain;

import java.util.List;
import java.util.Map;

/** No such object, or one the caller may not see: the two are told apart by no one outside. */
public class NotFoundException extends DomainException {

    public NotFoundException(String what) {
        super(what + " was not found", List.of(), Map.of());
    }
}
