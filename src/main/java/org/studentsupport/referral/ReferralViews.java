package org.studentsupport.referral;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.studentsupport.security.CallerScope;
import org.studentsupport.student.StudentContact;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A referral as each side sees it: the school's full view with its history, the provider's minimum necessary. */
@ApplicationScoped
public class ReferralViews {

    static final int HISTORY_LIMIT = 200;

    private final CallerScope caller;

    public ReferralViews(CallerScope caller) {
        this.caller = caller;
    }

    /** What the caller's side sees: the school's view or the provider's. */
    Object forSide(Referral referral, ActorSide side) {
        return side == ActorSide.PROVIDER ? provider(referral) : school(referral, side);
    }

    ReferralView school(Referral referral, ActorSide side) {
        List<TransitionView> history = Panache.getEntityManager()
                .createQuery("select t from ReferralTransition t where t.referral.id = :r order by t.at, t.id", ReferralTransition.class)
                .setParameter("r", referral.id).setMaxResults(HISTORY_LIMIT).getResultList()
                .stream().map(TransitionView::from).toList();
        Set<ReferralStatus> allowed = caller.isCoordinator() ? referral.status.allowedFor(side) : Set.of();
        return ReferralView.from(referral, allowed, history, LocalDate.now());
    }

    ProviderReferralView provider(Referral referral) {
        List<StudentContact> contacts = referral.familyContactIds.isEmpty() ? List.of()
                : Panache.getEntityManager().createQuery("select sc from StudentContact sc where sc.student.id = :s "
                        + "and sc.contact.id in :c order by sc.contact.familyName, sc.contact.id", StudentContact.class)
                .setParameter("s", referral.student.id).setParameter("c", referral.familyContactIds).getResultList();
        List<String> allowed = ReferralStatus.codes(referral.status.allowedFor(ActorSide.PROVIDER));
        return ProviderReferralView.from(referral, allowed, contacts, LocalDate.now());
    }
}
