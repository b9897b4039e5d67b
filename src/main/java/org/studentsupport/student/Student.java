package org.studentsupport.student;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;
import org.hibernate.annotations.UpdateTimestamp;
import org.studentsupport.school.School;
import org.studentsupport.security.ScopeFilter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

/**
 * A student, from the roster (the SIS is the source of truth). The school is the one the student
 * attends; it decides which coordinators may see the student.
 */
@Entity
@Table(name = "student")
// The scope filter is declared once, here, and applied to every school- or organization-bound entity.
@FilterDef(name = ScopeFilter.NAME, autoEnabled = true, applyToLoadByKey = true, parameters = {
        @ParamDef(name = ScopeFilter.UNRESTRICTED, type = Boolean.class, resolver = ScopeFilter.Unrestricted.class),
        @ParamDef(name = ScopeFilter.SCHOOLS, type = String.class, resolver = ScopeFilter.Schools.class),
        @ParamDef(name = ScopeFilter.ORGANIZATION, type = String.class, resolver = ScopeFilter.Organization.class)})
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.STUDENT, deduceAliasInjectionPoints = false)
public class Student {

    @Id
    public UUID id;

    @Column(name = "sourced_id", nullable = false, unique = true)
    public String sourcedId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "school_id", nullable = false)
    public School school;

    /** The district's student number. */
    public String identifier;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "preferred_name")
    public String preferredName;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    /** Grade level as OneRoster (CEDS) codes it: PK, KG, 01 … 12. */
    public String grade;

    /** BCP 47 language tags. */
    @Column(name = "preferred_language")
    public String preferredLanguage;

    @Column(name = "home_language")
    public String homeLanguage;

    /** FERPA 99.37: the family opted out of directory information. */
    @Column(name = "directory_opt_out", nullable = false)
    public boolean directoryOptOut;

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

    protected Student() {
    }

    public Student(String sourcedId, School school, String givenName, String familyName) {
        this.id = UUID.randomUUID();
        this.sourcedId = sourcedId;
        this.school = school;
        this.givenName = givenName;
        this.familyName = familyName;
    }

    /** Age in whole years on a date, or null when the birth date is unknown. */
    public Integer ageOn(LocalDate date) {
        return birthDate == null ? null : Period.between(birthDate, date).getYears();
    }
}
