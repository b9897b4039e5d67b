package org.studentsupport.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * One student of a whole-class review. In a draft save it is the student's whole entry (a member
 * left out records nothing). In an amendment it names what changes: a member left out (or null)
 * keeps the student's current value, see {@link ReviewEntries#merged}.
 */
@Schema(name = "ReviewEntryInput")
public record ReviewEntryInput(
        @NotNull @Schema(description = "A student enrolled in the class on the review date") UUID studentId,
        @Size(max = 20) @Schema(description = "A code of the tier scale (GET /api/v1/review-tiers); may be left out in a draft, "
                + "required to finalize; in an amendment left out keeps the current tier", examples = "2") String tier,
        @Size(max = 500) @Schema(description = "The student's interests, at most 500 characters; in an amendment left out keeps "
                + "the current interests, an empty string clears them") String interests,
        @Schema(description = "Flag the student for an individual student review; left out: false in a draft save, "
                + "the current flag in an amendment") Boolean needsIndividualReview,
        @Valid DomainsInput domains,
        @Schema(description = "Draft save only: true keeps a carried-forward entry marked as not yet confirmed (send it back as read); "
                + "left out or false confirms it. Only an entry the draft holds as carried forward can stay marked.")
        Boolean carriedForward) {

    public ReviewEntryInput(java.util.UUID studentId, String tier, String interests, Boolean needsIndividualReview, DomainsInput domains) {
        this(studentId, tier, interests, needsIndividualReview, domains, null);
    }

    boolean keepsCarriedForward() {
        return Boolean.TRUE.equals(carriedForward);
    }

    boolean flaggedForIndividualReview() {
        return Boolean.TRUE.equals(needsIndividualReview);
    }
}
