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
import org.studentsupport.school.District;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A school year, or a term inside one (OneRoster {@code academicSessions.csv}). */
@Entity
@Table(name = "academic_session")
public class AcademicSession {

    public static final String SCHOOL_YEAR = "schoolYear";
    public static final String TERM = "term";
    public static final String SEMESTER = "semester";
    public static final String GRADING_PERIOD = "gradingPeriod";

    @Id
    public UUID id;

    @Column(name = "sourced_id", nullable = false, unique = true)
    public String sourcedId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "district_id", nullable = false)
    public District district;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public AcademicSession parent;

    @Column(nullable = false)
    public String title;

    /** One of schoolYear, term, semester, gradingPeriod. */
    @Column(nullable = false)
    public String type;

    /** The year the school year ends in, as OneRoster counts it (2026-27 is 2027). */
    @Column(name = "school_year", nullable = false)
    public int schoolYear;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    /** False once the roster removed it (a delta's tobedeleted row, or absence from a bulk file). */
    @Column(nullable = false)
    public boolean active = true;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected AcademicSession() {
    }

    public AcademicSession(String sourcedId, District district) {
        this.id = UUID.randomUUID();
        this.sourcedId = sourcedId;
        this.district = district;
    }
}
