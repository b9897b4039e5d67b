package org.studentsupport.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** The two vocabularies: what a student needs, and what a student brings. */
public enum CodeKind {
    NEED("need"),
    STRENGTH("strength");

    private final String code;

    CodeKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<CodeKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
