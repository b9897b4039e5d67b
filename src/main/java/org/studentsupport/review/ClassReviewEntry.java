package org.studentsupport.review;

import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * One student in one whole-class review. An amendment does not change an entry: it retires it
 * ({@code current = false}, {@code supersededBy}) and adds the amended one, so the history stays readable.
 */
@Entity
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.OF_CLASS_REVIEW, deduceAliasInjectionPoints = false)
@Table(name = "class_review_entry")
public class ClassReviewEntry {

    @Id
    public UUID id;

    @Column(name = "review_id", nullable = false)
    public UUID reviewId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    /** A code of the tier scale; null only in a draft. */
    public String tier;

    public String interests;

    @Column(name = "needs_individual_review", nullable = false)
    public boolean needsIndividualReview;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public boolean current = true;

    /** The amendment that wrote this entry; null for the entries of the draft. */
    @Column(name = "amendment_id")
    public UUID amendmentId;

    /** The amendment that replaced this entry; null while it is current. */
    @Column(name = "superseded_by")
    public UUID supersededBy;

    /** Pre-filled from the previous period's final entry and not yet confirmed by a save of the coordinator. */
    @Column(name = "carried_forward", nullable = false)
    public boolean carriedForward;

    /** A second entry of the student in the period, kept from before the once-per-period rule; never the one that counts. */
    @Column(name = "second_in_period", insertable = false, updatable = false)
    public boolean secondInPeriod;

    protected ClassReviewEntry() {
    }

    public ClassReviewEntry(UUID reviewId, UUID studentId, int position) {
        this.id = UUID.randomUUID();
        this.reviewId = reviewId;
        this.studentId = studentId;
        this.position = position;
    }
}
