package org.studentsupport.received;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.database.ReportDatabase;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.referral.ReferralStatus;
import org.studentsupport.review.ReportCell;
import org.studentsupport.review.ReviewPeriod;
import org.studentsupport.review.ReviewPeriodService;
import org.studentsupport.review.ReviewSettings;
import org.studentsupport.review.TierScale;
import org.studentsupport.school.SchoolScope;
import org.studentsupport.vocabulary.VocabularyService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reports over the services received, for the schools the caller may see, read from the report
 * database (the read-only replicas where there are any). The students are those of the period's
 * finalized reviews, each once with their tier; a service counts when it runs at any time during the
 * period's school year. Aggregate counts are suppressed below {@code studentsupport.review.min-cell-count}
 * as in the review reports; the gap list names students, so it is not: it shows a coordinator only the
 * students of their own schools, and it is audited as a read of each student it lists.
 */
@ApplicationScoped
public class ServiceReports {

    /** ?1 period, ?2 schools (uuid[] literal), ?3 and ?4 the school year's first and last day. */
    private static final String BASE = """
            WITH t AS (
                SELECT DISTINCT ON (x.student_id) x.student_id, x.id AS entry_id, x.tier, r.school_id, r.id AS review_id
                FROM class_review_entry x JOIN class_review r ON r.id = x.review_id
                WHERE r.period_id = ?1 AND r.status = 'final' AND x.current AND x.tier IS NOT NULL
                  AND r.school_id = ANY(CAST(?2 AS uuid[]))
                ORDER BY x.student_id, r.finalized_at DESC, r.id DESC),
            v AS (
                SELECT v.* FROM service_received v JOIN t ON t.student_id = v.student_id
                WHERE v.started_on <= CAST(?4 AS date) AND (v.ended_on IS NULL OR v.ended_on >= CAST(?3 AS date)))
            """;

    /** Each need recorded for a student in the period, and whether a service received or a sent, open referral meets it. */
    private static final String NEEDS = BASE + """
            , n AS (
                SELECT t.student_id, t.school_id, t.tier, t.review_id, d.domain, c.code,
                       (EXISTS (SELECT 1 FROM v WHERE v.student_id = t.student_id AND c.code = ANY(string_to_array(v.need_codes, ',')))
                        OR EXISTS (SELECT 1 FROM referral r WHERE r.student_id = t.student_id AND r.status IN %s
                                   AND c.code = ANY(string_to_array(r.reason_codes, ',')))) AS met
                FROM t JOIN class_review_domain d ON d.entry_id = t.entry_id
                CROSS JOIN LATERAL unnest(string_to_array(nullif(d.needs, ''), ',')) AS c(code))
            """.formatted(ReferralStatus.codes(ReferralStatus.SENT_OPEN).stream().map(c -> "'" + c + "'")
            .collect(Collectors.joining(", ", "(", ")")));

    private final ReportDatabase db;
    private final ReviewPeriodService periods;
    private final SchoolScope schools;
    private final TierScale tiers;
    private final ReviewSettings settings;
    private final VocabularyService codes;

    public ServiceReports(ReportDatabase db, ReviewPeriodService periods, SchoolScope schools, TierScale tiers, ReviewSettings settings,
                          VocabularyService codes) {
        this.db = db;
        this.periods = periods;
        this.schools = schools;
        this.tiers = tiers;
        this.settings = settings;
        this.codes = codes;
    }

    /** Where a report looks: the period, the schools, the school year's days. */
    private record Frame(ReviewPeriod period, Set<UUID> schools, LocalDate from, LocalDate to) {
        Object[] parameters(Object... more) {
            Object[] all = new Object[4 + more.length];
            all[0] = period.id;
            all[1] = "{" + schools.stream().map(UUID::toString).collect(Collectors.joining(",")) + "}";
            all[2] = from;
            all[3] = to;
            System.arraycopy(more, 0, all, 4, more.length);
            return all;
        }
    }

