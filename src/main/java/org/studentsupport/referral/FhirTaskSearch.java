package org.studentsupport.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A search of the provider's Tasks: each criterion optional (null or empty) and all of them together.
 *
 * @param statuses     any of these statuses
 * @param focus        the ServiceRequest (the referral) the Task is for
 * @param owner        the owning organization (a provider sees only its own anyway)
 * @param updatedFrom  last updated at or after (inclusive) / strictly after, as {@code fromInclusive} says
 * @param updatedUntil last updated before (exclusive) / at or before, as {@code untilInclusive} says
 */
public record FhirTaskSearch(List<ReferralStatus> statuses, UUID focus, UUID owner, Instant updatedFrom, boolean fromInclusive,
                             Instant updatedUntil, boolean untilInclusive, int count, int offset) {

    public static final int MAX_COUNT = 100;
    public static final int DEFAULT_COUNT = 20;
}
