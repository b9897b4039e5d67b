package org.studentsupport.review;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Turns the entries a coordinator sends into the rows a review keeps. */
final class ReviewEntries {

    private ReviewEntries() {
    }

    /**
     * @param amendmentId the amendment that writes the entry; null for an entry of the draft
     */
    static ClassReviewEntry entry(UUID reviewId, ReviewEntryInput input, int position, UUID amendmentId) {
        ClassReviewEntry entry = new ClassReviewEntry(reviewId, input.studentId(), position);
        entry.tier = input.tier();
        entry.interests = blankToNull(input.interests());
        entry.needsIndividualReview = input.needsIndividualReview();
        entry.amendmentId = amendmentId;
        return entry;
    }

    /** One row per domain the entry fills, each code once. */
    static List<ClassReviewDomain> domains(UUID entryId, ReviewEntryInput input) {
        if (input.domains() == null) {
            return List.of();
        }
        List<ClassReviewDomain> domains = new ArrayList<>();
        input.domains().filled().forEach((domain, d) -> domains.add(new ClassReviewDomain(entryId, domain,
                d.strengthCodes().stream().distinct().toList(), d.needCodes().stream().distinct().toList(),
                blankToNull(d.note()))));
        return domains;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
