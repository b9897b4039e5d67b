package org.studentsupport.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.studentsupport.school.District;

import java.time.Instant;
import java.util.UUID;

/** A course of the district (OneRoster {@code courses.csv}); classes are sections of a course. */
@Entity
@Table(name = "course")
public class Course {

    @Id
    public UUID id;

    @Column(name = "sourced_id", nullable = false, unique = true)
    public String sourcedId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "district_id", nullable = false)
    public District district;

    @Column(nullable = false)
    public String title;

    @Column(name = "course_code")
    public String courseCode;

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

    protected Course() {
    }
}
