package org.studentsupport.oversight;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.consent.ConsentView;
import org.studentsupport.disclosure.DisclosureView;
import org.studentsupport.referral.ReferralView;
import org.studentsupport.referral.TransitionView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** What was shared with whom: the family's consents, the referrals to providers and the record of disclosures. */
public final class RecordSharing {

    private RecordSharing() {
    }

    @Schema(name = "RecordConsent", description = "A written consent to share the student's records")
    public record Consent(
            @Schema(maxLength = 511) String signedBy,
            boolean signedByStudent,
            LocalDate signedOn,
            @Schema(description = "paper or electronic", maxLength = 20) String method,
            @Schema(description = "The records it lets the school share", maxItems = 20) List<@Size(max = 200) String> records,
            @Schema(description = "What for", maxItems = 20) List<@Size(max = 200) String> purposes,
            @Schema(maxLength = 1000) String purposeText,
            @Schema(description = "Who may receive them", maxLength = 255) String recipient,
            LocalDate expiresOn,
            @Schema(description = "In force, Expired, Revoked or Not yet signed, as of the export", maxLength = 20) String state,
            LocalDate revokedOn,
            @Schema(maxLength = 255) String revokedBy,
            @Schema(maxLength = 1000) String revocationNote) {

        /** {@code organizationNames} names a directory organization by its id. */
        static Consent from(ConsentView c, Function<UUID, String> organizationNames) {
            String recipient = c.recipientOrganizationId() != null ? organizationNames.apply(c.recipientOrganizationId())
                    : RecordLabels.recipientClass(c.recipientClass());
            return new Consent(c.signerName(), c.signedByStudent(), c.signedOn(), c.method(), RecordLabels.categories(c.dataCategories()),
                    RecordLabels.purposes(c.purposes()), c.purposeText(), recipient, c.expiresOn(), RecordLabels.plain(c.state()),
                    c.revokedOn(), c.revokedBy(), c.revocationNote());
        }
    }

    @Schema(name = "RecordReferral", description = "A referral of the student to a provider's service, with its history")
    public record Referral(
            @Schema(maxLength = 255) String service,
            @Schema(maxLength = 255) String organization,
            @Schema(maxLength = 60) String status,
            @Schema(maxLength = 200) String purpose,
            @Schema(description = "The needs it answers", maxItems = 20) List<@Size(max = 255) String> reasons,
            @Schema(maxLength = 2000) String reasonText,
            @Schema(maxLength = 10) String urgency,
            @Schema(description = "The records it shares with the provider", maxItems = 20) List<@Size(max = 200) String> informationShared,
            @Schema(description = "Notes shared with the provider", maxLength = 4000) String sharedNotes,
            @Schema(description = "The school's own notes", maxLength = 4000) String internalNotes,
            @Schema(description = "Why the school may share: the consent it relies on, or the emergency", maxLength = 200) String basis,
            @Schema(description = "For an emergency: the threat", maxLength = 2000) String emergencyThreat,
            @Schema(description = "For an emergency: the parties informed", maxLength = 1000) String emergencyPartiesInformed,
            @Schema(description = "The consent was revoked while the referral was open") boolean consentRevoked,
            @Schema(maxLength = 60) String statusReason,
            @Schema(maxLength = 2000) String statusReasonText,
            LocalDate firstServiceOn,
            Instant createdAt,
            Instant requestedAt,
            Instant acceptedAt,
            Instant closedAt,
            LocalDate followUpDue,
            @Schema(maxLength = 255) String author,
            @Schema(description = "Every change of status, oldest first", maxItems = 10000) List<Step> history) {

        /** {@code consents} gives each consent's signing date; {@code codeLabels} the review code list (see {@link RecordLabels#need}). */
        static Referral from(ReferralView r, Map<UUID, LocalDate> consents, Map<String, String> codeLabels) {
            String basis = r.emergency() != null ? RecordLabels.of("health-or-safety-emergency")
                    : r.consentId() == null ? null : "Written consent signed " + consents.get(r.consentId());
            return new Referral(r.serviceName(), r.organizationName(), RecordLabels.referralStatus(r.status()),
                    RecordLabels.purpose(r.purpose()), r.reasonCodes().stream().map(c -> RecordLabels.need(c, codeLabels)).toList(),
                    r.reasonText(), r.urgency(), RecordLabels.categories(r.sharedCategories()), r.sharedNotes(), r.internalNotes(), basis,
                    r.emergency() == null ? null : r.emergency().threat(),
                    r.emergency() == null ? null : r.emergency().partiesInformed(), r.consentRevoked(),
                    r.statusReasonCode() == null ? null : RecordLabels.of(r.statusReasonCode()), r.statusReasonText(),
                    r.firstServiceOn(), r.createdAt(), r.requestedAt(), r.acceptedAt(), r.closedAt(), r.followUpDue(), r.author(),
                    r.history().stream().map(Step::from).toList());
        }
    }

