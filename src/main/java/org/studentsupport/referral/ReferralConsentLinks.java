package org.studentsupport.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.consent.ConsentDependents;

import java.util.List;
import java.util.UUID;

/** The open referrals relying on a consent: listed with the consent, flagged when it is revoked. */
@ApplicationScoped
public class ReferralConsentLinks implements ConsentDependents {

    private final ReferralRepository referrals;
    private final ReferralEvents events;

    public ReferralConsentLinks(ReferralRepository referrals, ReferralEvents events) {
        this.referrals = referrals;
        this.events = events;
    }

    @Override
    @Transactional
    public List<UUID> flagOpenRelyingOn(UUID consentId) {
        List<Referral> relying = referrals.list("consent.id = ?1 and status in ?2 order by id", consentId,
                List.copyOf(ReferralStatus.OPEN));
        relying.forEach(Referral::flagConsentRevoked);
        java.time.Instant now = java.time.Instant.now();
        relying.forEach(r -> events.consentRevoked(r, now));
        return relying.stream().map(r -> r.id).toList();
    }

    @Override
    @Transactional
    public List<UUID> openRelyingOn(UUID consentId) {
        return referrals.find("consent.id = ?1 and status in ?2 order by id", consentId, List.copyOf(ReferralStatus.OPEN))
                .page(0, 1000).list().stream().map(r -> r.id).toList();
    }
}
