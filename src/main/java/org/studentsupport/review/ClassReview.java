package org.studentsupport.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;

/**
 * The whole-class review of one class in one review period: a draft that is replaced as a whole
 * until it is finalized; after that only explicit amendments change it.
 */
@Entity
@Table(name = "class_review")
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.BY_SCHOOL, deduceAliasInjectionPoints = false)
public class ClassReview {

    public static final String DRAFT = "draft";
    public static final String FINAL = "final";

    @Id
    public UUID id;

    @Column(name = "class_id", nullable = false)
    public UUID classId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "period_id", nullable = false)
    public ReviewPeriod period;

    /** The class's school, kept here so that scope filters need no join. */
    @Column(name = "school_id", nullable = false)
    public UUID schoolId;

    @Column(nullable = false)
    public String status = DRAFT;

    /** Subject of the coordinator who last saved the review. */
    @Column(name = "coordinator_subject", nullable = false)
    public String coordinatorSubject;

    /** The teacher the coordinator reviewed the class with. */
    @Column(name = "teacher_id")
    public UUID teacherId;

    /** The day of the review; enrollment is checked on this date. */
    @Column(name = "reviewed_on", nullable = false)
    public LocalDate reviewedOn;

    @Column(name = "finalized_at")
    public Instant finalizedAt;

    @Column(name = "finalized_by")
    public String finalizedBy;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Set on every change, including one that only replaces entries, so that the version moves too. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected ClassReview() {
    }

    public ClassReview(UUID classId, ReviewPeriod period, UUID schoolId) {
        this.id = UUID.randomUUID();
        this.classId = classId;
        this.period = period;
        this.schoolId = schoolId;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public boolean isFinal() {
        return FINAL.equals(status);
    }

    /** Only a draft is saved as a whole; a final review changes through amendments. */
    public void requireDraft() {
        if (isFinal()) {
            throw new ConflictException("The review is finalized; correct it with an amendment");
        }
    }

    /** Only a final review is amended; a draft is saved again instead. */
    public void requireFinal() {
        if (!isFinal()) {
            throw new ConflictException("The review is a draft; save the draft again instead of amending it");
        }
    }

    /** A draft is saved again by the coordinator sitting with the teacher on a given day. */
    public void saveDraft(String coordinator, UUID teacher, LocalDate day) {
        requireDraft();
        coordinatorSubject = coordinator;
        teacherId = teacher;
        reviewedOn = day;
        updatedAt = Instant.now();
    }

    /**
     * Locks the review. Every student enrolled on the review day needs an entry with a tier: the
     * tier distribution of a period counts every student once.
     *
     * @param entries  the current entries, in their order
     * @param enrolled the students who need an entry: enrolled in the class on the review day, less
     *                 those reviewed in another class of the period or whose reviewing class is another class
     */
    public void finalizeBy(String coordinator, List<ClassReviewEntry> entries, Collection<UUID> enrolled) {
        if (isFinal()) {
            throw new ConflictException("The review is already finalized");
        }
        List<Violation> violations = new ArrayList<>(missingTiers(entries, enrolled));
        List<Violation> unconfirmed = unconfirmed(entries);
        if (!violations.isEmpty() || !unconfirmed.isEmpty()) {
            String detail = "The review cannot be finalized: " + (violations.isEmpty() ? "" : violations.size() + " student(s) without a tier")
                    + (violations.isEmpty() || unconfirmed.isEmpty() ? "" : ", ")
                    + (unconfirmed.isEmpty() ? "" : unconfirmed.size() + " carried-forward entry(ies) not confirmed (save them first)");
            violations.addAll(unconfirmed);
            throw new RuleBrokenException(detail, violations);
        }
        status = FINAL;
        finalizedAt = Instant.now();
        finalizedBy = coordinator;
        updatedAt = finalizedAt;
    }

    public void amended() {
        requireFinal();
        updatedAt = Instant.now();
    }

    /** One violation per entry still marked as carried forward: the coordinator has not confirmed it. */
    static List<Violation> unconfirmed(List<ClassReviewEntry> entries) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).carriedForward) {
                violations.add(Violation.atPointer("/entries/" + i + "/carriedForward", "student " + entries.get(i).studentId
                        + ": the entry is carried forward from the previous period and not confirmed"));
            }
        }
        return violations;
    }

    /** One violation per entry without a tier and per enrolled student without an entry. */
    static List<Violation> missingTiers(List<ClassReviewEntry> entries, Collection<UUID> enrolled) {
        List<Violation> violations = new ArrayList<>();
        Set<UUID> withEntry = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ClassReviewEntry entry = entries.get(i);
            withEntry.add(entry.studentId);
            if (entry.tier == null) {
                violations.add(Violation.atPointer("/entries/" + i + "/tier",
                        "student " + entry.studentId + " has no tier; every student needs one to finalize"));
            }
        }
        enrolled.stream().filter(s -> !withEntry.contains(s)).sorted()
                .forEach(s -> violations.add(Violation.atPointer("/entries",
                        "student " + s + " is enrolled in the class but has no entry; tier is required to finalize")));
        return violations;
    }
}
