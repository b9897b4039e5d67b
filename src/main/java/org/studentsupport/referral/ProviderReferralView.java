package org.studentsupport.referral;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.student.StudentContact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A referral as its provider sees it: the minimum necessary. Never the internal notes, the reason
 * text, the reviews or other referrals; the family's contact details only when the referral shares
 * the contact category (which its consent covers); always the redisclosure notice (FERPA 99.33).
 */
@Schema(name = "ProviderReferral")
public record ProviderReferralView(
        UUID id,
        @Schema(maxLength = 20) String status,
        @Schema(description = "The statuses you may move it to now", maxItems = 10) List<@Size(max = 20) String> allowedNextStatuses,
        UUID serviceId,
        @Schema(maxLength = 255) String serviceName,
        @Schema(maxLength = 10) String urgency,
        @Schema(maxLength = 40) String purpose,
        @Schema(maxLength = 255) String studentFirstName,
        @Schema(maxLength = 1) String studentLastInitial,
        @Schema(maxLength = 10) String grade,
        @Schema(maxLength = 35) String language,
        @Schema(minimum = "0", maximum = "150", format = "int32") Integer age,
        @Schema(description = "Need codes, when the referral shares review needs", maxItems = 20) List<@Size(max = 50) String> reasonCodes,
        @Schema(maxLength = 4000) String sharedNotes,
        @Schema(description = "Family contacts, when the referral shares contact information", maxItems = 10) List<FamilyContactView> familyContacts,
        @Schema(maxItems = 9) List<@Size(max = 40) String> sharedCategories,
        @Schema(maxLength = 40) String statusReasonCode,
        LocalDate firstServiceOn,
        Instant requestedAt,
        LocalDate followUpDue,
        @Schema(description = "FERPA 99.33 notice: the data may not be redisclosed", maxLength = 1000) String redisclosureNotice) {

    public static final String REDISCLOSURE_NOTICE = "This information comes from a student's education records and is "
            + "disclosed to you under the Family Educational Rights and Privacy Act (34 CFR Part 99). You may use it only "
            + "for the purpose stated in this referral, and you may not disclose it to any other party without the prior "
            + "written consent of the parent or eligible student (34 CFR 99.33).";

    @Schema(name = "ReferralFamilyContact")
    public record FamilyContactView(
            UUID id,
            @Schema(maxLength = 255) String givenName,
            @Schema(maxLength = 255) String familyName,
            @Schema(maxLength = 20) String relationship,
            @Schema(maxLength = 50) String phone,
            @Schema(maxLength = 320) String email,
            @Schema(maxLength = 35) String preferredLanguage,
            @Schema(maxLength = 10) String preferredContactMethod) {

        static FamilyContactView from(StudentContact link) {
            return new FamilyContactView(link.contact.id, link.contact.givenName, link.contact.familyName, link.relationship,
                    link.contact.phone, link.contact.email, link.contact.preferredLanguage, link.contact.preferredContactMethod);
        }
    }

    static ProviderReferralView from(Referral r, List<String> allowed, List<StudentContact> contacts, LocalDate today) {
        boolean demographics = r.sharedCategories.contains("demographics");
        String language = r.student.preferredLanguage != null ? r.student.preferredLanguage : r.student.homeLanguage;
        return new ProviderReferralView(r.id, r.status.code(), allowed, r.service.id, r.service.name, r.urgency, r.purpose,
                r.student.preferredName != null ? r.student.preferredName : r.student.givenName,
                r.student.familyName.substring(0, 1),
                demographics ? r.student.grade : null, demographics ? language : null,
                demographics ? r.student.ageOn(today) : null,
                r.sharedCategories.contains("review-needs") ? r.reasonCodes : List.of(),
                r.sharedNotes,
                r.sharedCategories.contains("contact") ? contacts.stream().map(FamilyContactView::from).toList() : List.of(),
                r.sharedCategories, r.statusReasonCode, r.firstServiceOn, r.requestedAt, r.followUpDue, REDISCLOSURE_NOTICE);
    }
}
