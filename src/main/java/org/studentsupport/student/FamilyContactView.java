package org.studentsupport.student;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "FamilyContact", description = "A parent, guardian or relative; names and contact details come from the roster, "
        + "preferredContactMethod and contactNotes are kept by this service")
public record FamilyContactView(
        UUID id,
        @Schema(description = "OneRoster sourcedId", maxLength = 255) String sourcedId,
        @Schema(maxLength = 255) String givenName,
        @Schema(maxLength = 255) String familyName,
        @Schema(maxLength = 320) String email,
        @Schema(maxLength = 50) String phone,
        @Schema(maxLength = 50) String sms,
        @Schema(description = "BCP 47 language tag", maxLength = 35) String preferredLanguage,
        @Schema(enumeration = {"phone", "sms", "email", "mail", "in-person"}, maxLength = 10) String preferredContactMethod,
        @Schema(maxLength = 500) String contactNotes,
        boolean active) {

    static FamilyContactView from(FamilyContact c) {
        return new FamilyContactView(c.id, c.sourcedId, c.givenName, c.familyName, c.email, c.phone, c.sms, c.preferredLanguage,
                c.preferredContactMethod, c.contactNotes, c.active);
    }
}
