package org.studentsupport.referral;

import jakarta.enterprise.context.ApplicationScoped;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.ScopedLookup;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

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
        reached(referral.student.id, referral.basis());
        return referral;
    }

    /**
     * A referral read as columns through the scope filter (no entity): the row, recorded in the audit trail as
     * {@link #require} does, or the same 404 (and denial) when the query found none.
     */
    <T> T require(UUID id, Optional<T> row, Function<T, UUID> student, Function<T, String> basis) {
        T found = row.orElseThrow(() -> lookup.notFound(Referral.class, id, "Referral " + id));
        reached(student.apply(found), basis.apply(found));
        return found;
    }

    private void reached(UUID studentId, String basis) {
        // The object is the referral named by the call (@Audited); what only the row knows is added here.
        audit.student(studentId).purpose(basis);
    }
}
