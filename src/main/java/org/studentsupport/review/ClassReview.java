package org.studentsupport.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.studentsupport.web.ApiException;

import java.time.Instant;
import java.time.LocalDate;
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

    /** A draft is saved again by the coordinator sitting with the teacher on a given day. */
    public void saveDraft(String coordinator, UUID teacher, LocalDate day) {
        if (isFinal()) {
            throw ApiException.conflict("The review is finalized; correct it with an amendment");
        }
        coordinatorSubject = coordinator;
        teacherId = teacher;
        reviewedOn = day;
        updatedAt = Instant.now();
    }

    public void finalizeBy(String coordinator) {
        if (isFinal()) {
            throw ApiException.conflict("The review is already finalized");
        }
        status = FINAL;
        finalizedAt = Instant.now();
        finalizedBy = coordinator;
        updatedAt = finalizedAt;
    }

    public void amended() {
        if (!isFinal()) {
            throw ApiException.conflict("The review is a draft; save the draft again instead of amending it");
        }
        updatedAt = Instant.now();
    }
}
