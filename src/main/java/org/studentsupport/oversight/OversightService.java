package org.studentsupport.oversight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.studentsupport.school.SchoolScope;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Follow-through reports over referrals, always within the schools the caller may see (a
 * supervisor's district, a coordinator's schools), computed in PostgreSQL.
 */
@ApplicationScoped
public class OversightService {

    static final List<String> STATUSES = List.of("requested", "accepted", "rejected", "in-progress", "on-hold",
            "completed", "failed", "cancelled");
    static final String OPEN = "('requested', 'accepted', 'in-progress', 'on-hold')";
    static final String CLOSED = "('rejected', 'completed', 'failed', 'cancelled')";
    /** The most rows a CSV export of a list holds. */
    public static final int MAX_EXPORT_ROWS = 100_000;

    private final EntityManager em;
    private final SchoolScope scope;

    public OversightService(EntityManager em, SchoolScope scope) {
        this.em = em;
        this.scope = scope;
    }

    @Transactional
    public FollowThroughReport followThrough(ReportPeriod period) {
        String[] group = switch (period.groupBy) {
            case "coordinator" -> new String[]{"r.author", "r.author"};
            case "provider" -> new String[]{"CAST(r.organization_id AS text)", "o.name"};
            default -> new String[]{"CAST(r.school_id AS text)", "s.name"};
        };
        String from = " FROM referral r JOIN school s ON s.id = r.school_id JOIN dir_organization o ON o.id = r.organization_id"
                + " WHERE r.school_id = ANY(CAST(?1 AS uuid[])) AND r.requested_at IS NOT NULL"
                + " AND r.requested_at >= CAST(?2 AS date) AND r.requested_at < CAST(?3 AS date) + 1";
        Query summary = em.createNativeQuery("SELECT " + group[0] + " AS gid, min(" + group[1] + ") AS gname, count(*),"
                + " count(*) FILTER (WHERE r.status IN " + OPEN + " AND r.follow_up_due < current_date),"
                + days("extract(epoch FROM r.accepted_at - r.requested_at) / 86400")
                + days("(r.first_service_on - CAST(r.requested_at AT TIME ZONE 'UTC' AS date))")
                + days("extract(epoch FROM r.closed_at - r.requested_at) / 86400")
                + " count(*) FILTER (WHERE r.status IN " + CLOSED + "),"
                + " count(*) FILTER (WHERE r.status IN " + CLOSED + " AND r.status_reason_code IS NOT NULL)"
                + from + " GROUP BY 1 ORDER BY 2, 1");
        Query byStatus = em.createNativeQuery("SELECT " + group[0] + ", r.status, count(*)" + from + " GROUP BY 1, 2");
        for (Query q : List.of(summary, byStatus)) {
            q.setParameter(1, visibleSchools()).setParameter(2, period.fromOrDefault()).setParameter(3, period.toOrDefault());
        }
        Map<String, Map<String, Integer>> statusCounts = new LinkedHashMap<>();
        for (Object row : byStatus.getResultList()) {
            Object[] r = (Object[]) row;
            statusCounts.computeIfAbsent((String) r[0], k -> emptyStatusCounts()).put((String) r[1], ((Number) r[2]).intValue());
        }
        List<FollowThroughRow> rows = new ArrayList<>();
        for (Object row : summary.getResultList()) {
            Object[] r = (Object[]) row;
            int closed = ((Number) r[10]).intValue();
            int withOutcome = ((Number) r[11]).intValue();
            rows.add(new FollowThroughRow(period.groupBy, (String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                    StatusCounts.of(statusCounts.getOrDefault((String) r[0], emptyStatusCounts())), ((Number) r[3]).intValue(),
                    number(r[4]), number(r[5]), number(r[6]), number(r[7]), number(r[8]), number(r[9]),
                    closed, closed == 0 ? null : (double) withOutcome / closed));
        }
        return new FollowThroughReport(period.fromOrDefault(), period.toOrDefault(), period.groupBy, rows);
    }

    /** Open referrals past their follow-up date, the longest overdue first. */
    @Transactional
    public Page<StalledReferral> overdue(PageRequest page) {
        return openReferrals("r.follow_up_due < current_date", "r.follow_up_due, r.id", page, null);
    }

    /** Open referrals with no transition for at least {@code days} days, the longest quiet first. */
    @Transactional
    public Page<StalledReferral> stalled(int days, PageRequest page) {
        return openReferrals("last_at < now() - make_interval(days => CAST(?2 AS int))", "last_at, r.id", page, days);
    }

    private Page<StalledReferral> openReferrals(String condition, String order, PageRequest page, Integer days) {
        String base = " FROM (SELECT r.*, (SELECT max(t.at) FROM referral_transition t WHERE t.referral_id = r.id) AS last_at"
                + " FROM referral r WHERE r.school_id = ANY(CAST(?1 AS uuid[])) AND r.status IN " + OPEN + ") r"
                + " JOIN school s ON s.id = r.school_id JOIN dir_organization o ON o.id = r.organization_id"
                + " WHERE " + condition;
        Query count = em.createNativeQuery("SELECT count(*)" + base);
        Query rows = em.createNativeQuery("SELECT r.id, r.student_id, r.school_id, s.name, r.organization_id, o.name, r.status,"
                + " r.author, r.last_at, r.follow_up_due" + base + " ORDER BY " + order);
        for (Query q : List.of(count, rows)) {
            q.setParameter(1, visibleSchools());
            if (days != null) {
                q.setParameter(2, days);
            }
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<StalledReferral> items = new ArrayList<>();
        LocalDate today = LocalDate.now();
        Instant now = Instant.now();
        for (Object row : rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()) {
            Object[] r = (Object[]) row;
            Instant last = instant(r[8]);
            LocalDate due = r[9] == null ? null : r[9] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[9];
            items.add(new StalledReferral((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (UUID) r[4], (String) r[5],
                    (String) r[6], (String) r[7], last,
                    last == null ? 0 : (int) java.time.Duration.between(last, now).toDays(),
                    due, due == null || !due.isBefore(today) ? 0 : (int) java.time.temporal.ChronoUnit.DAYS.between(due, today)));
        }
        return Page.of(items, page, total);
    }

    private String visibleSchools() {
        return "{" + String.join(",", scope.visibleSchoolIds().stream().map(UUID::toString).toList()) + "}";
    }

    private static String days(String expression) {
        return " percentile_cont(0.5) WITHIN GROUP (ORDER BY " + expression + "),"
                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY " + expression + "),";
    }

    private static Map<String, Integer> emptyStatusCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0));
        return counts;
    }

    private static Double number(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 100) / 100.0;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
