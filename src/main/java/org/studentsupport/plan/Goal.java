package org.studentsupport.plan;

import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A goal of a plan, with a target date, a status and dated progress notes. */
@Entity
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.OF_PLAN, deduceAliasInjectionPoints = false)
@Table(name = "isr_goal")
public class Goal {

    public static final String OPEN = "open";

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "review_id", nullable = false)
    public IndividualReview review;

    @Column(nullable = false)
    public String text;

    @Column(name = "target_date")
    public LocalDate targetDate;

    /** open, met, partially-met, not-met or discontinued. */
    @Column(nullable = false)
    public String status = OPEN;

    @Column(nullable = false)
    public int position;

    @OneToMany(mappedBy = "goal", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("notedOn, createdAt")
    public List<ProgressNote> notes = new ArrayList<>();

    protected Goal() {
    }

    public Goal(IndividualReview review, int position) {
        this.id = UUID.randomUUID();
        this.review = review;
        this.position = position;
    }

    /** Notes are kept, never changed; 422 when the goal already holds as many as it may. */
    public ProgressNote addNote(LocalDate notedOn, String text, String author) {
        PlanRules.requireRoomForNote(notes.size());
        ProgressNote note = new ProgressNote(this, notedOn, text, author);
        notes.add(note);
        return note;
    }
}
