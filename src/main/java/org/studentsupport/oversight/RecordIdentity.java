package org.studentsupport.oversight;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.student.EnrollmentView;
import org.studentsupport.student.StudentContactView;
import org.studentsupport.student.StudentProfileView;

import java.time.LocalDate;

/** Who the record is about: the student as the roster holds them, their classes and their family contacts. */
public final class RecordIdentity {

    private RecordIdentity() {
    }

    @Schema(name = "RecordStudent", description = "The student as the school's roster holds them")
    public record Student(
            @Schema(maxLength = 255) String givenName,
            @Schema(maxLength = 255) String familyName,
            @Schema(maxLength = 255) String preferredName,
            LocalDate birthDate,
            @Schema(maxLength = 10) String grade,
            @Schema(description = "The district's student number", maxLength = 255) String studentNumber,
            @Schema(maxLength = 255) String school,
            @Schema(description = "BCP 47 language tag", maxLength = 35) String preferredLanguage,
            @Schema(description = "BCP 47 language tag", maxLength = 35) String homeLanguage,
            @Schema(description = "The family opted out of directory information (FERPA 99.37)") boolean directoryInformationOptOut,
            @Schema(description = "Still enrolled in the district") boolean active) {

        static Student from(StudentProfileView p) {
            return new Student(p.givenName(), p.familyName(), p.preferredName(), p.birthDate(), p.grade(), p.identifier(),
                    p.schoolName(), p.preferredLanguage(), p.homeLanguage(), p.directoryOptOut(), p.active());
        }
    }

    @Schema(name = "RecordEnrollment", description = "A class the student is or was enrolled in")
    public record Enrollment(
            @Schema(maxLength = 255) String className,
            @Schema(maxLength = 255) String classCode,
            @Schema(description = "The school year or term", maxLength = 255) String term,
            LocalDate beginDate,
            LocalDate endDate,
            @Schema(description = "Enrolled today") boolean current) {

        static Enrollment from(EnrollmentView e) {
            return new Enrollment(e.classTitle(), e.classCode(), e.sessionTitle(), e.beginDate(), e.endDate(), e.current());
        }
    }

    @Schema(name = "RecordFamilyContact", description = "A parent, guardian or relative of the student")
    public record FamilyContact(
            @Schema(description = "parent, guardian, relative or other", maxLength = 20) String relationship,
            @Schema(description = "May sign consent for the student") boolean maySignConsent,
            @Schema(maxLength = 255) String givenName,
            @Schema(maxLength = 255) String familyName,
            @Schema(maxLength = 320) String email,
            @Schema(maxLength = 50) String phone,
            @Schema(maxLength = 50) String sms,
            @Schema(description = "BCP 47 language tag", maxLength = 35) String preferredLanguage,
            @Schema(maxLength = 10) String preferredContactMethod,
            @Schema(maxLength = 500) String contactNotes,
            boolean active) {

        static FamilyContact from(StudentContactView link) {
            var c = link.contact();
            return new FamilyContact(link.relationship(), link.maySignConsent(), c.givenName(), c.familyName(), c.email(), c.phone(),
                    c.sms(), c.preferredLanguage(), c.preferredContactMethod(), c.contactNotes(), c.active());
        }
    }
}