    @Transactional
    public ServicesByTierReport byTier(UUID periodId, UUID schoolId) {
        Frame frame = frame(periodId, schoolId);
        int min = settings.minCellCount();
        Map<String, long[]> students = new HashMap<>();
        Map<String, Map<String, long[]>> byCategory = new HashMap<>();
        if (!frame.schools().isEmpty()) {
            for (Object[] r : db.rows(BASE + """
                    SELECT t.tier, count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM v WHERE v.student_id = t.student_id))
                    FROM t GROUP BY t.tier""", frame.parameters())) {
                students.put((String) r[0], new long[] {number(r[1]), number(r[2])});
            }
            for (Object[] r : db.rows(BASE + """
                    SELECT t.tier, coalesce(v.category, 'uncategorized'), count(*), count(DISTINCT v.student_id)
                    FROM t JOIN v ON v.student_id = t.student_id GROUP BY 1, 2""", frame.parameters())) {
                byCategory.computeIfAbsent((String) r[0], k -> new HashMap<>()).put((String) r[1], new long[] {number(r[2]), number(r[3])});
            }
        }
        List<ServicesByTierReport.Row> rows = new ArrayList<>();
        long[] allStudents = new long[2];
        Map<String, long[]> allCategories = new HashMap<>();
        for (String tier : tiers.codes()) {
            long[] s = students.getOrDefault(tier, new long[2]);
            Map<String, long[]> c = byCategory.getOrDefault(tier, Map.of());
            rows.add(row(tier, s, c, min));
            allStudents[0] += s[0];
            allStudents[1] += s[1];
            // students per category are distinct within a tier, and a student has one tier: the sums are distinct too
            c.forEach((category, n) -> {
                long[] sum = allCategories.computeIfAbsent(category, k -> new long[2]);
                sum[0] += n[0];
                sum[1] += n[1];
            });
        }
        return new ServicesByTierReport(frame.period().id, schoolId, frame.from(), frame.to(), min, rows,
                row(null, allStudents, allCategories, min));
    }

    private static ServicesByTierReport.Row row(String tier, long[] students, Map<String, long[]> byCategory, int min) {
        long services = byCategory.values().stream().mapToLong(n -> n[0]).sum();
        List<ServicesByTierReport.CategoryCount> categories = new ArrayList<>();
        for (String category : categoriesInReports()) {
            long[] n = byCategory.getOrDefault(category, new long[2]);
            categories.add(new ServicesByTierReport.CategoryCount(category, ReportCell.of(n[0], min), ReportCell.of(n[1], min)));
        }
        ReportCell studentCell = ReportCell.of(students[0], min);
        ReportCell served = ReportCell.of(students[1], min);
        ReportCell serviceCell = ReportCell.of(services, min);
        return new ServicesByTierReport.Row(tier, studentCell, served, ratio(served, studentCell), serviceCell,
                ratio(serviceCell, studentCell), categories);
    }

    @Transactional
    public ServiceReachReport reach(UUID periodId, UUID schoolId) {
        Frame frame = frame(periodId, schoolId);
        int min = settings.minCellCount();
        List<ServiceReachReport.Row> rows = new ArrayList<>();
        long students = 0;
        long served = 0;
        if (!frame.schools().isEmpty()) {
            for (Object[] r : db.rows(BASE + """
                    SELECT t.school_id, s.name, count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM v WHERE v.student_id = t.student_id))
                    FROM t JOIN school s ON s.id = t.school_id GROUP BY 1, 2 ORDER BY 2, 1""", frame.parameters())) {
                ReportCell all = ReportCell.of(number(r[2]), min);
                ReportCell with = ReportCell.of(number(r[3]), min);
                rows.add(new ServiceReachReport.Row((UUID) r[0], (String) r[1], all, with, ratio(with, all)));
                students += number(r[2]);
                served += number(r[3]);
            }
        }
        ReportCell all = ReportCell.of(students, min);
        ReportCell with = ReportCell.of(served, min);
        return new ServiceReachReport(frame.period().id, frame.from(), frame.to(), min, rows,
                new ServiceReachReport.Row(null, null, all, with, ratio(with, all)));
    }

