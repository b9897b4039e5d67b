package org.studentsupport.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.school.School;
import org.studentsupport.school.SchoolService;
import org.studentsupport.student.StudentScope;
import org.studentsupport.directory.DirectorySearchCriteria.Sort;
import org.studentsupport.directory.DirectorySearchCriteria.Weekday;
import org.studentsupport.directory.hsds.HsdsStore;
import org.studentsupport.domain.InvalidInputException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;
import org.studentsupport.vocabulary.CodeKind;
import org.studentsupport.vocabulary.VocabularyService;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Referral search over the directory, in PostgreSQL alone: full text on a weighted tsvector (GIN
 * index, ranked with ts_rank), taxonomy terms, languages, age eligibility, distance by haversine
 * after a bounding-box prefilter on indexed coordinates, cost, weekday and capacity. Only active
 * services are found.
 */
@ApplicationScoped
public class DirectorySearch {

    /** Great-circle distance in km from location {@code l} to a point given by two SQL expressions. */
    public static final String HAVERSINE_KM = "(2 * 6371.0088 * asin(sqrt(power(sin(radians(l.latitude - %1$s) / 2), 2)"
            + " + cos(radians(%1$s)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - %2$s) / 2), 2))))";
    private static final double KM_PER_DEGREE = 111.195;

    private final HsdsStore store;
    private final SchoolService schools;
    private final StudentScope students;
    private final AuditTrail audit;
    private final NeedMappings mappings;
    private final VocabularyService vocabulary;
    private final Clock clock;

