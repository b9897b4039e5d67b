package org.studentsupport.student;

import jakarta.enterprise.context.RequestScoped;
import org.studentsupport.school.SchoolScope;
import org.studentsupport.security.ScopedLookup;

import java.util.UUID;

/**
 * Loads a student's record by id for school staff. The scope filter already hides students outside
 * the caller's scope from every query; a hidden student answers 404, audited as denied.
 */
@RequestScoped
public class StudentScope {

    private final SchoolScope schools;
    private final ScopedLookup lookup;

    public StudentScope(SchoolScope schools, ScopedLookup lookup) {
        this.schools = schools;
        this.lookup = lookup;
    }

    /**
     * The student's record, when the caller is school staff who may see it; otherwise 404 exactly as if
     * there were no such student. A provider sees the students referred to it only through its referrals.
     */
    public Student require(UUID studentId) {
        Student student = lookup.require(Student.class, studentId, "Student " + studentId);
        schools.require(student.school.id, "Student " + studentId);
        return student;
    }
}
