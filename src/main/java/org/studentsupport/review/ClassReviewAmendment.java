package org.studentsupport.review;

import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An explicit correction of a finalized review: who, when, why. The entries it replaced stay readable. */
@Entity
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.OF_CLASS_REVIEW, deduceAliasInjectionPoints = false)
@Table(name = "class_review_amendment")
public class ClassReviewAmendment {

    @Id
    public UUID id;

    @Column(name = "review_id", nullable = false)
    public UUID reviewId;

    @Column(nullable = false)
    public String reason;

    @Column(name = "amended_by", nullable = false)
    public String amendedBy;

    @Column(name = "amended_at", nullable = false)
    public Instant amendedAt;

    protected ClassReviewAmendment() {
    }

    public ClassReviewAmendment(UUID reviewId, String reason, String amendedBy) {
        this.id = UUID.randomUUID();
        this.reviewId = reviewId;
        this.reason = reason;
        this.amendedBy = amendedBy;
        this.amendedAt = Instant.now();
    }
}
