package org.studentsupport.referral;

import jakarta.enterprise.context.ApplicationScoped;
import org.studentsupport.database.ReportDatabase;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The referral feature's figures for oversight, computed in PostgreSQL over the referral tables: the
 * follow-through of sent referrals per school, coordinator or provider, and the open referrals that are
 * overdue or have not moved for a while. The caller names the schools (its scope); the status sets are
 * {@link ReferralStatus}'s. They are read from the report database (the read-only replicas where there are any).
 */
@ApplicationScoped
public class ReferralFigures {

    private final ReportDatabase db;

    public ReferralFigures(ReportDatabase db) {
        this.db = db;
    }

    /** How the follow-through groups the referrals. */
    public enum Grouping {
        SCHOOL("CAST(r.school_id AS text)", "s.name"),
        COORDINATOR("r.author", "r.author"),
        PROVIDER("CAST(r.organization_id AS text)", "o.name");

        private final String id;
        private final String name;

        Grouping(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public static Grouping of(String code) {
            return valueOf(code.toUpperCase());
        }
    }

    /** The follow-through of one group: counts by status (every status of {@link ReferralStatus#SENT}), timings in days. */
    public record GroupFigures(String groupId, String groupName, int requested, Map<ReferralStatus, Integer> byStatus,
                               int overdue, Double medianDaysToAccept, Double p90DaysToAccept, Double medianDaysToFirstService,
                               Double p90DaysToFirstService, Double medianDaysToClose, Double p90DaysToClose, int closed,
                               int closedWithOutcome) {
    }

    /** An open referral, where it is, when it last moved and when it should be followed up. */
    public record OpenReferral(UUID referralId, UUID studentId, UUID schoolId, String schoolName, UUID organizationId,
                               String organizationName, ReferralStatus status, String coordinator, Instant lastTransitionAt,
                               LocalDate followUpDue) {
    }

    /** The referrals of the schools requested from {@code from} to {@code to} (both included), by group. */
    public List<GroupFigures> followThrough(Set<UUID> schools, LocalDate from, LocalDate to, Grouping grouping) {
        String base = " FROM referral r JOIN school s ON s.id = r.school_id JOIN dir_organization o ON o.id = r.organization_id"
                + " WHERE r.school_id = ANY(CAST(?1 AS uuid[])) AND r.requested_at IS NOT NULL"
                + " AND r.requested_at >= CAST(?2 AS date) AND r.requested_at < CAST(?3 AS date) + 1";
        String summary = "SELECT " + grouping.id + " AS gid, min(" + grouping.name + ") AS gname, count(*),"
                + " count(*) FILTER (WHERE r.status IN " + sqlList(ReferralStatus.SENT_OPEN) + " AND r.follow_up_due < current_date),"
                + days("extract(epoch FROM r.accepted_at - r.requested_at) / 86400")
                + days("(r.first_service_on - CAST(r.requested_at AT TIME ZONE 'UTC' AS date))")
                + days("extract(epoch FROM r.closed_at - r.requested_at) / 86400")
                + " count(*) FILTER (WHERE r.status IN " + sqlList(ReferralStatus.SENT_CLOSED) + "),"
                + " count(*) FILTER (WHERE r.status IN " + sqlList(ReferralStatus.SENT_CLOSED) + " AND r.status_reason_code IS NOT NULL)"
                + base + " GROUP BY 1 ORDER BY 2, 1";
        String byStatus = "SELECT " + grouping.id + ", r.status, count(*)" + base + " GROUP BY 1, 2";
        Object[] parameters = {array(schools), from, to};
        Map<String, Map<ReferralStatus, Integer>> statusCounts = new LinkedHashMap<>();
        for (Object[] r : db.rows(byStatus, parameters)) {
            statusCounts.computeIfAbsent((String) r[0], k -> zeroCounts())
                    .put(ReferralStatus.fromCode((String) r[1]), ((Number) r[2]).intValue());
        }
        List<GroupFigures> groups = new ArrayList<>();
        for (Object[] r : db.rows(summary, parameters)) {
            groups.add(new GroupFigures((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                    statusCounts.getOrDefault((String) r[0], zeroCounts()), ((Number) r[3]).intValue(),
                    number(r[4]), number(r[5]), number(r[6]), number(r[7]), number(r[8]), number(r[9]),
                    ((Number) r[10]).intValue(), ((Number) r[11]).intValue()));
        }
        return groups;
    }

    /** Sent, open referrals of the schools past their follow-up date, the longest overdue first. */
    public Page<OpenReferral> overdue(Set<UUID> schools, PageRequest page) {
        return openReferrals(schools, "r.follow_up_due < current_date", "r.follow_up_due, r.id", page, null);
    }

    /** Sent, open referrals of the schools with no move for at least {@code days} days, the longest quiet first. */
    public Page<OpenReferral> stalled(Set<UUID> schools, int days, PageRequest page) {
        return openReferrals(schools, "last_at < now() - make_interval(days => CAST(?2 AS int))", "last_at, r.id", page, days);
    }

    private Page<OpenReferral> openReferrals(Set<UUID> schools, String condition, String order, PageRequest page, Integer days) {
        String base = " FROM (SELECT r.*, (SELECT max(t.at) FROM referral_transition t WHERE t.referral_id = r.id) AS last_at"
                + " FROM referral r WHERE r.school_id = ANY(CAST(?1 AS uuid[])) AND r.status IN " + sqlList(ReferralStatus.SENT_OPEN)
                + ") r JOIN school s ON s.id = r.school_id JOIN dir_organization o ON o.id = r.organization_id"
                + " WHERE " + condition;
        Object[] parameters = days == null ? new Object[] {array(schools)} : new Object[] {array(schools), days};
        long total = db.count("SELECT count(*)" + base, parameters);
        List<OpenReferral> items = new ArrayList<>();
        String rows = "SELECT r.id, r.student_id, r.school_id, s.name, r.organization_id, o.name, r.status,"
                + " r.author, r.last_at, r.follow_up_due" + base + " ORDER BY " + order
                + " OFFSET " + page.offset() + " LIMIT " + page.size();
        for (Object[] r : db.rows(rows, parameters)) {
            LocalDate due = r[9] == null ? null : ((java.sql.Date) r[9]).toLocalDate();
            items.add(new OpenReferral((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (UUID) r[4], (String) r[5],
                    ReferralStatus.fromCode((String) r[6]), (String) r[7], instant(r[8]), due));
        }
        return Page.of(items, page, total);
    }

    /** A SQL list of status codes, from the vocabulary (constants, never input). */
    static String sqlList(Collection<ReferralStatus> statuses) {
        return ReferralStatus.codes(statuses).stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    private static Map<ReferralStatus, Integer> zeroCounts() {
        Map<ReferralStatus, Integer> counts = new EnumMap<>(ReferralStatus.class);
        ReferralStatus.SENT.forEach(s -> counts.put(s, 0));
        return counts;
    }

    private static String array(Set<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    private static String days(String expression) {
        return " percentile_cont(0.5) WITHIN GROUP (ORDER BY " + expression + "),"
                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY " + expression + "),";
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
