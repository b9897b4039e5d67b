package org.studentsupport.referral;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.consent.Consent;

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

    /** The columns {@link #fromColumns} reads, in order (HQL over {@code Referral r}, its student, service, organization, consent). */
    static final String COLUMNS = "r.id, st.id, st.givenName, st.familyName, r.schoolId, sv.id, sv.name, r.organizationId, o.name, r.status,"
            + " r.purpose, r.reasonCodes, r.reasonText, r.urgency, r.sharedCategories, r.internalNotes, r.sharedNotes, c.id,"
            + " r.emergency, r.emergencyThreat, r.emergencyPartiesInformed, r.consentRevoked, c.revokedOn, c.expiresOn,"
            + " r.statusReasonCode, r.statusReasonText, r.firstServiceOn, r.requestedAt, r.acceptedAt, r.closedAt, r.lastDisclosedAt,"
            + " r.followUpDue, r.reroutedFromId, r.reroutedToId, r.author, r.createdAt, r.version";

    /** The same view as {@link #from}, from the {@link #COLUMNS} of the referral's row. */
    @SuppressWarnings("unchecked")
    static ReferralView fromColumns(Object[] c, Set<UUID> familyContactIds, Set<ReferralStatus> allowed, List<TransitionView> history,
                                    LocalDate today) {
        ReferralStatus status = (ReferralStatus) c[9];
        boolean emergency = (Boolean) c[18];
        LocalDate consentEndedOn = c[17] == null ? null : Consent.endedOn((LocalDate) c[22], (LocalDate) c[23], today);
        LocalDate due = (LocalDate) c[31];
        return new ReferralView((UUID) c[0], (UUID) c[1], c[2] + " " + c[3], (UUID) c[4], (UUID) c[5], (String) c[6], (UUID) c[7],
                (String) c[8], status.code(), allowed.stream().map(ReferralStatus::code).toList(), (String) c[10], (List<String>) c[11],
                (String) c[12], (String) c[13], (List<String>) c[14], (String) c[15], (String) c[16], Set.copyOf(familyContactIds),
                (UUID) c[17], emergency ? new EmergencyBasis((String) c[19], (String) c[20]) : null,
                (Boolean) c[21] || consentEndedOn != null, consentEndedOn, (String) c[24], (String) c[25], (LocalDate) c[26],
                (Instant) c[27], (Instant) c[28], (Instant) c[29], (Instant) c[30], due, FollowUp.isOverdue(status, due, today),
                (UUID) c[32], (UUID) c[33], (String) c[34], (Instant) c[35], history);
    }

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
