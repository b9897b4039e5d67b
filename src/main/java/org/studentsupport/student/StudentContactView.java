package org.studentsupport.student;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StudentContact", description = "A family contact of a student and how they relate")
public record StudentContactView(
        @Schema(description = "parent, guardian, relative or other", maxLength = 20) String relationship,
        @Schema(description = "Parents and guardians may sign consent") boolean maySignConsent,
        FamilyContactView contact) {

    static StudentContactView from(StudentContact link) {
        return new StudentContactView(link.relationship, link.maySignConsent, FamilyContactView.from(link.contact));
    }
}