    @Schema(name = "RecordReferralStep", description = "One change of a referral's status")
    public record Step(
            Instant at,
            @Schema(maxLength = 60) String from,
            @Schema(maxLength = 60) String to,
            @Schema(description = "Who made the change", maxLength = 255) String by,
            @Schema(description = "school or provider", maxLength = 10) String side,
            @Schema(maxLength = 60) String reason,
            @Schema(maxLength = 2000) String reasonText,
            LocalDate firstServiceOn,
            @Schema(maxLength = 2000) String note) {

        static Step from(TransitionView t) {
            return new Step(t.at(), RecordLabels.referralStatus(t.from()), RecordLabels.referralStatus(t.to()), t.actor(), t.actorSide(),
                    t.reasonCode() == null ? null : RecordLabels.of(t.reasonCode()), t.reasonText(), t.firstServiceOn(), t.note());
        }
    }

    @Schema(name = "RecordDisclosure", description = "One disclosure of the student's records to a party outside the school (FERPA 99.32)")
    public record Disclosure(
            Instant disclosedAt,
            @Schema(description = "Who received the records", maxLength = 255) String party,
            @Schema(description = "Why: its legitimate interest", maxLength = 1100) String legitimateInterest,
            @Schema(description = "Which records", maxItems = 20) List<@Size(max = 200) String> recordsDisclosed,
            @Schema(description = "On what basis", maxLength = 60) String basis,
            @Schema(description = "For consent: the day the consent was signed") LocalDate consentSignedOn,
            @Schema(description = "For an emergency: the threat", maxLength = 2000) String threat,
            @Schema(description = "For an emergency: the parties informed", maxLength = 1000) String partiesInformed,
            @Schema(description = "The school official who disclosed them", maxLength = 255) String official,
            @Schema(description = "When: at the referral's sending, or an update shared later", maxLength = 60) String occasion,
            @Schema(description = "What the school said when sharing an update", maxLength = 2000) String note,
            @Schema(description = "Exactly the data that was sent, as it was then; empty for entries made before it was kept",
                    type = SchemaType.OBJECT) Map<String, Object> dataSent) {

        static Disclosure from(DisclosureView d, Map<UUID, LocalDate> consents) {
            return new Disclosure(d.disclosedAt(), d.partyName(), d.legitimateInterestDescription(), d.dataDisclosed(),
                    RecordLabels.of(d.basis()), d.consentId() == null ? null : consents.get(d.consentId()), d.threat(),
                    d.partiesInformed(), d.official(), d.occasion() == null ? null : RecordLabels.of(d.occasion()), d.note(),
                    d.dataSent() == null ? Map.of() : withoutRowIds(d.dataSent()));
        }

        /** The data sent, less the row ids it carries for the provider's system: a family gains nothing from them. */
        @SuppressWarnings("unchecked")
        private static Map<String, Object> withoutRowIds(Map<String, Object> data) {
            Map<String, Object> plain = new java.util.LinkedHashMap<>();
            data.forEach((key, value) -> {
                if (!"id".equals(key)) {
                    plain.put(key, value instanceof Map<?, ?> map ? withoutRowIds((Map<String, Object>) map)
                            : value instanceof List<?> list ? list.stream()
                                    .map(item -> item instanceof Map<?, ?> m ? withoutRowIds((Map<String, Object>) m) : item).toList()
                            : value);
                }
            });
            return plain;
        }
    }
}
