package org.studentsupport.plan;

import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A support the plan calls for, in one of the three service categories; optionally a service of
 * the provider directory. When it is turned into a referral, the referral's id is kept here.
 */
@Entity
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.OF_PLAN, deduceAliasInjectionPoints = false)
@Table(name = "isr_support")
public class PlannedSupport {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "review_id", nullable = false)
    public IndividualReview review;

    /** prevention-enrichment, early-intervention or intensive. */
    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String description;

    @Column(name = "directory_service_id")
    public UUID directoryServiceId;

    /** The needs this support meets, codes of the needs vocabulary. */
    @jakarta.persistence.Convert(converter = org.studentsupport.vocabulary.CodeListColumn.class)
    @Column(name = "need_codes", nullable = false)
    public java.util.List<String> needCodes = java.util.List.of();

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(nullable = false)
    public int position;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    protected PlannedSupport() {
    }

    public PlannedSupport(IndividualReview review, String category, String description, UUID directoryServiceId, int position) {
        this.id = UUID.randomUUID();
        this.review = review;
        this.category = category;
        this.description = description;
        this.directoryServiceId = directoryServiceId;
        this.position = position;
        this.createdAt = Instant.now();
    }
}
