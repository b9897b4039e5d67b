package org.studentsupport.directory.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.StatelessSession;
import org.studentsupport.directory.Location;
import org.studentsupport.directory.Organization;
import org.studentsupport.directory.ProviderService;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.studentsupport.directory.hsds.HsdsTable.LOCATION;
import static org.studentsupport.directory.hsds.HsdsTable.ORGANIZATION;
import static org.studentsupport.directory.hsds.HsdsTable.SERVICE;

/**
 * Organization, service and location as HSDS records. These three tables are mapped by their JPA
 * entities alone: reads go through the entity manager, and the import writes through a stateless
 * session, so each row is in the database as soon as it is written and the store's child rows can
 * refer to it.
 */
@ApplicationScoped
public class HsdsEntities {

    /**
     * A service's {@code last_modified} is when this directory last changed it (the row's
     * {@code updated_at}, what {@code modified_after} filters on), never the date a source published:
     * a regional directory that syncs with {@code modified_after} must see the same clock.
     */
    public static final String LAST_MODIFIED = "last_modified";

    private final EntityManager em;
    private final StatelessSession stateless;

    public HsdsEntities(EntityManager em, StatelessSession stateless) {
        this.em = em;
        this.stateless = stateless;
    }

    /** The records whose {@code column} (id or a reference) is one of {@code ids}, ordered by id. */
    public List<HsdsRecord> load(HsdsTable table, String column, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String attribute = switch (column) {
            case "id" -> "id";
            case "organization_id" -> table == SERVICE ? "organization.id" : "organizationId";
            case "parent_organization_id" -> "parentOrganizationId";
            case "program_id" -> "programId";
            default -> throw new IllegalArgumentException(table.hsdsName() + " has no column " + column);
        };
        return em.createQuery("select e from " + entityClass(table).getSimpleName() + " e where e." + attribute
                        + " in :ids order by e.id", entityClass(table))
                .setParameter("ids", ids).getResultList().stream().map(this::record).toList();
    }

    /** Records chosen by a native query that selects all of the table's columns ({@code ?} parameters). */
    public List<HsdsRecord> select(HsdsTable table, String sql, List<Object> params) {
        var query = em.createNativeQuery(sql, entityClass(table));
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.getResultList().stream().map(this::record).toList();
    }

