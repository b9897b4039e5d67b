package org.studentsupport.review;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** One student of a review, as recorded. */
@Schema(name = "ReviewEntry")
public record ReviewEntryView(
        UUID studentId,
        @Schema(maxLength = 20) String tier,
        @Schema(maxLength = 500) String interests,
        boolean needsIndividualReview,
        @Schema(description = "True while the entry is the previous period's, carried forward and not yet confirmed by a save; "
                + "a review with such entries cannot be finalized") boolean carriedForward,
        Domains domains) {

    @Schema(name = "ReviewDomains")
    public record Domains(DomainView academic, DomainView socialEmotional, DomainView health, DomainView family) {
    }

    @Schema(name = "ReviewDomain")
    public record DomainView(
            @Schema(maxItems = 20) List<@Size(max = 50) String> strengths,
            @Schema(maxItems = 20) List<@Size(max = 50) String> needs,
            @Schema(maxLength = 500) String note) {
    }

    public static ReviewEntryView from(ClassReviewEntry entry, Collection<ClassReviewDomain> domains) {
        DomainView[] views = new DomainView[ReviewDomain.values().length];
        for (ClassReviewDomain d : domains) {
            ReviewDomain.of(d.domain).ifPresent(domain ->
                    views[domain.ordinal()] = new DomainView(d.strengthCodes(), d.needCodes(), d.note));
        }
        return new ReviewEntryView(entry.studentId, entry.tier, entry.interests, entry.needsIndividualReview, entry.carriedForward,
                new Domains(views[0], views[1], views[2], views[3]));
    }
}
