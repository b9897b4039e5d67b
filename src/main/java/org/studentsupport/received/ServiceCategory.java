package org.studentsupport.received;

import java.util.List;

/**
 * The three service categories of the connect-and-refer model. A school-based support names its own
 * (planned supports are checked against these); a community service takes it from its directory
 * service's taxonomy (the top term among these three), or from the planned support it came from.
 */
public final class ServiceCategory {

    public static final String PREVENTION_ENRICHMENT = "prevention-enrichment";
    public static final String EARLY_INTERVENTION = "early-intervention";
    public static final String INTENSIVE = "intensive";
    /** Reports only: a community service whose taxonomy has none of the three. */
    public static final String UNCATEGORIZED = "uncategorized";

    public static final List<String> CODES = List.of(PREVENTION_ENRICHMENT, EARLY_INTERVENTION, INTENSIVE);

    private ServiceCategory() {
    }
}
