package org.studentsupport.referral;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A referral as the school sees it: everything, with its history. */
@Schema(name = "Referral")
public record ReferralView(
        UUID id,
        UUID studentId,
        @Schema(maxLength = 511) String studentName,
        UUID schoolId,
        UUID serviceId,
        @Schema(maxLength = 255) String serviceName,
        UUID organizationId,
        @Schema(maxLength = 255) String organizationName,
        @Schema(maxLength = 20, enumeration = {"draft", "requested", "accepted", "rejected", "in-progress", "on-hold", "completed",
                "failed", "cancelled", "entered-in-error"}) String status,
        @Schema(description = "The statuses you may move it to now", maxItems = 10) List<@Size(max = 20) String> allowedNextStatuses,
        @Schema(maxLength = 40) String purpose,
        @Schema(maxItems = 20) List<@Size(max = 50) String> reasonCodes,
        @Schema(maxLength = 2000) String reasonText,
        @Schema(maxLength = 10) String urgency,
        @Schema(maxItems = 9) List<@Size(max = 40) String> sharedCategories,
        @Schema(maxLength = 4000) String internalNotes,
        @Schema(maxLength = 4000) String sharedNotes,
        @Schema(maxItems = 10) Set<UUID> familyContactIds,
        UUID consentId,
        EmergencyBasis emergency,
        @Schema(description = "The consent relied on was revoked while the referral was open, or has ended: nothing more "
                + "may be disclosed under it") boolean consentRevoked,
        @Schema(description = "The day from which that consent no longer covers disclosure (revocation date, or the day "
                + "after it expired)") LocalDate consentRevokedOn,
        @Schema(maxLength = 40) String statusReasonCode,
        @Schema(maxLength = 2000) String statusReasonText,
        LocalDate firstServiceOn,
        Instant requestedAt,
        Instant acceptedAt,
        Instant closedAt,
        @Schema(description = "When data was last disclosed to the provider (sending, or a shared update)") Instant lastDisclosedAt,
        LocalDate followUpDue,
        boolean overdue,
        UUID reroutedFromId,
        UUID reroutedToId,
        @Schema(maxLength = 255) String author,
        Instant createdAt,
        @Schema(description = "Every transition, oldest first (at most 200)", maxItems = 200) List<TransitionView> history) {

    public static ReferralView from(Referral r, Set<ReferralStatus> allowed, List<TransitionView> history, LocalDate today) {
        return new ReferralView(r.id, r.student.id, r.student.givenName + " " + r.student.familyName, r.schoolId,
                r.service.id, r.service.name, r.organizationId, r.service.organization.name, r.status.code(),
                allowed.stream().map(ReferralStatus::code).toList(), r.purpose, r.reasonCodes, r.reasonText, r.urgency,
                r.sharedCategories, r.internalNotes, r.sharedNotes, Set.copyOf(r.familyContactIds),
                r.consent == null ? null : r.consent.id(),
                r.emergency ? new EmergencyBasis(r.emergencyThreat, r.emergencyPartiesInformed) : null,
                r.consentWithdrawn(today), r.consentEndedOn(today), r.statusReasonCode, r.statusReasonText, r.firstServiceOn,
                r.requestedAt, r.acceptedAt, r.closedAt, r.lastDisclosedAt, r.followUpDue, FollowUp.isOverdue(r.status, r.followUpDue, today), r.reroutedFromId,
                r.reroutedToId, r.author, r.createdAt, history);
    }
}
