package org.studentsupport.referral;

import org.studentsupport.consent.Consent;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a draft says, checked ({@link DraftRules} makes it from a form): the family members included,
 * the needs, the urgency, the purpose and the data shared, the notes, and what the disclosure will rely
 * on (a consent of the student, or the emergency exception, or not yet either).
 */
public record DraftContent(
        Set<UUID> familyContactIds,
        List<String> reasonCodes,
        String reasonText,
        String urgency,
        String purpose,
        List<String> sharedCategories,
        String internalNotes,
        String sharedNotes,
        Consent consent,
        EmergencyBasis emergency) {

    public DraftContent {
        familyContactIds = familyContactIds == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(familyContactIds));
        reasonCodes = List.copyOf(new LinkedHashSet<>(reasonCodes));
        sharedCategories = List.copyOf(new LinkedHashSet<>(sharedCategories));
        urgency = urgency == null ? "routine" : urgency;
    }

    /** The same content relying on another consent (and not on the emergency exception). */
    public DraftContent withConsent(Consent basis) {
        return new DraftContent(familyContactIds, reasonCodes, reasonText, urgency, purpose, sharedCategories, internalNotes,
                sharedNotes, basis, null);
    }

    /** The same content with other shared notes. */
    public DraftContent withSharedNotes(String notes) {
        return new DraftContent(familyContactIds, reasonCodes, reasonText, urgency, purpose, sharedCategories, internalNotes,
                notes, consent, emergency);
    }
}
