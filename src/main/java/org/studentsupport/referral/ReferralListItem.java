package org.studentsupport.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of the coordinator's follow-through list. */
@Schema(name = "ReferralListItem")
public record ReferralListItem(
        UUID id,
        UUID studentId,
        @Schema(maxLength = 511) String studentName,
        UUID schoolId,
        @Schema(maxLength = 255) String serviceName,
        @Schema(maxLength = 255) String organizationName,
        @Schema(maxLength = 20) String status,
        @Schema(maxLength = 10) String urgency,
        LocalDate followUpDue,
        boolean overdue,
        @Schema(description = "The consent relied on was revoked (or has ended): follow up with the family and the provider")
        boolean consentRevoked,
        @Schema(description = "The day from which that consent no longer covers disclosure") LocalDate consentRevokedOn,
        @Schema(maxLength = 255) String author,
        Instant createdAt) {

    public static ReferralListItem from(Referral r, LocalDate today) {
        return new ReferralListItem(r.id, r.student.id, r.student.givenName + " " + r.student.familyName, r.schoolId,
                r.service.name, r.service.organization.name, r.status.code(), r.urgency, r.followUpDue,
                FollowUp.isOverdue(r.status, r.followUpDue, today), r.consentWithdrawn(today), r.consentEndedOn(today),
                r.author, r.createdAt);
    }
}
