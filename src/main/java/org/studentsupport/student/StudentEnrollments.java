package org.studentsupport.student;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The classes a student is enrolled in, as the roster knows them. The roster implements it, so that
 * the student profile can show enrollments without the student feature depending on the roster.
 */
public interface StudentEnrollments {

    /** The student's enrollments, newest session first, at most {@link EnrollmentView#MAX_ON_PROFILE}. */
    List<EnrollmentView> enrollmentsOf(UUID studentId, LocalDate today);
}
