package org.studentsupport.review;

import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.EnumMap;
import java.util.Map;

/**
 * The four domains of a review entry. In a draft save a domain left out records nothing for it; in
 * an amendment a domain left out keeps what the student's current entry records for it.
 */
@Schema(name = "ReviewDomainsInput")
public record DomainsInput(
        @Valid DomainInput academic,
        @Valid DomainInput socialEmotional,
        @Valid DomainInput health,
        @Valid DomainInput family) {

    /** The JSON member name of a domain, for error pointers. */
    public static String member(ReviewDomain domain) {
        return switch (domain) {
            case ACADEMIC -> "academic";
            case SOCIAL_EMOTIONAL -> "socialEmotional";
            case HEALTH -> "health";
            case FAMILY -> "family";
        };
    }

    public Map<ReviewDomain, DomainInput> filled() {
        Map<ReviewDomain, DomainInput> map = new EnumMap<>(ReviewDomain.class);
        if (academic != null) map.put(ReviewDomain.ACADEMIC, academic);
        if (socialEmotional != null) map.put(ReviewDomain.SOCIAL_EMOTIONAL, socialEmotional);
        if (health != null) map.put(ReviewDomain.HEALTH, health);
        if (family != null) map.put(ReviewDomain.FAMILY, family);
        return map;
    }
}
