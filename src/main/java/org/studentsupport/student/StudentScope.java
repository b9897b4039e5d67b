package org.studentsupport.student;

import jakarta.enterprise.context.RequestScoped;
import org.studentsupport.school.SchoolScope;
import org.studentsupport.web.ApiException;

import java.util.UUID;

/**
 * Whether the caller may see a student: the student's school must be in the caller's school scope.
 * Every feature that holds data about a student loads the student through {@link #require(UUID)}.
 */
@RequestScoped
public class StudentScope {

    private final SchoolScope schools;
    private final StudentRepository students;

    public StudentScope(SchoolScope schools, StudentRepository students) {
        this.schools = schools;
        this.students = students;
    }

    /** The student, when visible to the caller; otherwise 404 exactly as if there were no such student. */
    public Student require(UUID studentId) {
        Student student = studentId == null ? null : students.findById(studentId);
        if (student == null) {
            throw ApiException.notFound("Student " + studentId);
        }
        schools.require(student.school.id, "Student " + studentId);
        return student;
    }

    public boolean canSee(Student student) {
        return student != null && schools.canSee(student.school.id);
    }
}