    public DirectorySearch(HsdsStore store, SchoolService schools, StudentScope students,
                           AuditTrail audit, NeedMappings mappings, VocabularyService vocabulary) {
        this.mappings = mappings;
        this.vocabulary = vocabulary;
        this.store = store;
        this.schools = schools;
        this.students = students;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    /** A search resolved to plain values: what the SQL needs. */
    public record Resolved(String text, List<UUID> termIds, List<String> languages, Integer age, Double lat, Double lon,
                           double radiusKm, boolean free, Weekday openOn, boolean accepting, Sort sort, NeedTerms needs) {

        public Resolved(String text, List<UUID> termIds, List<String> languages, Integer age, Double lat, Double lon,
                        double radiusKm, boolean free, Weekday openOn, boolean accepting, Sort sort) {
            this(text, termIds, languages, age, lat, lon, radiusKm, free, openOn, accepting, sort, NeedTerms.NONE);
        }
    }

    /**
     * Needs asked for, resolved to the terms that meet them: a service must carry one of {@code termIds}.
     *
     * @param byTermName for each term name, the needs it meets (to say why a service matched)
     */
    public record NeedTerms(List<String> needs, List<UUID> termIds, Map<String, List<String>> byTermName) {
        static final NeedTerms NONE = new NeedTerms(List.of(), List.of(), Map.of());

        boolean asked() {
            return !needs.isEmpty();
        }
    }

    @Transactional
    public Page<DirectorySearchResult> search(DirectorySearchCriteria criteria, PageRequest page) {
        return run(resolve(criteria), page);
    }

    /** Languages (lower case) and cost of the given services, for ranking; services not found are left out. */
    @Transactional
    public Map<UUID, ServiceFacts> facts(List<UUID> serviceIds) {
        Map<UUID, ServiceFacts> facts = new LinkedHashMap<>();
        if (serviceIds.isEmpty()) {
            return facts;
        }
        store.query("SELECT s.id, ARRAY(SELECT DISTINCT lower(g.code) FROM dir_language g WHERE g.service_id = s.id AND g.code IS NOT NULL ORDER BY 1),"
                        + " NOT EXISTS (SELECT 1 FROM dir_cost_option co WHERE co.service_id = s.id AND co.amount > 0)"
                        + " FROM dir_service s WHERE s.id = ANY(?)", List.of(serviceIds),
                rs -> facts.put((UUID) rs.getObject(1), new ServiceFacts((UUID) rs.getObject(1), strings(rs.getArray(2)), rs.getBoolean(3))));
        return facts;
    }

    Resolved resolve(DirectorySearchCriteria p) {
        List<Violation> violations = new ArrayList<>();
        if ((p.lat() == null) != (p.lon() == null)) {
            violations.add(Violation.atParameter(p.lat() == null ? "lat" : "lon", "give lat and lon together"));
        }
        if (p.schoolId() != null && p.lat() != null) {
            violations.add(Violation.atParameter("schoolId", "give a school or a point (lat/lon), not both"));
        }
        if (p.age() != null && p.studentId() != null) {
            violations.add(Violation.atParameter("studentId", "give an age or a student, not both"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Double lat = p.lat();
        Double lon = p.lon();
        if (p.schoolId() != null) {
            School school = schools.get(p.schoolId());
            if (school.latitude == null || school.longitude == null) {
                throw new RuleBrokenException("School " + p.schoolId() + " has no coordinates; set its location first", List.of());
            }
            lat = school.latitude;
            lon = school.longitude;
        }
        Integer age = p.age();
        if (p.studentId() != null) {
            audit.student(p.studentId());
            age = students.require(p.studentId()).ageOn(LocalDate.now(clock));
            if (age == null) {
                throw new RuleBrokenException("Student " + p.studentId() + " has no birth date; give an age instead", List.of());
            }
        }
        Sort sort = p.sort();
        if (sort == Sort.distance && lat == null) {
            throw new InvalidInputException(List.of(Violation.atParameter("sort", "sorting by distance needs schoolId or lat/lon")));
        }
        String text = p.q() == null || p.q().isBlank() ? null : p.q().strip();
        if (sort == null) {
            sort = text != null ? Sort.relevance : lat != null ? Sort.distance : Sort.name;
        }
        List<String> languages = p.languages() == null ? List.of()
                : p.languages().stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct().toList();
        return new Resolved(text, terms(p.terms()), languages, age, lat, lon, p.radiusKm(), p.free(), p.openOn(), p.accepting(), sort,
                needs(p.needs(), mappings.callerDistrict()));
    }

    /** Need codes to the terms that meet them in the district's mapping; a code that is no need is a 400. */
    NeedTerms needs(List<String> requested, UUID district) {
        if (requested == null || requested.isEmpty()) {
            return NeedTerms.NONE;
        }
        List<String> needs = requested.stream().distinct().toList();
        List<Violation> wrong = vocabulary.of(district).check(CodeKind.NEED, null, needs, "need", null).stream()
                .map(v -> Violation.atParameter("need", v.message())).toList();
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        Map<String, List<String>> mapping = mappings.effective(district);
        Map<String, List<String>> needsByCode = new LinkedHashMap<>();
        for (String need : needs) {
            for (String term : mapping.getOrDefault(need, List.of())) {
                needsByCode.computeIfAbsent(term, t -> new ArrayList<>()).add(need);
            }
        }
        List<UUID> ids = new ArrayList<>();
        Map<String, List<String>> byName = new LinkedHashMap<>();
        if (!needsByCode.isEmpty()) {
            store.query("SELECT id, code, name FROM dir_taxonomy_term WHERE code = ANY(?)", List.of(List.copyOf(needsByCode.keySet())), rs -> {
                ids.add((UUID) rs.getObject(1));
                byName.computeIfAbsent(rs.getString(3), n -> new ArrayList<>()).addAll(needsByCode.get(rs.getString(2)));
            });
        }
        return new NeedTerms(needs, ids, byName);
    }

    /** Term ids or codes to ids; an unknown term is a 400, not an empty result. */
    private List<UUID> terms(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        Map<String, UUID> found = new LinkedHashMap<>();
        store.query("SELECT id::text, code FROM dir_taxonomy_term WHERE id::text = ANY(?) OR code = ANY(?)",
                List.of(requested, requested), rs -> {
                    found.put(rs.getString(1), UUID.fromString(rs.getString(1)));
                    if (rs.getString(2) != null) {
                        found.put(rs.getString(2), UUID.fromString(rs.getString(1)));
                    }
                });
        List<UUID> ids = new ArrayList<>();
        List<Violation> unknown = new ArrayList<>();
        for (String term : requested) {
            UUID id = found.get(term);
            if (id == null) {
                unknown.add(Violation.atParameter("term", "unknown taxonomy term: " + abbreviate(term)));
            } else if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        return ids;
    }

    /** The SQL of a search and its parameters; also what the benchmark runs directly. */
    public record Query(String sql, List<Object> params) {
    }

    /**
     * The search in two steps: the page (ids, rank, distance, and the number of matches) is found
     * first, over every matching service; the columns and the matched languages and terms are read
     * for the page's services only, not for every match.
     */
    public static Query sql(Resolved c, PageRequest page) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        boolean near = c.lat() != null;
        List<String> ctes = new ArrayList<>();
        if (c.text() != null) {
            ctes.add("query AS (SELECT websearch_to_tsquery('english', ?) AS q)");
            params.add(c.text());
        }
        // Near a point: the service's locations joined in, the distance computed only for the locations in the
        // bounding box (an index range) of the services the other criteria leave, and the nearest one kept.
        String distance = HAVERSINE_KM.formatted("?", "?");
        StringBuilder matches = new StringBuilder("SELECT s.id, s.name,")
                .append(c.text() != null ? " ts_rank(s.search_vector, query.q) AS rank," : " NULL::real AS rank,")
                .append(near ? " min(" + distance + ") AS km," : " NULL::float8 AS km,")
                .append(" count(*) OVER () AS total FROM dir_service s");
        if (near) {
            params.addAll(List.of(c.lat(), c.lat(), c.lon()));
            matches.append(" JOIN dir_service_at_location sal ON sal.service_id = s.id JOIN dir_location l ON l.id = sal.location_id");
        }
        if (c.text() != null) {
            matches.append(" CROSS JOIN query");
        }
        matches.append(" WHERE s.status = 'active'");
        if (near) {
            double dLat = c.radiusKm() / KM_PER_DEGREE;
            double dLon = c.radiusKm() / (KM_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(c.lat()))));
            matches.append(" AND l.latitude BETWEEN ? AND ? AND l.longitude BETWEEN ? AND ? AND ").append(distance).append(" <= ?");
            params.addAll(List.of(c.lat() - dLat, c.lat() + dLat, c.lon() - dLon, c.lon() + dLon, c.lat(), c.lat(), c.lon(), c.radiusKm()));
        }
        if (c.text() != null) {
            matches.append(" AND s.search_vector @@ query.q");
        }
        for (UUID term : c.termIds()) {
            matches.append(" AND EXISTS (SELECT 1 FROM dir_attribute a WHERE a.link_id = s.id AND a.taxonomy_term_id = ?)");
            params.add(term);
        }
        if (c.needs().asked()) {
            // meets at least one of the needs: carries one of the terms mapped to them (none mapped: nothing meets them)
            matches.append(" AND EXISTS (SELECT 1 FROM dir_attribute a WHERE a.link_id = s.id AND a.taxonomy_term_id = ANY(CAST(? AS uuid[])))");
            params.add(c.needs().termIds());
        }
        if (!c.languages().isEmpty()) {
            matches.append(" AND EXISTS (SELECT 1 FROM dir_language g WHERE g.service_id = s.id AND lower(g.code) = ANY(?))");
            params.add(c.languages());
        }
        if (c.age() != null) {
            matches.append(" AND (s.minimum_age IS NULL OR s.minimum_age <= ?) AND (s.maximum_age IS NULL OR s.maximum_age >= ?)");
            params.add(c.age());
            params.add(c.age());
        }
        if (c.free()) {
            matches.append(" AND NOT EXISTS (SELECT 1 FROM dir_cost_option co WHERE co.service_id = s.id AND co.amount > 0)");
        }
        if (c.openOn() != null) {
            matches.append(" AND EXISTS (SELECT 1 FROM dir_schedule h WHERE (h.service_id = s.id OR h.service_at_location_id IN")
                    .append(" (SELECT x.id FROM dir_service_at_location x WHERE x.service_id = s.id))")
                    .append(" AND h.byday ~ ?)");
            params.add("(^|,)\\s*([+-]?\\d+)?" + c.openOn().name() + "\\s*(,|$)");
        }
        if (c.accepting()) {
            matches.append(" AND s.accepts_referrals AND s.capacity_status = 'accepting'");
        }
        // %1$s: where name and id come from; %2$s: where rank and km do (the page's own output columns inside it)
        String order = switch (c.sort()) {
            case relevance -> c.text() != null ? " ORDER BY %2$srank DESC, %2$skm ASC NULLS LAST, %1$sname, %1$sid" : " ORDER BY %1$sname, %1$sid";
            case distance -> " ORDER BY %2$skm ASC, %1$sname, %1$sid";
            case name -> " ORDER BY %1$sname, %1$sid";
        };
        if (near) {
            // one row per service (its nearest location); the rank's query is one row for all
            matches.append(c.text() != null ? " GROUP BY s.id, query.q" : " GROUP BY s.id");
        }
        matches.append(order.formatted("s.", "")).append(" LIMIT ? OFFSET ?");
        params.add(page.size());
        params.add(page.offset());
        ctes.add("page AS (" + matches + ")");

        sql.append("WITH ").append(String.join(", ", ctes)).append(' ');
        sql.append("SELECT s.id, s.name, o.id, o.name, left(s.description, 300), s.status, s.accepts_referrals,")
                .append(" s.capacity_status, s.capacity_confirmed_at, s.minimum_age, s.maximum_age, page.rank, page.km,");
        if (c.languages().isEmpty()) {
            sql.append(" NULL::text[],");
        } else {
            sql.append(" ARRAY(SELECT DISTINCT lower(g.code) FROM dir_language g WHERE g.service_id = s.id AND lower(g.code) = ANY(?) ORDER BY 1),");
            params.add(c.languages());
        }
        if (c.termIds().isEmpty() && c.text() == null && !c.needs().asked()) {
            sql.append(" NULL::text[],");
        } else {
            sql.append(" ARRAY(SELECT t.name FROM dir_attribute a JOIN dir_taxonomy_term t ON t.id = a.taxonomy_term_id")
                    .append(" WHERE a.link_id = s.id AND (");
            List<String> or = new ArrayList<>();
            if (!c.termIds().isEmpty()) {
                or.add("t.id = ANY(?)");
                params.add(c.termIds());
            }
            if (c.needs().asked()) {
                // typed: an empty list (no term of the directory meets the needs) binds as text[]
                or.add("t.id = ANY(CAST(? AS uuid[]))");
                params.add(c.needs().termIds());
            }
            if (c.text() != null) {
                or.add("to_tsvector('english', t.name) @@ query.q");
            }
            sql.append(String.join(" OR ", or)).append(") ORDER BY t.name, t.id),");
        }
        sql.append(" page.total FROM page JOIN dir_service s ON s.id = page.id JOIN dir_organization o ON o.id = s.organization_id");
        if (c.text() != null) {
            sql.append(" CROSS JOIN query");
        }
        sql.append(order.formatted("page.", "page."));
        return new Query(sql.toString(), params);
    }

    Page<DirectorySearchResult> run(Resolved c, PageRequest page) {
        Query query = sql(c, page);
        List<DirectorySearchResult> results = new ArrayList<>();
        long[] total = {0};
        store.query(query.sql(), query.params(), rs -> {
            Double rank = rs.getObject(12) == null ? null : round(rs.getDouble(12), 4);
            Double km = rs.getObject(13) == null ? null : round(rs.getDouble(13), 2);
            List<String> languages = strings(rs.getArray(14));
            List<String> terms = strings(rs.getArray(15));
            total[0] = rs.getLong(16);
            Date confirmed = rs.getDate(9);
            results.add(new DirectorySearchResult((UUID) rs.getObject(1), rs.getString(2), (UUID) rs.getObject(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8),
                    confirmed == null ? null : confirmed.toLocalDate(), decimal(rs.getBigDecimal(10)), decimal(rs.getBigDecimal(11)),
                    new DirectorySearchResult.Match(rank, km, languages, terms, metNeeds(c.needs(), terms), rs.getString(8), c.age())));
        });
        if (results.isEmpty() && page.page() > 1) {
            // past the last page: count the matches with the page's offset set back to the start
            Query first = sql(c, new PageRequest(1, page.size()));
            store.query(first.sql(), first.params(), rs -> total[0] = rs.getLong(16));
        }
        return Page.of(results, page, total[0]);
    }

    /** The needs asked for that these term names meet, in the order asked. */
    static List<String> metNeeds(NeedTerms needs, List<String> termNames) {
        if (!needs.asked()) {
            return null;
        }
        java.util.Set<String> met = new java.util.HashSet<>();
        if (termNames != null) {
            termNames.forEach(name -> met.addAll(needs.byTermName().getOrDefault(name, List.of())));
        }
        return needs.needs().stream().filter(met::contains).toList();
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }

    private static Double decimal(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
