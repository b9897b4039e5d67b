package org.studentsupport.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;
import org.studentsupport.roster.AcademicSession;
import org.studentsupport.school.SchoolScope;
import org.studentsupport.security.CallerScope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Aggregate reports over finalized whole-class reviews, for the schools the caller may see. A
 * student counts once per period: when several classes reviewed them, the latest finalized review
 * gives their tier. Every count below the minimum cell size is suppressed.
 */
@ApplicationScoped
public class ReviewReportService {

    /** Each student's tier in a period, from the latest finalized review of a visible school. */
    private static final String TIERS = """
            SELECT DISTINCT ON (x.student_id) x.student_id, x.tier, r.school_id
            FROM class_review_entry x JOIN class_review r ON r.id = x.review_id
            WHERE r.period_id = :period AND r.status = 'final' AND x.current AND x.tier IS NOT NULL
              AND r.school_id IN (:schools)
            ORDER BY x.student_id, r.finalized_at DESC, r.id DESC
            """;

    private final EntityManager em;
    private final ReviewPeriodService periods;
    private final ReviewPeriodRepository periodRepository;
    private final org.studentsupport.vocabulary.VocabularyService codes;
    private final SchoolScope schools;
    private final CallerScope caller;
    private final TierScale tiers;
    private final ReviewSettings settings;

    public ReviewReportService(EntityManager em, ReviewPeriodService periods, ReviewPeriodRepository periodRepository,
                               org.studentsupport.vocabulary.VocabularyService codes, SchoolScope schools, CallerScope caller, TierScale tiers,
                               ReviewSettings settings) {
        this.em = em;
        this.periods = periods;
        this.periodRepository = periodRepository;
        this.codes = codes;
        this.schools = schools;
        this.caller = caller;
        this.tiers = tiers;
        this.settings = settings;
    }

    @Transactional
    public TierDistributionReport tierDistribution(UUID periodId, UUID schoolId) {
        ReviewPeriod period = periods.get(periodId);
        Set<UUID> within = within(schoolId);
        int min = settings.minCellCount();
        List<TierDistributionReport.Row> rows = new ArrayList<>();
        if (!within.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> counts = em.createNativeQuery("""
                            SELECT t.school_id, sc.name, st.grade, t.tier, count(*)
                            FROM (""" + TIERS + """
                            ) t JOIN student st ON st.id = t.student_id JOIN school sc ON sc.id = t.school_id
                            GROUP BY t.school_id, sc.name, st.grade, t.tier""")
                    .setParameter("period", period.id).setParameter("schools", within).getResultList();
            // every tier of every (school, grade) that has students, so that empty cells are reported too
            Map<List<Object>, Map<String, Long>> groups = new LinkedHashMap<>();
            counts.stream()
                    .sorted((a, b) -> {
                        int byName = ((String) a[1]).compareTo((String) b[1]);
                        if (byName != 0) return byName;
                        int bySchool = a[0].toString().compareTo(b[0].toString());
                        if (bySchool != 0) return bySchool;
                        return String.valueOf(a[2]).compareTo(String.valueOf(b[2]));
                    })
                    .forEach(r -> groups.computeIfAbsent(java.util.Arrays.asList(r[0], r[1], r[2]), k -> new HashMap<>())
                            .put((String) r[3], ((Number) r[4]).longValue()));
            groups.forEach((key, byTier) -> {
                for (String tier : tiers.codes()) {
                    rows.add(new TierDistributionReport.Row((UUID) key.get(0), (String) key.get(1), (String) key.get(2), tier,
                            ReportCell.of(byTier.getOrDefault(tier, 0L), min)));
                }
            });
        }
        return new TierDistributionReport(period.id, min, rows);
    }

