package org.studentsupport.review;

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
import org.studentsupport.roster.AcademicSession;
import org.studentsupport.school.District;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A period in which classes are reviewed, e.g. "2026-27 fall", inside one school year of a district. */
@Entity
@Table(name = "review_period")
public class ReviewPeriod {

    public static final String FALL = "fall";
    public static final String SPRING = "spring";
    public static final String OTHER = "other";

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "district_id", nullable = false)
    public District district;

    @ManyToOne(optional = false)
    @JoinColumn(name = "school_year_id", nullable = false)
    public AcademicSession schoolYear;

    @Column(nullable = false)
    public String name;

    /** fall, spring or other. */
    @Column(nullable = false)
    public String kind;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected ReviewPeriod() {
    }

    public ReviewPeriod(District district, AcademicSession schoolYear) {
        this.id = UUID.randomUUID();
        this.district = district;
        this.schoolYear = schoolYear;
    }

    /**
     * The middle day of the period: the period's own term is the session of its school year (the year
     * itself, or a term or semester of it) whose dates contain this day.
     */
    public LocalDate middleDay() {
        return startDate.plusDays(java.time.temporal.ChronoUnit.DAYS.between(startDate, endDate) / 2);
    }

    /** The date on which enrollment counts for progress: today, kept within the period. */
    public LocalDate referenceDate(LocalDate today) {
        return today.isBefore(startDate) ? startDate : today.isAfter(endDate) ? endDate : today;
    }
}
