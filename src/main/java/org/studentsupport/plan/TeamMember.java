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

import java.util.UUID;

/** A member of an individual review's team, by role; outside members (family, providers) by a free name. */
@Entity
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.OF_PLAN, deduceAliasInjectionPoints = false)
@Table(name = "isr_team_member")
public class TeamMember {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "review_id", nullable = false)
    public IndividualReview review;

    @Column(nullable = false)
    public String role;

    public String name;

    @Column(nullable = false)
    public boolean outside;

    @Column(nullable = false)
    public int position;

    protected TeamMember() {
    }

    public TeamMember(IndividualReview review, String role, String name, boolean outside, int position) {
        this.id = UUID.randomUUID();
        this.review = review;
        this.role = role;
        this.name = name;
        this.outside = outside;
        this.position = position;
    }
}
