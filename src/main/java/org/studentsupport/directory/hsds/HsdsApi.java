package org.studentsupport.directory.hsds;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.directory.DirectorySearch;
import org.studentsupport.domain.InvalidInputException;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.Violation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.studentsupport.directory.hsds.HsdsTable.*;

/** The read side of the HSDS API: the list filters and the single documents. */
@ApplicationScoped
public class HsdsApi {

    private final HsdsRows rows;
    private final HsdsReader reader;

    public HsdsApi(HsdsRows rows, HsdsReader reader) {
        this.rows = rows;
        this.reader = reader;
    }

    @Transactional
    public HsdsPage<ObjectNode> services(HsdsListQuery query) {
        Where where = new Where();
        serviceFilters(query, where, "s");
        List<HsdsRecord> services = rows.select(SERVICE, "SELECT s.* FROM dir_service s" + where + " ORDER BY s.name, s.id LIMIT ? OFFSET ?",
                where.paged(query));
        long total = rows.count(SERVICE, "SELECT count(*) FROM dir_service s" + where, where.params);
        List<ObjectNode> contents = query.minimal() ? services.stream().map(HsdsApi::minimal).toList()
                : query.full() ? services.stream().map(s -> reader.serviceFull(s, true, true)).toList()
                : reader.servicesBrief(services);
        return HsdsPage.of(contents, query.page(), query.perPage(), total);
    }

