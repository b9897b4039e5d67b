package org.studentsupport.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.studentsupport.school.School;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;

/** A class (section) of a school in a term (OneRoster {@code classes.csv}); whole-class reviews are per class. */
@Entity
@Table(name = "class_section")
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.BY_SCHOOL, deduceAliasInjectionPoints = false)
public class ClassSection {

    @Id
    public UUID id;

    @Column(name = "sourced_id", nullable = false, unique = true)
    public String sourcedId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "school_id", nullable = false)
    public School school;

    @ManyToOne(optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    public AcademicSession session;

    @Column(nullable = false)
    public String title;

    @Column(name = "class_code")
    public String classCode;

    @Column(name = "course_title")
    public String courseTitle;

    /** OneRoster {@code classType}: {@code homeroom}, {@code scheduled} or an {@code ext:} value; a homeroom is where its students are reviewed by default. */
    @Column(name = "class_type")
    public String classType;

    /** Grade levels of the class, comma-separated (OneRoster {@code grades}). */
    public String grades;

    /** The course this class is a section of, when the roster names one. */
    @ManyToOne(fetch = jakarta.persistence.FetchType.LAZY)
    @JoinColumn(name = "course_id")
    public Course course;

    /** False once the roster removed it (a delta's tobedeleted row, or absence from a bulk file). */
    @Column(nullable = false)
    public boolean active = true;

    @ManyToMany
    @JoinTable(name = "class_teacher", joinColumns = @JoinColumn(name = "class_id"),
            inverseJoinColumns = @JoinColumn(name = "teacher_id"))
    public Set<Teacher> teachers = new LinkedHashSet<>();

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected ClassSection() {
    }

    public static final String HOMEROOM = "homeroom";

    public ClassSection(String sourcedId, School school, AcademicSession session, String title) {
        this.id = UUID.randomUUID();
        this.sourcedId = sourcedId;
        this.school = school;
        this.session = session;
        this.title = title;
    }
}
