package org.studentsupport.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.Versioned;
import org.studentsupport.security.CallerScope;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading referrals: one referral, the school's follow-through list, the provider's queue, the FHIR shape. */
@ApplicationScoped
public class ReferralQueries {

    private final ReferralRepository referrals;
    private final ReferralAccess access;
    private final ReferralViews views;
    private final CallerScope caller;
    private final AuditTrail audit;

    public ReferralQueries(ReferralRepository referrals, ReferralAccess access, ReferralViews views,
                           CallerScope caller, AuditTrail audit) {
        this.referrals = referrals;
        this.access = access;
        this.views = views;
        this.caller = caller;
        this.audit = audit;
    }

    @Transactional
    public Versioned<ReferralView> get(UUID id) {
        Referral referral = access.require(id);
        return Versioned.of(views.school(referral, access.side()), referral.version);
    }

    /**
     * The follow-through list: by default the open referrals of the caller's schools, overdue ones
     * first, then by follow-up date; or those in one status.
     */
    @Transactional
    public Page<ReferralListItem> list(String status, UUID studentId, PageRequest page) {
        LocalDate today = LocalDate.now();
        List<ReferralStatus> statuses = status == null ? List.copyOf(ReferralStatus.OPEN) : List.of(ReferralStatus.fromCode(status));
        // The scope filter keeps the list to the caller's schools.
        String where = "status in :statuses" + (studentId == null ? "" : " and student.id = :student");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("statuses", statuses);
        if (studentId != null) {
            params.put("student", studentId);
        }
        long total = referrals.count(where, params);
        params.put("today", today);
        List<ReferralListItem> items = referrals.find(where + " order by case when followUpDue < :today then 0 else 1 end, "
                        + "followUpDue asc nulls last, id", params)
                .page(page.page() - 1, page.size()).list().stream().map(r -> ReferralListItem.from(r, today)).toList();
        return Page.of(items, page, total);
    }

    /** The provider's queue: the referrals sent to the caller's organization, open ones first. */
    @Transactional
    public Page<ProviderReferralView> providerQueue(PageRequest page) {
        UUID organization = caller.organizationId().orElse(null);
        if (organization == null) {
            return Page.of(List.of(), page, 0);
        }
        // The scope filter shows a provider only the referrals sent to its organization.
        long total = referrals.count();
        List<Referral> found = referrals.find("order by case when status in ?1 then 0 else 1 end, followUpDue asc nulls last, id",
                List.copyOf(ReferralStatus.OPEN)).page(page.page() - 1, page.size()).list();
        audit.object("provider-referral-queue", organization).students(found.stream().map(r -> r.student.id).toList());
        return Page.of(found.stream().map(views::provider).toList(), page, total);
    }

    @Transactional
    public Versioned<ProviderReferralView> providerGet(UUID id) {
        Referral referral = access.require(id);
        return Versioned.of(views.provider(referral), referral.version);
    }

    @Transactional
    public FhirReferral fhir(UUID id) {
        ActorSide side = access.side();
        Referral referral = access.require(id);
        return FhirReferral.of(referral, side == ActorSide.SCHOOL);
    }
}