    public long count(String sql, List<Object> params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    public Set<UUID> existing(HsdsTable table, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select e.id from " + entityClass(table).getSimpleName() + " e where e.id in :ids",
                UUID.class).setParameter("ids", ids).getResultList());
    }

    /** Inserts the record or replaces the one with its id; an unchanged record keeps its version and author. */
    public void upsert(HsdsRecord record, String subject) {
        switch (record.table) {
            case ORGANIZATION -> {
                Organization existing = stateless.get(Organization.class, record.id);
                Organization o = existing != null ? existing : new Organization(record.id, null);
                HsdsRecord before = existing == null ? null : record(existing);
                o.name = text(record, "name");
                o.alternateName = text(record, "alternate_name");
                o.description = text(record, "description");
                o.email = text(record, "email");
                o.website = text(record, "website");
                o.parentOrganizationId = record.ref("parent_organization_id");
                o.extra = extra(record);
                if (existing == null || !same(before, record(o))) {
                    o.updatedBy = subject;
                    write(o, existing == null);
                }
            }
            case SERVICE -> {
                ProviderService existing = stateless.get(ProviderService.class, record.id);
                ProviderService s = existing != null ? existing : new ProviderService(record.id, null, null);
                HsdsRecord before = existing == null ? null : record(existing);
                UUID organizationId = record.ref("organization_id");
                if (s.organization == null || !s.organization.id.equals(organizationId)) {
                    s.organization = stateless.get(Organization.class, organizationId);
                }
                s.programId = record.ref("program_id");
                s.name = text(record, "name");
                s.alternateName = text(record, "alternate_name");
                s.description = text(record, "description");
                s.status = text(record, "status");
                s.eligibilityDescription = text(record, "eligibility_description");
                s.minimumAge = decimal(record, "minimum_age");
                s.maximumAge = decimal(record, "maximum_age");
                s.extra = extra(record);
                if (existing == null || !same(before, record(s))) {
                    s.updatedBy = subject;
                    write(s, existing == null);
                }
            }
            case LOCATION -> {
                Location existing = stateless.get(Location.class, record.id);
                Location l = existing != null ? existing : new Location(record.id, null);
                HsdsRecord before = existing == null ? null : record(existing);
                l.organizationId = record.ref("organization_id");
                l.locationType = text(record, "location_type");
                l.name = text(record, "name");
                l.description = text(record, "description");
                boolean located = coordinatesFit(record);
                l.latitude = located ? record.fields.get("latitude").asDouble() : null;
                l.longitude = located ? record.fields.get("longitude").asDouble() : null;
                l.extra = extra(record);
                if (existing == null || !same(before, record(l))) {
                    l.updatedBy = subject;
                    write(l, existing == null);
                }
            }
            default -> throw new IllegalArgumentException(record.table.hsdsName() + " is kept by the store");
        }
    }

    /** Coordinates go to their columns only as a usable pair: both given, both in range. */
    public static boolean coordinatesFit(HsdsRecord record) {
        return record.table.columns().stream().filter(c -> c.kind() == 'C')
                .allMatch(c -> c.fits(record.fields.get(c.name())));
    }

    private void write(Object entity, boolean fresh) {
        if (fresh) {
            stateless.insert(entity);
        } else {
            stateless.update(entity);
        }
    }

    private boolean same(HsdsRecord before, HsdsRecord after) {
        // Both sides through text, so that 12 read from the database equals 12 from the upload.
        return before.refs.equals(after.refs) && HsdsJson.object(HsdsJson.text(before.fields)).equals(HsdsJson.object(HsdsJson.text(after.fields)));
    }

    public HsdsRecord record(Object entity) {
        if (entity instanceof Organization o) {
            HsdsRecord record = new HsdsRecord(ORGANIZATION, o.id, HsdsJson.object(o.extra));
            put(record, "name", o.name);
            put(record, "alternate_name", o.alternateName);
            put(record, "description", o.description);
            put(record, "email", o.email);
            put(record, "website", o.website);
            ref(record, "parent_organization_id", o.parentOrganizationId);
            return record;
        }
        if (entity instanceof ProviderService s) {
            HsdsRecord record = new HsdsRecord(SERVICE, s.id, HsdsJson.object(s.extra));
            ref(record, "organization_id", s.organization == null ? null : s.organization.id);
            ref(record, "program_id", s.programId);
            put(record, "name", s.name);
            put(record, "alternate_name", s.alternateName);
            put(record, "description", s.description);
            put(record, "status", s.status);
            put(record, "eligibility_description", s.eligibilityDescription);
            if (s.minimumAge != null) {
                record.fields.set("minimum_age", HsdsStore.number(s.minimumAge));
            }
            if (s.maximumAge != null) {
                record.fields.set("maximum_age", HsdsStore.number(s.maximumAge));
            }
            if (s.updatedAt != null) {
                // Milliseconds, as HSDS asks; cut down, never rounded up, so that modified_after=<this value> finds it.
                record.fields.put(LAST_MODIFIED, s.updatedAt.truncatedTo(ChronoUnit.MILLIS).toString());
            }
            return record;
        }
        Location l = (Location) entity;
        HsdsRecord record = new HsdsRecord(LOCATION, l.id, HsdsJson.object(l.extra));
        ref(record, "organization_id", l.organizationId);
        put(record, "location_type", l.locationType);
        put(record, "name", l.name);
        put(record, "description", l.description);
        if (l.latitude != null && l.longitude != null) {
            record.fields.set("latitude", DoubleNode.valueOf(l.latitude));
            record.fields.set("longitude", DoubleNode.valueOf(l.longitude));
        }
        return record;
    }

    private static Class<?> entityClass(HsdsTable table) {
        return switch (table) {
            case ORGANIZATION -> Organization.class;
            case SERVICE -> ProviderService.class;
            case LOCATION -> Location.class;
            default -> throw new IllegalArgumentException(table.hsdsName() + " is kept by the store");
        };
    }

    private static void put(HsdsRecord record, String field, String value) {
        if (value != null) {
            record.fields.put(field, value);
        }
    }

    private static void ref(HsdsRecord record, String field, UUID value) {
        if (value != null) {
            record.refs.put(field, value);
        }
    }

    private static String text(HsdsRecord record, String field) {
        JsonNode value = record.fields.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BigDecimal decimal(HsdsRecord record, String field) {
        JsonNode value = record.fields.get(field);
        return value == null || !value.isNumber() ? null : value.decimalValue();
    }

    /** What has no column of its own; coordinates out of range stay here as published. */
    private static String extra(HsdsRecord record) {
        ObjectNode extra = record.fields.deepCopy();
        boolean located = record.table != LOCATION || coordinatesFit(record);
        if (record.table == SERVICE) {
            extra.remove(LAST_MODIFIED);
        }
        for (HsdsTable.Column column : record.table.columns()) {
            if (column.kind() != 'C' || located) {
                extra.remove(column.name());
            }
        }
        return HsdsJson.text(extra);
    }
}
