package org.studentsupport.referral;

import jakarta.enterprise.context.ApplicationScoped;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.school.SchoolScope;
import org.studentsupport.security.CallerScope;

import java.util.UUID;

/**
 * Who may reach a referral: the school side (the coordinators and supervisors of its school) or the
 * provider it was sent to. Each lookup records the referral in the audit trail; one out of reach is a
 * 404 (and a denial), exactly as if it did not exist.
 */
@ApplicationScoped
public class ReferralAccess {

    private final ReferralRepository referrals;
    private final SchoolScope schoolScope;
    private final CallerScope caller;
    private final AuditTrail audit;

    public ReferralAccess(ReferralRepository referrals, SchoolScope schoolScope, CallerScope caller, AuditTrail audit) {
        this.referrals = referrals;
        this.schoolScope = schoolScope;
        this.caller = caller;
        this.audit = audit;
    }

    /** The side the caller acts for: providers for their organization, everyone else for the school. */
    ActorSide side() {
        return caller.isProvider() && !caller.isCoordinator() ? ActorSide.PROVIDER : ActorSide.SCHOOL;
    }

    /** A referral as the caller's side reaches it. */
    Referral require(UUID id) {
        return side() == ActorSide.PROVIDER ? requireForProvider(id) : requireForSchool(id);
    }

    /** A referral of a school the caller may see; 404 (and a denial) otherwise. */
    Referral requireForSchool(UUID id) {
        Referral referral = id == null ? null : referrals.findById(id);
        if (referral == null) {
            throw new NotFoundException("Referral " + id);
        }
        schoolScope.require(referral.schoolId, "Referral " + id);
        audit.object("referral", referral.id).student(referral.student.id).purpose(referral.basis());
        return referral;
    }

    /** A referral sent to the caller's organization; 404 (and a denial) otherwise, drafts included. */
    Referral requireForProvider(UUID id) {
        Referral referral = id == null ? null : referrals.findById(id);
        if (referral == null) {
            throw new NotFoundException("Referral " + id);
        }
        UUID organization = caller.organizationId().orElse(null);
        if (!referral.organizationId.equals(organization) || referral.requestedAt == null) {
            caller.denied();
            throw new NotFoundException("Referral " + id);
        }
        audit.object("referral", referral.id).student(referral.student.id).purpose(referral.basis());
        return referral;
    }
}