    /** A service as {@code minimal} lists it: its id and when it last changed. */
    private static ObjectNode minimal(HsdsRecord service) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", service.id.toString());
        json.set("last_modified", service.fields.get(HsdsEntities.LAST_MODIFIED));
        return json;
    }

    @Transactional
    public ObjectNode service(UUID id) {
        return reader.serviceFull(reader.find(SERVICE, id).orElseThrow(() -> new NotFoundException("Service " + id)), true, true);
    }

    @Transactional
    public HsdsPage<ObjectNode> organizations(HsdsListQuery query) {
        Where where = new Where();
        if (query.search() != null && !query.search().isBlank()) {
            where.and("to_tsvector('english', o.name || ' ' || coalesce(o.description, '')) @@ websearch_to_tsquery('english', ?)", query.search());
        }
        modifiedAfter(query, where, "o");
        List<HsdsRecord> organizations = rows.select(ORGANIZATION, "SELECT o.* FROM dir_organization o" + where
                + " ORDER BY o.name, o.id LIMIT ? OFFSET ?", where.paged(query));
        long total = rows.count(ORGANIZATION, "SELECT count(*) FROM dir_organization o" + where, where.params);
        List<ObjectNode> contents = organizations.stream()
                .map(o -> query.full() || query.fullService() ? reader.organizationFull(o, query.fullService()) : o.toJson())
                .toList();
        return HsdsPage.of(contents, query.page(), query.perPage(), total);
    }

    @Transactional
    public ObjectNode organization(UUID id) {
        return reader.organizationFull(reader.find(ORGANIZATION, id).orElseThrow(() -> new NotFoundException("Organization " + id)), true);
    }

    @Transactional
    public HsdsPage<ObjectNode> taxonomies(HsdsListQuery query) {
        Where where = new Where();
        if (query.search() != null && !query.search().isBlank()) {
            where.and("t.name ILIKE ?", "%" + like(query.search()) + "%");
        }
        List<HsdsRecord> taxonomies = rows.select(TAXONOMY, "SELECT t.* FROM dir_taxonomy t" + where
                + " ORDER BY t.name, t.id LIMIT ? OFFSET ?", where.paged(query));
        long total = rows.count(TAXONOMY, "SELECT count(*) FROM dir_taxonomy t" + where, where.params);
        return HsdsPage.of(taxonomies.stream().map(HsdsRecord::toJson).toList(), query.page(), query.perPage(), total);
    }

    @Transactional
    public ObjectNode taxonomy(UUID id) {
        return reader.find(TAXONOMY, id).orElseThrow(() -> new NotFoundException("Taxonomy " + id)).toJson();
    }

    @Transactional
    public HsdsPage<ObjectNode> taxonomyTerms(HsdsListQuery query) {
        Where where = new Where();
        if (query.search() != null && !query.search().isBlank()) {
            where.and("(t.name ILIKE ? OR t.code ILIKE ?)", "%" + like(query.search()) + "%", "%" + like(query.search()) + "%");
        }
        if (query.taxonomyId() != null) {
            where.and("t.taxonomy_id = ?", query.taxonomyId());
        }
        if (query.parentId() != null) {
            where.and("t.parent_id = ?", query.parentId());
        }
        if (query.topOnly()) {
            where.and("NOT EXISTS (SELECT 1 FROM dir_taxonomy_term c WHERE c.parent_id = t.id)");
        }
        List<HsdsRecord> terms = rows.select(TAXONOMY_TERM, "SELECT t.* FROM dir_taxonomy_term t" + where
                + " ORDER BY t.name, t.id LIMIT ? OFFSET ?", where.paged(query));
        long total = rows.count(TAXONOMY_TERM, "SELECT count(*) FROM dir_taxonomy_term t" + where, where.params);
        return HsdsPage.of(terms.stream().map(reader::taxonomyTerm).toList(), query.page(), query.perPage(), total);
    }

    @Transactional
    public ObjectNode taxonomyTerm(UUID id) {
        return reader.taxonomyTerm(reader.find(TAXONOMY_TERM, id).orElseThrow(() -> new NotFoundException("Taxonomy term " + id)));
    }

    @Transactional
    public HsdsPage<ObjectNode> serviceAtLocations(HsdsListQuery query) {
        Where where = new Where();
        where.and("s.id = sal.service_id");
        serviceFilters(query, where, "s");
        String from = " FROM dir_service_at_location sal, dir_service s";
        List<HsdsRecord> sals = rows.select(SERVICE_AT_LOCATION, "SELECT sal.*" + from + where
                + " ORDER BY s.name, sal.id LIMIT ? OFFSET ?", where.paged(query));
        long total = rows.count(SERVICE_AT_LOCATION, "SELECT count(*)" + from + where, where.params);
        List<ObjectNode> contents = query.full()
                ? sals.stream().map(reader::serviceAtLocationFull).toList()
                : reader.serviceAtLocationsBrief(sals);
        return HsdsPage.of(contents, query.page(), query.perPage(), total);
    }

    @Transactional
    public ObjectNode serviceAtLocation(UUID id) {
        return reader.serviceAtLocationFull(reader.find(SERVICE_AT_LOCATION, id)
                .orElseThrow(() -> new NotFoundException("Service at location " + id)));
    }

    private void serviceFilters(HsdsListQuery query, Where where, String s) {
        if (query.minimal() && query.full()) {
            throw new InvalidInputException(List.of(Violation.atParameter("minimal",
                    "minimal lists only ids and modification dates: it cannot be combined with full")));
        }
        if (query.search() != null && !query.search().isBlank()) {
            where.and(s + ".search_vector @@ websearch_to_tsquery('english', ?)", query.search());
        }
        if (query.taxonomyTermId() != null) {
            where.and("EXISTS (SELECT 1 FROM dir_attribute a WHERE a.link_id = " + s + ".id AND a.taxonomy_term_id = ?)",
                    query.taxonomyTermId());
        }
        if (query.taxonomyId() != null) {
            where.and("EXISTS (SELECT 1 FROM dir_attribute a JOIN dir_taxonomy_term t ON t.id = a.taxonomy_term_id"
                    + " WHERE a.link_id = " + s + ".id AND t.taxonomy_id = ?)", query.taxonomyId());
        }
        if (query.organizationId() != null) {
            where.and(s + ".organization_id = ?", query.organizationId());
        }
        modifiedAfter(query, where, s);
        if (query.proximity() != null && (query.postcode() == null || query.postcode().isBlank())) {
            throw new InvalidInputException(List.of(Violation.atParameter("proximity",
                    "proximity is measured from the centroid of a postcode: give postcode too")));
        }
        if (query.postcode() != null && !query.postcode().isBlank()) {
            if (query.proximity() == null) {
                where.and("EXISTS (SELECT 1 FROM dir_service_at_location x JOIN dir_address ad ON ad.location_id = x.location_id"
                        + " WHERE x.service_id = " + s + ".id AND ad.postal_code = ?)", query.postcode());
            } else {
                // The postcode's centroid: the mean position of the directory's locations with that postcode.
                where.and("EXISTS (SELECT 1 FROM dir_service_at_location x JOIN dir_location l ON l.id = x.location_id,"
                        + " (SELECT avg(cl.latitude) AS lat, avg(cl.longitude) AS lon FROM dir_location cl"
                        + "  JOIN dir_address ca ON ca.location_id = cl.id WHERE ca.postal_code = ?) c"
                        + " WHERE x.service_id = " + s + ".id AND " + DirectorySearch.HAVERSINE_KM.formatted("c.lat", "c.lon")
                        + " * 1000 <= ?)", query.postcode(), query.proximity());
            }
        }
    }

    private static void modifiedAfter(HsdsListQuery query, Where where, String alias) {
        if (query.modifiedAfter() == null || query.modifiedAfter().isBlank()) {
            return;
        }
        Instant after;
        try {
            after = query.modifiedAfter().length() <= 10
                    ? LocalDate.parse(query.modifiedAfter()).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(query.modifiedAfter()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(Violation.atParameter("modified_after",
                    "must be an ISO 8601 date (2026-01-31) or date-time with offset (2026-01-31T08:00:00Z)")));
        }
        where.and(alias + ".updated_at >= ?", Timestamp.from(after));
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A WHERE clause built from fixed fragments and bound parameters. */
    static final class Where {
        final StringBuilder sql = new StringBuilder();
        final List<Object> params = new ArrayList<>();

        void and(String condition, Object... values) {
            sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(condition);
            params.addAll(List.of(values));
        }

        List<Object> paged(HsdsListQuery query) {
            List<Object> all = new ArrayList<>(params);
            all.add(query.perPage());
            all.add(query.offset());
            return all;
        }

        @Override
        public String toString() {
            return sql.toString();
        }
    }
}
