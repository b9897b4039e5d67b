package org.studentsupport.student;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields of a family contact that this service owns; null clears a field. */
@Schema(name = "UpdateContactPreferencesRequest")
public record UpdateContactPreferencesRequest(
        @Pattern(regexp = "phone|sms|email|mail|in-person", message = "must be phone, sms, email, mail or in-person")
        @Schema(enumeration = {"phone", "sms", "email", "mail", "in-person"}, maxLength = 10) String preferredContactMethod,
        @Size(max = 500) @Schema(description = "Short practical notes, such as the best time to call", maxLength = 500) String contactNotes) {
}
