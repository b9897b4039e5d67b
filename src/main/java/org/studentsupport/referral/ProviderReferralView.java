package org.studentsupport.referral;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A referral as its provider sees it: the minimum necessary, rendered from the data disclosed (the latest
 * snapshot kept with the record of disclosures, {@link DisclosedData}), never from the student's live
 * record. Never the internal notes, the reason text, the reviews or other referrals; always the
 * redisclosure notice (FERPA 99.33); and, once the family withdrew the consent it was sent under (or the
 * consent ended), a notice that nothing more will be shared and that 99.33 still binds what it holds.
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
        @Schema(description = "Age on the day the data was disclosed", minimum = "0", maximum = "150", format = "int32") Integer age,
        @Schema(description = "Need codes, when the referral shares review needs", maxItems = 20) List<@Size(max = 50) String> reasonCodes,
        @Schema(maxLength = 4000) String sharedNotes,
        @Schema(description = "Family contacts, when the referral shares contact information", maxItems = 10) List<FamilyContactView> familyContacts,
        @Schema(maxItems = 9) List<@Size(max = 40) String> sharedCategories,
        @Schema(description = "When the data shown was disclosed to you (sending, or the latest update the school shared)")
        Instant dataDisclosedAt,
        @Schema(maxLength = 40) String statusReasonCode,
        LocalDate firstServiceOn,
        Instant requestedAt,
        LocalDate followUpDue,
        @Schema(description = "When you accepted it; null before") Instant acceptedAt,
        @Schema(description = "When it was closed (completed, failed, rejected, cancelled); null while open") Instant closedAt,
        @Schema(description = "The family withdrew the consent this referral was sent under, or it ended: nothing more is shared")
        boolean consentRevoked,
        @Schema(description = "The day from which the consent no longer covers disclosure") LocalDate consentRevokedOn,
        @Schema(description = "What the withdrawal means for you; null while the consent holds", maxLength = 1000) String consentNotice,
        @Schema(description = "FERPA 99.33 notice: the data may not be redisclosed", maxLength = 1000) String redisclosureNotice) {

    public static final String REDISCLOSURE_NOTICE = "This information comes from a student's education records and is "
            + "disclosed to you under the Family Educational Rights and Privacy Act (34 CFR Part 99). You may use it only "
            + "for the purpose stated in this referral, and you may not disclose it to any other party without the prior "
            + "written consent of the parent or eligible student (34 CFR 99.33).";

    public static final String CONSENT_WITHDRAWN_NOTICE = "The family has withdrawn the consent under which this referral "
            + "was sent (or it has ended): the school will share no further information under it. What you already hold "
            + "remains subject to 34 CFR 99.33: use it only for the stated purpose and do not disclose it to anyone else. "
            + "You may still report the referral's status to the school.";

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

        static FamilyContactView from(DisclosedData.Contact c) {
            return new FamilyContactView(c.id(), c.givenName(), c.familyName(), c.relationship(), c.phone(), c.email(),
                    c.preferredLanguage(), c.preferredContactMethod());
        }
    }

    /**
     * The provider's view of a referral and the data last disclosed to it.
     *
     * @param disclosedAt when that data was disclosed (null when nothing is on record)
     */
    static ProviderReferralView from(Referral r, List<String> allowed, DisclosedData data, Instant disclosedAt, LocalDate today) {
        boolean withdrawn = r.consentWithdrawn(today);
        return new ProviderReferralView(r.id, r.status.code(), allowed, r.service.id, r.service.name, r.urgency, r.purpose,
                data.studentFirstName(), data.studentLastInitial(), data.grade(), data.language(), data.age(),
                data.needCodesOrNone(), data.sharedNotes(),
                data.familyContactsOrNone().stream().map(FamilyContactView::from).toList(),
                data.categories(), disclosedAt, r.statusReasonCode, r.firstServiceOn, r.requestedAt, r.followUpDue,
                r.acceptedAt, r.closedAt, withdrawn, withdrawn ? r.consentEndedOn(today) : null, withdrawn ? CONSENT_WITHDRAWN_NOTICE : null,
                REDISCLOSURE_NOTICE);
    }
}
