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
import java.time.LocalDate;
import java.util.UUID;

/** A dated note on the progress towards a goal. Notes are added, never changed. */
@Entity
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.OF_PLAN_GOAL, deduceAliasInjectionPoints = false)
@Table(name = "isr_goal_note")
public class ProgressNote {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "goal_id", nullable = false)
    public Goal goal;

    @Column(name = "noted_on", nullable = false)
    public LocalDate notedOn;

    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    protected ProgressNote() {
    }

    public ProgressNote(Goal goal, LocalDate notedOn, String text, String author) {
        this.id = UUID.randomUUID();
        this.goal = goal;
        this.notedOn = notedOn;
        this.text = text;
        this.author = author;
        this.createdAt = Instant.now();
    }
}
