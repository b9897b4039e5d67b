package org.studentsupport.consent;

import java.util.List;
import java.util.UUID;

/**
 * Implemented by the feature whose records rely on consents (referrals), so that revoking a consent
 * can flag them without this feature depending on that one.
 */
public interface ConsentDependents {

    /** Flags the open records relying on the consent; returns their ids. */
    List<UUID> flagOpenRelyingOn(UUID consentId);

    /** The ids of the open records relying on the consent. */
    List<UUID> openRelyingOn(UUID consentId);
}
