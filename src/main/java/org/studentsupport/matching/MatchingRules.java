package org.studentsupport.matching;

import java.util.Comparator;

/**
 * How matching services are ranked, as plain arithmetic so that it can be tested alone: each need
 * met counts most, then capacity, language, cost and distance. Ties go by distance, then name and id.
 */
final class MatchingRules {

    static final double PER_NEED = 10;
    static final double LANGUAGE = 3;
    static final double FREE = 2;
    static final double ACCEPTING = 2;
    static final double FULL = -3;
    /** Up to this much for being close, falling by one point per {@link #KM_PER_POINT} km. */
    static final double NEAR = 3;
    static final double KM_PER_POINT = 5;

    static final Comparator<MatchingService> ORDER = Comparator.comparingDouble(MatchingService::score).reversed()
            .thenComparing(m -> m.why().distanceKm() == null ? Double.MAX_VALUE : m.why().distanceKm())
            .thenComparing(MatchingService::serviceName).thenComparing(MatchingService::serviceId);

    private MatchingRules() {
    }

    static double score(MatchingService.Why why) {
        double score = PER_NEED * why.needs().size();
        if (why.language() != null) {
            score += LANGUAGE;
        }
        if (why.free()) {
            score += FREE;
        }
        if (why.acceptsReferrals() && "accepting".equals(why.capacity())) {
            score += ACCEPTING;
        } else if ("full".equals(why.capacity()) || !why.acceptsReferrals()) {
            score += FULL;
        }
        if (why.distanceKm() != null) {
            score += Math.max(0, NEAR - why.distanceKm() / KM_PER_POINT);
        }
        return Math.round(score * 100) / 100.0;
    }
}
