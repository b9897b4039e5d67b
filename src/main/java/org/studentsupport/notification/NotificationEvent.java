package org.studentsupport.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * Something a provider or a coordinator should be told of, as the feature where it happened describes
 * it: ids only (a receiver reads the rest through the API it is entitled to), no student data.
 *
 * @param organizationId   the provider organization the referral was sent to
 * @param districtId       the district (sourcedId) of the referral's school
 * @param dedupeKey        one event per fact: a second event with the key is dropped
 * @param waitingCount     for the provider's e-mail: referrals waiting for it to answer
 * @param providerEmail    the provider's intake address, when it has one
 * @param coordinatorEmail the address of the coordinator who sent the referral, when known
 */
public record NotificationEvent(Kind kind, UUID referralId, UUID organizationId, String districtId, Instant occurredAt,
                                String dedupeKey, long waitingCount, String providerEmail, String coordinatorEmail) {

    public enum Kind {
        REFERRAL_SENT("referral.sent", true, false),
        REFERRAL_ACCEPTED("referral.accepted", false, true),
        REFERRAL_REJECTED("referral.rejected", false, true),
        REFERRAL_COMPLETED("referral.completed", false, true),
        REFERRAL_OVERDUE("referral.overdue", true, true),
        CONSENT_REVOKED("consent.revoked", true, true);

        private final String code;
        private final boolean toProvider;
        private final boolean toCoordinator;

        Kind(String code, boolean toProvider, boolean toCoordinator) {
            this.code = code;
            this.toProvider = toProvider;
            this.toCoordinator = toCoordinator;
        }

        public String code() {
            return code;
        }

        /** Whether the provider's intake address gets an e-mail of it. */
        boolean mailsProvider() {
            return toProvider;
        }

        /** Whether the coordinator gets an e-mail of it. */
        boolean mailsCoordinator() {
            return toCoordinator;
        }
    }
}
