package org.studentsupport.directory;

import org.junit.jupiter.api.Test;
import org.studentsupport.domain.PageRequest;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search SQL as a pure function of the criteria: which fragments appear, with which parameters, in
 * which order. The page of matches is found first ({@code page}); the columns and the matched languages
 * and terms are read for the page's services only.
 */
class DirectorySearchSqlTest {

    private static DirectorySearch.Resolved criteria(String text, List<UUID> terms, List<String> languages, Integer age,
                                                     Double lat, Double lon, DirectorySearchCriteria.Sort sort) {
        return new DirectorySearch.Resolved(text, terms, languages, age, lat, lon, 5, false, null, false, sort);
    }

    @Test
    void aSearchWithNoCriteriaFindsActiveServicesByNameAndPages() {
        DirectorySearch.Query query = DirectorySearch.sql(criteria(null, List.of(), List.of(), null, null, null,
                DirectorySearchCriteria.Sort.name), new PageRequest(3, 20));
        assertTrue(query.sql().startsWith("WITH page AS (SELECT s.id, s.name,"), query.sql());
        assertTrue(query.sql().contains(" WHERE s.status = 'active' ORDER BY s.name, s.id LIMIT ? OFFSET ?)"), query.sql());
        assertTrue(query.sql().endsWith(" FROM page JOIN dir_service s ON s.id = page.id"
                + " JOIN dir_organization o ON o.id = s.organization_id ORDER BY page.name, page.id"), query.sql());
        assertFalse(query.sql().contains("ARRAY("), "nothing to report per service without languages, terms or words");
        assertEquals(List.of(20, 40), query.params());
    }

    @Test
    void wordsBecomeAWebSearchQueryRankedByRelevance() {
        DirectorySearch.Query query = DirectorySearch.sql(criteria("after school", List.of(), List.of(), null, null, null,
                DirectorySearchCriteria.Sort.relevance), new PageRequest(1, 10));
        assertTrue(query.sql().startsWith("WITH query AS (SELECT websearch_to_tsquery('english', ?) AS q), page AS ("), query.sql());
        assertTrue(query.sql().contains(" AND s.search_vector @@ query.q"), query.sql());
        assertTrue(query.sql().contains(" ORDER BY rank DESC, km ASC NULLS LAST, s.name, s.id LIMIT ? OFFSET ?)"), query.sql());
        assertTrue(query.sql().endsWith(" CROSS JOIN query ORDER BY page.rank DESC, page.km ASC NULLS LAST, page.name, page.id"),
                query.sql());
        assertEquals("after school", query.params().get(0));
        assertEquals(List.of(10, 0), query.params().subList(query.params().size() - 2, query.params().size()));
    }

    @Test
    void aPointBoundsTheLocationsByABoxThenByDistance() {
        DirectorySearch.Query query = DirectorySearch.sql(criteria(null, List.of(), List.of(), null, 42.0, -72.0,
                DirectorySearchCriteria.Sort.distance), new PageRequest(1, 10));
        // the nearest of the service's locations, computed only for locations inside the box
        assertTrue(query.sql().startsWith("WITH page AS (SELECT s.id, s.name, NULL::real AS rank, min((2 * 6371.0088 * asin("), query.sql());
        assertTrue(query.sql().contains(" FROM dir_service s JOIN dir_service_at_location sal ON sal.service_id = s.id"
                + " JOIN dir_location l ON l.id = sal.location_id WHERE"), query.sql());
        assertTrue(query.sql().contains(" AND l.latitude BETWEEN ? AND ? AND l.longitude BETWEEN ? AND ? AND (2 * 6371.0088 * asin("), query.sql());
        assertTrue(query.sql().contains(")))) <= ? GROUP BY s.id ORDER BY km ASC, s.name, s.id LIMIT ? OFFSET ?)"), query.sql());
        assertTrue(query.sql().endsWith(" ORDER BY page.km ASC, page.name, page.id"), query.sql());
        // The haversine point for the distance kept (lat in two places, lon), the box (5 km is 5 / 111.195 degrees of
        // latitude), the point again for the distance compared, the radius.
        assertEquals(List.of(42.0, 42.0, -72.0), query.params().subList(0, 3));
        double dLat = 5 / 111.195;
        assertEquals(42.0 - dLat, (double) query.params().get(3), 1e-9);
        assertEquals(42.0 + dLat, (double) query.params().get(4), 1e-9);
        double dLon = 5 / (111.195 * Math.cos(Math.toRadians(42.0)));
        assertEquals(-72.0 - dLon, (double) query.params().get(5), 1e-9);
        assertEquals(-72.0 + dLon, (double) query.params().get(6), 1e-9);
        assertEquals(List.of(42.0, 42.0, -72.0, 5.0), query.params().subList(7, 11));
    }

    @Test
    void anAgeMustFitTheEligibilityWhereTheServiceStatesOne() {
        DirectorySearch.Query query = DirectorySearch.sql(criteria(null, List.of(), List.of(), 12, null, null,
                DirectorySearchCriteria.Sort.name), new PageRequest(1, 10));
        assertTrue(query.sql().contains(
                " AND (s.minimum_age IS NULL OR s.minimum_age <= ?) AND (s.maximum_age IS NULL OR s.maximum_age >= ?)"), query.sql());
        assertEquals(List.of(12, 12, 10, 0), query.params());
    }

    @Test
    void languagesAreMatchedAndReportedInLowerCase() {
        DirectorySearch.Query query = DirectorySearch.sql(criteria(null, List.of(), List.of("es", "pt"), null, null, null,
                DirectorySearchCriteria.Sort.name), new PageRequest(1, 10));
        assertTrue(query.sql().contains(" ARRAY(SELECT DISTINCT lower(g.code) FROM dir_language g WHERE g.service_id = s.id"
                + " AND lower(g.code) = ANY(?) ORDER BY 1),"), query.sql());
        assertTrue(query.sql().contains(" AND EXISTS (SELECT 1 FROM dir_language g WHERE g.service_id = s.id AND lower(g.code) = ANY(?))"),
                query.sql());
        // the filter and the page first, then the languages reported for the page's services
        assertEquals(List.of(List.of("es", "pt"), 10, 0, List.of("es", "pt")), query.params());
    }

    @Test
    void everyTermIsRequiredAndTheMatchingTermsAreReported() {
        UUID tutoring = UUID.randomUUID();
        UUID mentoring = UUID.randomUUID();
        DirectorySearch.Query query = DirectorySearch.sql(criteria(null, List.of(tutoring, mentoring), List.of(), null, null, null,
                DirectorySearchCriteria.Sort.name), new PageRequest(1, 10));
        String required = " AND EXISTS (SELECT 1 FROM dir_attribute a WHERE a.link_id = s.id AND a.taxonomy_term_id = ?)";
        assertEquals(2, query.sql().split(java.util.regex.Pattern.quote(required), -1).length - 1, query.sql());
        assertTrue(query.sql().contains("WHERE a.link_id = s.id AND (t.id = ANY(?)) ORDER BY t.name, t.id),"), query.sql());
        assertEquals(List.of(tutoring, mentoring, 10, 0, List.of(tutoring, mentoring)), query.params());
    }
}