    @Transactional
    public TierMovementReport tierMovement(UUID schoolYearId, UUID schoolId) {
        AcademicSession year = schoolYearId == null ? null : em.find(AcademicSession.class, schoolYearId);
        if (year == null || !year.district.sourcedId.equals(caller.districtId().orElse(null))) {
            throw new NotFoundException("School year " + schoolYearId);
        }
        ReviewPeriod fall = only(year, ReviewPeriod.FALL);
        ReviewPeriod spring = only(year, ReviewPeriod.SPRING);
        Set<UUID> within = within(schoolId);
        int min = settings.minCellCount();
        Map<String, Long> counts = new HashMap<>();
        long compared = 0;
        if (!within.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT f.tier, s.tier, count(*) FROM ("
                            + TIERS.replace(":period", ":fall") + ") f JOIN ("
                            + TIERS.replace(":period", ":spring") + ") s ON s.student_id = f.student_id GROUP BY f.tier, s.tier")
                    .setParameter("fall", fall.id).setParameter("spring", spring.id).setParameter("schools", within)
                    .getResultList();
            for (Object[] row : rows) {
                long n = ((Number) row[2]).longValue();
                counts.put(row[0] + "\u0000" + row[1], n);
                compared += n;
            }
        }
        List<TierMovementReport.Cell> cells = new ArrayList<>();
        for (String from : tiers.codes()) {
            for (String to : tiers.codes()) {
                cells.add(new TierMovementReport.Cell(from, to, ReportCell.of(counts.getOrDefault(from + "\u0000" + to, 0L), min)));
            }
        }
        return new TierMovementReport(year.id, fall.id, spring.id, schoolId, min, ReportCell.of(compared, min), cells);
    }

    @Transactional
    public FrequentCodesReport frequentCodes(UUID periodId, UUID schoolId, int limit) {
        ReviewPeriod period = periods.get(periodId);
        Set<UUID> within = within(schoolId);
        int min = settings.minCellCount();
        Map<String, String> labels = codes.labels();
        return new FrequentCodesReport(period.id, schoolId, min,
                frequent("needs", period, within, limit, min, labels), frequent("strengths", period, within, limit, min, labels));
    }

    private List<FrequentCodesReport.Row> frequent(String column, ReviewPeriod period, Set<UUID> within, int limit, int min,
                                                   Map<String, String> labels) {
        if (within.isEmpty()) {
            return List.of();
        }
        // the student's entries in the finalized reviews of the period (all classes), each code counted once per student
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT d.domain, c.code, count(DISTINCT x.student_id) AS students
                        FROM class_review_entry x
                        JOIN class_review r ON r.id = x.review_id
                        JOIN class_review_domain d ON d.entry_id = x.id
                        CROSS JOIN LATERAL unnest(string_to_array(nullif(d.""" + column + """
                        , ''), ',')) AS c(code)
                        WHERE r.period_id = :period AND r.status = 'final' AND x.current AND r.school_id IN (:schools)
                        GROUP BY d.domain, c.code
                        ORDER BY students DESC, d.domain, c.code""")
                .setParameter("period", period.id).setParameter("schools", within).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new FrequentCodesReport.Row((String) r[0], (String) r[1],
                labels.get(r[0] + "/" + r[1]), ReportCell.of(((Number) r[2]).longValue(), min))).toList();
    }

    private ReviewPeriod only(AcademicSession year, String kind) {
        List<ReviewPeriod> found = periodRepository.ofKind(year.id, kind);
        if (found.size() != 1) {
            throw new RuleBrokenException("The school year needs exactly one " + kind + " review period; it has " + found.size(),
                    List.of(Violation.atParameter("schoolYearId", "has " + found.size() + " " + kind + " review periods")));
        }
        return found.get(0);
    }

    /** The schools a report covers: one school in scope (404 otherwise) or every school the caller may see. */
    private Set<UUID> within(UUID schoolId) {
        if (schoolId != null) {
            schools.require(schoolId, "School " + schoolId);
            return Set.of(schoolId);
        }
        return schools.visibleSchoolIds();
    }
}
