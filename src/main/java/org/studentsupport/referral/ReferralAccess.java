package org.studentsupport.referral;

import jakarta.enterprise.context.ApplicationScoped;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.ScopedLookup;

import java.util.UUID;

/**
 * Who may reach a referral: the school side (the coordinators and supervisors of its school) or the
 * provider it was sent to. Each lookup records the referral in the audit trail; one out of reach is a
 * 404 (and a denial), exactly as if it did not exist.
 */
@ApplicationScoped
public class ReferralAccess {

    private final ScopedLookup lookup;
    private final CallerScope caller;
    private final AuditTrail audit;

    public ReferralAccess(ScopedLookup lookup, CallerScope caller, AuditTrail audit) {
        this.lookup = lookup;
        this.caller = caller;
        this.audit = audit;
    }

    /** The side the caller acts for: providers for their organization, everyone else for the school. */
    ActorSide side() {
        return caller.isProvider() && !caller.isCoordinator() ? ActorSide.PROVIDER : ActorSide.SCHOOL;
    }

    /**
     * A referral the caller may reach: the scope filter shows the school side its schools' referrals
     * and a provider only those sent to its organization; anything else is a 404 and a denial.
     */
    Referral require(UUID id) {
        Referral referral = lookup.require(Referral.class, id, "Referral " + id);
        // The object is the referral named by the call (@Audited); what only the row knows is added here.
        audit.student(referral.student.id).purpose(referral.basis());
        return referral;
    }
}
