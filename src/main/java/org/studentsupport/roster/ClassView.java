package org.studentsupport.roster;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "Class", description = "A class (section) of a school in a term")
public record ClassView(
        UUID id,
        @Schema(description = "OneRoster sourcedId", maxLength = 255) String sourcedId,
        @Schema(maxLength = 255) String title,
        @Schema(maxLength = 255) String classCode,
        @Schema(maxLength = 255) String courseTitle,
        @Schema(description = "Grade levels, comma-separated", maxLength = 100) String grades,
        @Schema(description = "OneRoster classType: homeroom, scheduled or an ext: value; students are reviewed in their homeroom by default",
                maxLength = 50) String classType,
        UUID schoolId,
        UUID sessionId,
        @Schema(maxLength = 255) String sessionTitle,
        @Schema(maxItems = 50) List<TeacherView> teachers) {

    @Schema(name = "Teacher")
    public record TeacherView(UUID id, @Schema(maxLength = 255) String givenName, @Schema(maxLength = 255) String familyName,
                              @Schema(maxLength = 320) String email) {
    }

    static ClassView from(ClassSection c) {
        return new ClassView(c.id, c.sourcedId, c.title, c.classCode, c.courseTitle, c.grades, c.classType, c.school.id, c.session.id, c.session.title,
                c.teachers.stream().filter(t -> t.active).sorted(java.util.Comparator.comparing((Teacher t) -> t.familyName).thenComparing(t -> t.id))
                        .map(t -> new TeacherView(t.id, t.givenName, t.familyName, t.email)).toList());
    }
}
