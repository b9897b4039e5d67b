package org.studentsupport.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.studentsupport.student.Student;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;

/** A student enrolled in a class, with optional begin and end dates (OneRoster {@code enrollments.csv}). */
@Entity
@Table(name = "enrollment")
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.BY_STUDENT_SCHOOL_ONLY, deduceAliasInjectionPoints = false)
public class Enrollment {

    @Id
    public UUID id;

    @Column(name = "sourced_id", nullable = false, unique = true)
    public String sourcedId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "class_id", nullable = false)
    public ClassSection classSection;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", nullable = false)
    public Student student;

    @Column(name = "begin_date")
    public LocalDate beginDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected Enrollment() {
    }

    public Enrollment(String sourcedId, ClassSection classSection, Student student) {
        this.id = UUID.randomUUID();
        this.sourcedId = sourcedId;
        this.classSection = classSection;
        this.student = student;
    }

    /** Whether the enrollment is in force on a date (open-ended dates count as in force). */
    public boolean activeOn(LocalDate date) {
        return (beginDate == null || !date.isBefore(beginDate)) && (endDate == null || !date.isAfter(endDate));
    }
}
