package org.studentsupport.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.database.ReadOnlyReads;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.Versioned;
import org.studentsupport.security.CallerScope;

import org.studentsupport.student.StudentScope;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.studentsupport.domain.NotFoundException;

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
        ReferralViews.Read read = access.require(id, views.school(id, access.side()), r -> r.view().studentId(),
                ReferralViews.Read::basis);
        return Versioned.of(read.view(), read.version());
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
        return Page.of(views.provider(found), page, total);
    }

    private static Map<String, Object> withOpen(Map<String, Object> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("open", List.copyOf(ReferralStatus.OPEN));
        return all;
    }

    @Transactional
    public Versioned<ProviderReferralView> providerGet(UUID id) {
        return ReadOnlyReads.of(referrals.getEntityManager(), () -> {
            Referral referral = access.require(id);
            return Versioned.of(views.provider(referral), referral.version);
        });
    }

    /** The referral as a FHIR collection Bundle (full URLs under {@code base}), the same for both sides. */
    @Transactional
    public Bundle fhir(UUID id, String base) {
        return views.fhir(access.require(id)).bundle(base);
    }

    /** The referral's Task; a draft has none (404, as for a referral out of reach). */
    @Transactional
    public Versioned<Task> fhirTask(UUID id) {
        Referral referral = access.require(id);
        ReferralFhir fhir = views.fhir(referral);
        if (!fhir.hasTask()) {
            throw new NotFoundException("Task " + id);
        }
        return Versioned.of(fhir.task(), referral.version);
    }

    /**
     * The Tasks the caller may see that match, newest change first, with the resources they reference
     * (once each), so that every reference of the page resolves within it. Audited with the students found.
     */
    @Transactional
    public FhirTaskPage fhirTasks(FhirTaskSearch search) {
        // The scope filter keeps a provider to what was sent to its organization; drafts have no Task.
        List<String> where = new ArrayList<>(List.of("status <> :draft"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("draft", ReferralStatus.DRAFT);
        if (!search.statuses().isEmpty()) {
            where.add("status in :statuses");
            params.put("statuses", search.statuses());
        }
        if (search.focus() != null) {
            where.add("id = :focus");
            params.put("focus", search.focus());
        }
        if (search.owner() != null) {
            where.add("organizationId = :owner");
            params.put("owner", search.owner());
        }
        if (search.updatedFrom() != null) {
            where.add("updatedAt " + (search.fromInclusive() ? ">=" : ">") + " :from");
            params.put("from", search.updatedFrom());
        }
        if (search.updatedUntil() != null) {
            where.add("updatedAt " + (search.untilInclusive() ? "<=" : "<") + " :until");
            params.put("until", search.updatedUntil());
        }
        String filter = String.join(" and ", where);
        long total = referrals.count(filter, params);
        List<Referral> found = referrals.find(filter + " order by updatedAt desc, id", params)
                .range(search.offset(), search.offset() + search.count() - 1).list();
        audit.students(found.stream().map(r -> r.student.id).toList());
        List<Resource> matches = new ArrayList<>();
        Map<String, Resource> included = new LinkedHashMap<>();
        for (Referral referral : found) {
            List<Resource> resources = views.fhir(referral).resources();
            matches.add(resources.get(0));
            for (Resource resource : resources.subList(1, resources.size())) {
                included.putIfAbsent(resource.fhirType() + "/" + resource.getIdPart(), resource);
            }
        }
        return new FhirTaskPage(total, matches, List.copyOf(included.values()));
    }

    /** One page of a Task search: how many match in all, the Tasks, and what they reference. */
    public record FhirTaskPage(long total, List<Resource> tasks, List<Resource> included) {
    }
}
