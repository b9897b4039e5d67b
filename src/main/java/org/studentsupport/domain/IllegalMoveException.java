package org.studentsupport.domain;

import java.util.List;
import java.util.Map;

/** A workflow refused a move from the current state; the details name the moves that are allowed. */
public class IllegalMoveException extends DomainException {

    public IllegalMoveException(String detail, Map<String, Object> details) {
        super(detail, List.of(), details);
    }
}
