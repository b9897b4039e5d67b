package org.studentsupport.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/**
 * Settings of the review feature: the tier scale (ordered from least to most need; districts may add
 * sub-tiers such as 2a/2b) and the smallest count a report shows.
 */
@ConfigMapping(prefix = "studentsupport.review")
public interface ReviewSettings {

    /** The tiers, in order from least to most need. */
    List<Tier> tiers();

    /** Report cells with a count below this are suppressed (shown as null with a marker). */
    @WithDefault("10")
    int minCellCount();

    interface Tier {
        String code();

        String label();
    }
}