    @Transactional
    public UnmetNeedsReport unmetNeeds(UUID periodId, UUID schoolId) {
        Frame frame = frame(periodId, schoolId);
        int min = settings.minCellCount();
        List<UnmetNeedsReport.Row> rows = new ArrayList<>();
        long withUnmet = 0;
        if (!frame.schools().isEmpty()) {
            Map<String, String> labels = codes.labels();
            for (Object[] r : db.rows(NEEDS + """
                    SELECT n.domain, n.code, count(DISTINCT n.student_id), count(DISTINCT n.student_id) FILTER (WHERE NOT n.met)
                    FROM n GROUP BY 1, 2 ORDER BY 4 DESC, 3 DESC, 1, 2""", frame.parameters())) {
                rows.add(new UnmetNeedsReport.Row((String) r[0], (String) r[1], labels.get(r[0] + "/" + r[1]),
                        ReportCell.of(number(r[2]), min), ReportCell.of(number(r[3]), min)));
            }
            withUnmet = db.count(NEEDS + "SELECT count(DISTINCT n.student_id) FROM n WHERE NOT n.met", frame.parameters());
        }
        return new UnmetNeedsReport(frame.period().id, schoolId, frame.from(), frame.to(), min, ReportCell.of(withUnmet, min), rows);
    }

    /** The gap list: the students with needs no service meets, the highest tier first, then by name. Not suppressed. */
    @Transactional
    public Page<UnmetNeedStudent> unmetNeedStudents(UUID periodId, UUID schoolId, PageRequest page) {
        Frame frame = frame(periodId, schoolId);
        if (frame.schools().isEmpty()) {
            return Page.empty(page);
        }
        String grouped = NEEDS + """
                , g AS (
                    SELECT n.student_id, n.school_id, n.tier, n.review_id,
                           string_agg(n.code, ',' ORDER BY n.domain, n.code) FILTER (WHERE NOT n.met) AS unmet,
                           string_agg(n.code, ',' ORDER BY n.domain, n.code) FILTER (WHERE n.met) AS met
                    FROM n GROUP BY n.student_id, n.school_id, n.tier, n.review_id
                    HAVING bool_or(NOT n.met))
                """;
        Object[] parameters = frame.parameters("{" + String.join(",", tiers.codes()) + "}");
        long total = db.count(grouped + "SELECT count(*) FROM g", parameters);
        List<UnmetNeedStudent> items = new ArrayList<>();
        for (Object[] r : db.rows(grouped + """
                SELECT g.student_id, st.given_name, st.family_name, st.grade, g.school_id, sc.name, g.tier, g.review_id, g.unmet, g.met
                FROM g JOIN student st ON st.id = g.student_id JOIN school sc ON sc.id = g.school_id
                ORDER BY array_position(CAST(?5 AS text[]), CAST(g.tier AS text)) DESC NULLS LAST, st.family_name, st.given_name, g.student_id
                """ + " OFFSET " + page.offset() + " LIMIT " + page.size(), parameters)) {
            items.add(new UnmetNeedStudent((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (UUID) r[4], (String) r[5],
                    (String) r[6], (UUID) r[7], ServicesReceived.codes((String) r[8]), ServicesReceived.codes((String) r[9])));
        }
        return Page.of(items, page, total);
    }

    private Frame frame(UUID periodId, UUID schoolId) {
        ReviewPeriod period = periods.get(periodId);
        Set<UUID> within;
        if (schoolId != null) {
            schools.require(schoolId, "School " + schoolId);
            within = Set.of(schoolId);
        } else {
            within = schools.visibleSchoolIds();
        }
        return new Frame(period, within, period.schoolYear.startDate, period.schoolYear.endDate);
    }

    private static List<String> categoriesInReports() {
        List<String> all = new ArrayList<>(ServiceCategory.CODES);
        all.add(ServiceCategory.UNCATEGORIZED);
        return all;
    }

    private static Double ratio(ReportCell part, ReportCell whole) {
        if (part.count() == null || whole.count() == null || whole.count() == 0) {
            return null;
        }
        return Math.round(part.count() * 10000.0 / whole.count()) / 10000.0;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
