package org.studentsupport.review;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The configured tier scale: which tier codes exist and their order. */
@ApplicationScoped
public class TierScale {

    private final List<TierView> tiers;

    public TierScale(ReviewSettings settings) {
        this.tiers = settings.tiers().stream().map(t -> new TierView(t.code(), t.label())).toList();
        if (tiers.isEmpty()) {
            throw new IllegalStateException("studentsupport.review.tiers must name at least one tier");
        }
    }

    public List<TierView> tiers() {
        return tiers;
    }

    public List<String> codes() {
        return tiers.stream().map(TierView::code).toList();
    }

    public boolean contains(String code) {
        return code != null && tiers.stream().anyMatch(t -> t.code().equals(code));
    }
}
