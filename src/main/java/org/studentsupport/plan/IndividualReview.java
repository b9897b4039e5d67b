package org.studentsupport.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.NotFoundException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;

/**
 * An individual student review and the plan that comes out of it: the team, the concerns, goals
 * and planned supports. Open until the coordinator closes it; a student has at most one open plan.
 */
@Entity
@Table(name = "individual_review")
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.BY_STUDENT_SCHOOL_ONLY, deduceAliasInjectionPoints = false)
public class IndividualReview {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    @Id
    public UUID id;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(nullable = false)
    public String status = OPEN;

    @Column(nullable = false)
    public String concerns;

    /** The needs the plan addresses, codes of the needs vocabulary. */
    @jakarta.persistence.Convert(converter = org.studentsupport.vocabulary.CodeListColumn.class)
    @Column(name = "need_codes", nullable = false)
    public List<String> needCodes = new ArrayList<>();

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closing_note")
    public String closingNote;

    @OneToMany(mappedBy = "review", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<TeamMember> team = new ArrayList<>();

    @OneToMany(mappedBy = "review", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Goal> goals = new ArrayList<>();

    @OneToMany(mappedBy = "review", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<PlannedSupport> supports = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Set on every change of the plan or its parts, so that the version (and the ETag) moves too. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected IndividualReview() {
    }

    public IndividualReview(UUID studentId, String concerns, String openedBy) {
        this.id = UUID.randomUUID();
        this.studentId = studentId;
        this.concerns = concerns;
        this.openedBy = openedBy;
        this.openedAt = Instant.now();
        this.createdAt = openedAt;
        this.updatedAt = openedAt;
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    /** Every change goes through here: a closed plan is read-only. */
    public void changed() {
        if (!isOpen()) {
            throw new ConflictException("The individual review is closed");
        }
        updatedAt = Instant.now();
    }

    public void close(String by, String note) {
        changed();
        status = CLOSED;
        closedBy = by;
        closedAt = updatedAt;
        closingNote = note;
    }

    /** Adds a goal at the end of the plan; 422 when the plan already holds as many as it may. */
    public Goal addGoal(String text, LocalDate targetDate, String status) {
        PlanRules.requireRoomForGoal(goals.size());
        Goal goal = new Goal(this, goals.size());
        goal.text = text;
        goal.targetDate = targetDate;
        goal.status = status == null ? Goal.OPEN : status;
        goals.add(goal);
        return goal;
    }

    /** Adds a planned support at the end of the plan; 422 when the plan already holds as many as it may. */
    public PlannedSupport addSupport(String category, String description, UUID directoryServiceId, List<String> needCodes) {
        PlannedSupport support = addSupport(category, description, directoryServiceId);
        support.needCodes = needCodes == null ? List.of() : List.copyOf(needCodes);
        return support;
    }

    public PlannedSupport addSupport(String category, String description, UUID directoryServiceId) {
        PlanRules.requireRoomForSupport(supports.size());
        PlannedSupport support = new PlannedSupport(this, category, description, directoryServiceId, supports.size());
        supports.add(support);
        return support;
    }

    public PlannedSupport support(UUID supportId) {
        return supports.stream().filter(s -> s.id.equals(supportId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Planned support " + supportId));
    }

    public Goal goal(UUID goalId) {
        return goals.stream().filter(g -> g.id.equals(goalId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Goal " + goalId));
    }
}
