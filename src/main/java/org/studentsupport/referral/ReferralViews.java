package org.studentsupport.referral;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.studentsupport.disclosure.Disclosure;
import org.studentsupport.disclosure.DisclosureService;
import org.studentsupport.security.CallerScope;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A referral as each side sees it: the school's full view with its history, the provider's minimum necessary. */
@ApplicationScoped
public class ReferralViews {

    static final int HISTORY_LIMIT = 200;

    private final CallerScope caller;
    private final DisclosureService disclosures;
    private final ReferralPseudonyms pseudonyms;

    public ReferralViews(CallerScope caller, DisclosureService disclosures, ReferralPseudonyms pseudonyms) {
        this.caller = caller;
        this.disclosures = disclosures;
        this.pseudonyms = pseudonyms;
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

    /** The school's view of a referral written in this transaction: nothing has moved it yet, so there is no history to read. */
    ReferralView newDraft(Referral referral) {
        return ReferralView.from(referral, caller.isCoordinator() ? referral.status.allowedFor(ActorSide.SCHOOL) : Set.of(), List.of(),
                LocalDate.now());
    }

    /** The provider's view, from the data last disclosed to it: never the student's live record. */
    ProviderReferralView provider(Referral referral) {
        List<String> allowed = ReferralStatus.codes(referral.status.allowedFor(ActorSide.PROVIDER));
        Optional<Disclosure> latest = disclosures.latestFor(referral.id);
        return ProviderReferralView.from(referral, allowed, snapshot(referral, latest),
                latest.map(Disclosure::disclosedAt).orElse(null), LocalDate.now());
    }

    /**
     * The referral as FHIR resources, for either side alike: what was disclosed to the provider (a draft:
     * nothing yet), the student known by the provider's pseudonym.
     */
    ReferralFhir fhir(Referral referral) {
        return new ReferralFhir(referral, snapshot(referral, disclosures.latestFor(referral.id)), pseudonyms.of(referral),
                LocalDate.now());
    }

    /** The data of the referral last disclosed to its provider (no field of the record when none was kept). */
    private static DisclosedData snapshot(Referral referral, Optional<Disclosure> latest) {
        return latest.filter(d -> d.snapshot() != null).map(d -> DisclosedData.fromJson(d.snapshot()))
                .orElseGet(() -> DisclosedData.notKept(referral.sharedCategories));
    }
}
