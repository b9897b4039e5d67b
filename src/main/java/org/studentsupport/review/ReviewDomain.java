package org.studentsupport.review;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** The four domains in which a review records strengths and needs. */
public enum ReviewDomain {
    ACADEMIC("academic"),
    SOCIAL_EMOTIONAL("social-emotional"),
    HEALTH("health"),
    FAMILY("family");

    private final String code;

    ReviewDomain(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<ReviewDomain> of(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
