package org.studentsupport.student;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "StudentProfile", description = "One student: identity from the roster, enrollments, family contacts, and the support "
        + "that other features contribute (empty for administrators, who do not see case notes)")
public record StudentProfileView(
        UUID id,
        @Schema(description = "OneRoster sourcedId", maxLength = 255) String sourcedId,
        @Schema(description = "The district's student number", maxLength = 255) String identifier,
        @Schema(maxLength = 255) String givenName,
        @Schema(maxLength = 255) String familyName,
        @Schema(maxLength = 255) String preferredName,
        LocalDate birthDate,
        @Schema(maxLength = 10) String grade,
        @Schema(maxLength = 35) String preferredLanguage,
        @Schema(maxLength = 35) String homeLanguage,
        @Schema(description = "FERPA 99.37: the family opted out of directory information") boolean directoryOptOut,
        boolean active,
        UUID schoolId,
        @Schema(maxLength = 255) String schoolName,
        @Schema(maxItems = EnrollmentView.MAX_ON_PROFILE) List<EnrollmentView> enrollments,
        @Schema(maxItems = 50) List<StudentContactView> familyContacts,
        StudentSupportSummary support) {

    static StudentProfileView from(Student s, List<EnrollmentView> enrollments, List<StudentContactView> contacts, StudentSupportSummary support) {
        return new StudentProfileView(s.id, s.sourcedId, s.identifier, s.givenName, s.familyName, s.preferredName, s.birthDate, s.grade,
                s.preferredLanguage, s.homeLanguage, s.directoryOptOut, s.active, s.school.id, s.school.name, enrollments, contacts, support);
    }
}
