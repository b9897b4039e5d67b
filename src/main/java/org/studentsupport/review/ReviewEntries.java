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
        entry.needsIndividualReview = input.flaggedForIndividualReview();
        entry.amendmentId = amendmentId;
        entry.carriedForward = amendmentId == null && input.keepsCarriedForward();
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

    /**
     * The entry an amendment writes: the student's current entry with what the amendment names
     * replaced. Tier, interests and the individual-review flag left out (null) keep their current
     * value (an empty interests string clears them). Each domain sent replaces that domain's
     * strengths, needs and note as a whole; a domain sent with no codes and no note clears it (no row);
     * a domain left out keeps the current one. Without a current entry this is {@link #entry} and {@link #domains}.
     *
     * @param current        the student's current entry; null when the amendment adds the student
     * @param currentDomains the domains of the current entry
     */
    static Merged merged(UUID reviewId, ReviewEntryInput input, ClassReviewEntry current, List<ClassReviewDomain> currentDomains,
                         int position, UUID amendmentId) {
        ClassReviewEntry entry = entry(reviewId, input, position, amendmentId);
        if (current == null) {
            return new Merged(entry, domains(entry.id, input).stream().filter(d -> !d.strengths.isEmpty() || !d.needs.isEmpty()
                    || d.note != null).toList());
        }
        entry.tier = input.tier() == null ? current.tier : input.tier();
        entry.interests = input.interests() == null ? current.interests : blankToNull(input.interests());
        entry.needsIndividualReview = input.needsIndividualReview() == null ? current.needsIndividualReview : input.needsIndividualReview();
        java.util.Map<ReviewDomain, DomainInput> sent = input.domains() == null ? java.util.Map.of() : input.domains().filled();
        List<ClassReviewDomain> domains = new ArrayList<>();
        for (ClassReviewDomain kept : currentDomains) {
            ReviewDomain.of(kept.domain).filter(d -> !sent.containsKey(d)).ifPresent(d ->
                    domains.add(new ClassReviewDomain(entry.id, d, kept.strengthCodes(), kept.needCodes(), kept.note)));
        }
        sent.forEach((domain, d) -> {
            if (!d.clearsTheDomain()) {
                domains.add(new ClassReviewDomain(entry.id, domain, d.strengthCodes().stream().distinct().toList(),
                        d.needCodes().stream().distinct().toList(), blankToNull(d.note())));
            }
        });
        return new Merged(entry, domains);
    }

    /**
     * What an entry of a draft says, as one string: two entries with the same fingerprint are the same
     * to every reader (same student, place, tier, interests, flags, and per domain the same codes and
     * note), so a save keeps the stored one instead of rewriting it.
     */
    static String fingerprint(ClassReviewEntry entry, List<ClassReviewDomain> domains) {
        StringBuilder out = new StringBuilder();
        out.append(entry.studentId).append('|').append(entry.position).append('|').append(entry.tier).append('|')
                .append(entry.interests == null ? "\u0000" : entry.interests).append('|')
                .append(entry.needsIndividualReview).append('|').append(entry.carriedForward);
        domains.stream().sorted(java.util.Comparator.comparing((ClassReviewDomain d) -> d.domain))
                .forEach(d -> out.append("|[").append(d.domain).append('|').append(d.strengths).append('|')
                        .append(d.needs).append('|').append(d.note == null ? "\u0000" : d.note.length() + ":" + d.note).append(']'));
        return out.toString();
    }

    /** An entry with its domain rows. */
    record Merged(ClassReviewEntry entry, List<ClassReviewDomain> domains) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
