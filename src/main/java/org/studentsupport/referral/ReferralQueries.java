package org.studentsupport.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.Versioned;
import org.studentsupport.security.CallerScope;

import org.studentsupport.student.StudentScope;

import java.time.LocalDate;
import java.util.ArrayList;
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
    private final StudentScope studentScope;

    public ReferralQueries(ReferralRepository referrals, ReferralAccess access, ReferralViews views,
                           CallerScope caller, AuditTrail audit, StudentScope studentScope) {
        this.studentScope = studentScope;
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
     * The follow-through list: the referrals of the caller's schools in every status (or in the given
     * ones), overdue ones first, then by follow-up date; of one student when named (404 when the
     * student is outside the caller's scope, as everywhere else). Audited with the students listed.
     */
    @Transactional
    public Page<ReferralListItem> list(List<ReferralStatus> statuses, UUID studentId, PageRequest page) {
        LocalDate today = LocalDate.now();
        // The scope filter keeps the list to the caller's schools.
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        if (!statuses.isEmpty()) {
            where.add("status in :statuses");
            params.put("statuses", statuses);
        }
        if (studentId != null) {
            where.add("student.id = :student");
            params.put("student", studentScope.require(studentId).id);
        }
        String filter = where.isEmpty() ? "" : String.join(" and ", where);
        long total = referrals.count(filter, params);
        params.put("today", today);
        List<Referral> found = referrals.find((filter.isEmpty() ? "" : filter + " ")
                        + "order by case when followUpDue < :today and status in :open then 0 else 1 end, "
                        + "followUpDue asc nulls last, id", withOpen(params))
                .page(page.page() - 1, page.size()).list();
        audit.students(found.stream().map(r -> r.student.id).toList());
        return Page.of(found.stream().map(r -> ReferralListItem.from(r, today)).toList(), page, total);
    }

    /** The provider's queue: the referrals sent to the caller's organization (in the given statuses), open ones first. */
    @Transactional
    public Page<ProviderReferralView> providerQueue(List<ReferralStatus> statuses, PageRequest page) {
        if (caller.organizationId().isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        // The scope filter shows a provider only the referrals sent to its organization.
        String filter = statuses.isEmpty() ? "" : "status in :statuses";
        Map<String, Object> params = new LinkedHashMap<>();
        if (!statuses.isEmpty()) {
            params.put("statuses", statuses);
        }
        long total = referrals.count(filter, params);
        List<Referral> found = referrals.find((filter.isEmpty() ? "" : filter + " ")
                        + "order by case when status in :open then 0 else 1 end, followUpDue asc nulls last, id", withOpen(params))
                .page(page.page() - 1, page.size()).list();
        audit.students(found.stream().map(r -> r.student.id).toList());
        return Page.of(found.stream().map(views::provider).toList(), page, total);
    }

    private static Map<String, Object> withOpen(Map<String, Object> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("open", List.copyOf(ReferralStatus.OPEN));
        return all;
    }

    @Transactional
    public Versioned<ProviderReferralView> providerGet(UUID id) {
        Referral referral = access.require(id);
        return Versioned.of(views.provider(referral), referral.version);
    }

    @Transactional
    public FhirReferral fhir(UUID id) {
        ActorSide side = access.side();
        return views.fhir(access.require(id), side);
    }
}
