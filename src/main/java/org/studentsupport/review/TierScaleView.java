package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The configured tier scale, ordered from least to most need. */
@Schema(name = "TierScale")
public record TierScaleView(@Schema(maxItems = 50) List<TierView> tiers) {
}
