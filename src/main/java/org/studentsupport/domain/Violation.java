package org.studentsupport.domain;

/**
 * One input a rule refused: {@code pointer} is a JSON pointer into the request body, or
 * {@code parameter} names a query, path or header parameter.
 */
public record Violation(String pointer, String parameter, String message) {

    public static Violation atPointer(String pointer, String message) {
        return new Violation(pointer, null, message);
    }

    public static Violation atParameter(String parameter, String message) {
        return new Violation(null, parameter, message);
    }
}
