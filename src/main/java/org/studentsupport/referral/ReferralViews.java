package org.studentsupport.referral;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.studentsupport.disclosure.Disclosure;
import org.studentsupport.disclosure.DisclosureService;
import org.studentsupport.security.CallerScope;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
        Set<ReferralStatus> allowed = caller.isCoordinator() ? referral.status.allowedFor(side) : Set.of();
        return ReferralView.from(referral, allowed, history(referral.id), LocalDate.now());
    }

    /**
     * The school's view of a referral read as columns (no entities: the view only reads), through the scope
     * filter; empty when the caller cannot reach it.
     */
    Optional<Read> school(UUID id, ActorSide side) {
        EntityManager em = Panache.getEntityManager();
        List<Object[]> rows = em.createQuery("select " + ReferralView.COLUMNS + " from Referral r join r.student st"
                        + " join r.service sv join sv.organization o left join r.consent c where r.id = :id", Object[].class)
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        Set<UUID> family = Set.copyOf(em.createQuery("select f from Referral r join r.familyContactIds f where r.id = :id", UUID.class)
                .setParameter("id", id).getResultList());
        ReferralStatus status = (ReferralStatus) row[9];
        Set<ReferralStatus> allowed = caller.isCoordinator() ? status.allowedFor(side) : Set.of();
        ReferralView view = ReferralView.fromColumns(row, family, allowed, history(id), LocalDate.now());
        return Optional.of(new Read(view, (Long) row[36], Referral.basis((Boolean) row[18], view.consentId())));
    }

    /** A referral's view as read, with its version and the legal basis of its disclosure (for the audit trail). */
    record Read(ReferralView view, long version, String basis) {
    }

    /**
     * The referral's moves, oldest first, for a referral the caller has reached in this transaction. Read in SQL
     * past the scope filter: a move is visible with its referral, and the filter's condition on the history table
     * (the ids of every referral of the caller's schools) would cost a scan of the schools' referrals per read.
     */
    @SuppressWarnings("unchecked")
    private static List<TransitionView> history(UUID referralId) {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("SELECT id, from_status, to_status, actor, actor_side, at,"
                        + " reason_code, reason_text, first_service_on, note FROM referral_transition WHERE referral_id = ?1"
                        + " ORDER BY at, id LIMIT " + HISTORY_LIMIT)
                .setParameter(1, referralId).getResultList();
        return rows.stream().map(t -> new TransitionView((UUID) t[0], (String) t[1], (String) t[2], (String) t[3], (String) t[4],
                instant(t[5]), (String) t[6], (String) t[7], date(t[8]), (String) t[9])).toList();
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }

    /** The school's view of a referral written in this transaction: nothing has moved it yet, so there is no history to read. */
    ReferralView newDraft(Referral referral) {
        return ReferralView.from(referral, caller.isCoordinator() ? referral.status.allowedFor(ActorSide.SCHOOL) : Set.of(), List.of(),
                LocalDate.now());
    }

    /** The provider's view, from the data last disclosed to it: never the student's live record. */
    ProviderReferralView provider(Referral referral) {
        return provider(referral, disclosures.latestFor(referral.id));
    }

    /** The provider's views of a page of referrals, their latest disclosures read in one query. */
    List<ProviderReferralView> provider(List<Referral> page) {
        Map<UUID, Disclosure> latest = disclosures.latestFor(page.stream().map(r -> r.id).toList());
        return page.stream().map(r -> provider(r, Optional.ofNullable(latest.get(r.id)))).toList();
    }

    private static ProviderReferralView provider(Referral referral, Optional<Disclosure> latest) {
        List<String> allowed = ReferralStatus.codes(referral.status.allowedFor(ActorSide.PROVIDER));
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
