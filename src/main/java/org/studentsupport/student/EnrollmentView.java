package org.studentsupport.student;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Enrollment", description = "A class a student is (or was) enrolled in")
public record EnrollmentView(
        UUID enrollmentId,
        UUID classId,
        @Schema(maxLength = 255) String classTitle,
        @Schema(maxLength = 255) String classCode,
        UUID schoolId,
        UUID sessionId,
        @Schema(maxLength = 255) String sessionTitle,
        LocalDate beginDate,
        LocalDate endDate,
        @Schema(description = "Whether the enrollment is in force today") boolean current) {

    /** How many enrollments a profile shows at most (the newest). */
    public static final int MAX_ON_PROFILE = 100;
}
