package org.studentsupport.directory;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.directory.hsds.HsdsImport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds small hand-made directories for the directory tests, and counts what is stored. */
@ApplicationScoped
public class DirectoryFixtures {

    private final AgroalDataSource dataSource;
    private final HsdsImport imports;

    public DirectoryFixtures(AgroalDataSource dataSource, HsdsImport imports) {
        this.dataSource = dataSource;
        this.imports = imports;
    }

    /** Imports HSDS JSON as an administrator would (idempotent by id). */
    public void importJson(String json) {
        try {
            imports.importJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), "test-fixture");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void setCapacity(UUID service, String capacity) {
        execute("UPDATE dir_service SET capacity_status = '" + capacity.replace("'", "") + "' WHERE id = '" + service + "'");
    }

    public void placeSchool(UUID school, double latitude, double longitude) {
        execute("UPDATE school SET latitude = " + latitude + ", longitude = " + longitude + " WHERE id = '" + school + "'");
    }

    /** A student of the school who turned {@code age} yesterday. */
    public UUID student(UUID school, String sourcedId, int age) {
        UUID id = UUID.nameUUIDFromBytes(sourcedId.getBytes());
        java.time.LocalDate born = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusYears(age).minusDays(1);
        execute("INSERT INTO student (id, sourced_id, school_id, given_name, family_name, birth_date) VALUES ('" + id + "', '"
                + sourcedId.replace("'", "") + "', '" + school + "', 'Test', 'Student', DATE '" + born + "') ON CONFLICT DO NOTHING");
        return id;
    }

    /** Rows in every directory table together: "nothing was written" means this did not change. */
    public long directoryRows() {
        return number("SELECT (SELECT count(*) FROM dir_organization) + (SELECT count(*) FROM dir_service)"
                + " + (SELECT count(*) FROM dir_location) + (SELECT count(*) FROM dir_service_at_location)"
                + " + (SELECT count(*) FROM dir_phone) + (SELECT count(*) FROM dir_language) + (SELECT count(*) FROM dir_attribute)"
                + " + (SELECT count(*) FROM dir_taxonomy_term) + (SELECT count(*) FROM dir_metadata) + (SELECT count(*) FROM dir_contact)"
                + " + (SELECT count(*) FROM dir_schedule) + (SELECT count(*) FROM dir_cost_option)");
    }

    public String storedExtra(String csvFile, String id) {
        String table = switch (csvFile) {
            case "attributes" -> "dir_attribute";
            case "metadata" -> "dir_metadata";
            default -> "dir_meta_table_description";
        };
        List<String> found = strings("SELECT extra::text FROM " + table + " WHERE id = '" + UUID.fromString(id) + "'");
        return found.isEmpty() ? null : found.get(0);
    }

    public List<String> serviceIds(String prefix) {
        return strings("SELECT id::text FROM dir_service WHERE name LIKE '" + prefix.replace("'", "") + "%' ORDER BY id");
    }

    /** A few organizations and services in HSDS form, named with a prefix so that tests can find them. */
    @Transactional
    public void smallDirectory(String prefix) {
        UUID org = UUID.nameUUIDFromBytes((prefix + "-org").getBytes());
        UUID taxonomy = UUID.nameUUIDFromBytes((prefix + "-tax").getBytes());
        UUID term = UUID.nameUUIDFromBytes((prefix + "-term").getBytes());
        UUID location = UUID.nameUUIDFromBytes((prefix + "-loc").getBytes());
        execute("INSERT INTO dir_organization (id, name, description, website) VALUES ('" + org + "', '" + prefix
                + " Family Center', 'Family support', 'https://family.example.org') ON CONFLICT DO NOTHING");
        execute("INSERT INTO dir_taxonomy (id, name, extra) VALUES ('" + taxonomy + "', '" + prefix
                + " taxonomy', '{\"description\": \"Test taxonomy\"}') ON CONFLICT DO NOTHING");
        execute("INSERT INTO dir_taxonomy_term (id, taxonomy_id, code, name, extra) VALUES ('" + term + "', '" + taxonomy
                + "', '" + prefix + "-tutoring', 'Tutoring', '{\"description\": \"Tutoring\"}') ON CONFLICT DO NOTHING");
        execute("INSERT INTO dir_location (id, organization_id, name, latitude, longitude) VALUES ('" + location + "', '" + org
                + "', 'Main office', 42.11, -72.58) ON CONFLICT DO NOTHING");
        for (int i = 1; i <= 2; i++) {
            UUID service = UUID.nameUUIDFromBytes((prefix + "-svc" + i).getBytes());
            execute("INSERT INTO dir_service (id, organization_id, name, description, minimum_age, maximum_age) VALUES ('" + service
                    + "', '" + org + "', '" + prefix + " service " + i + "', 'Homework help', 6, 14) ON CONFLICT DO NOTHING");
            execute("INSERT INTO dir_service_at_location (id, service_id, location_id) VALUES ('"
                    + UUID.nameUUIDFromBytes((prefix + "-sal" + i).getBytes()) + "', '" + service + "', '" + location + "') ON CONFLICT DO NOTHING");
            execute("INSERT INTO dir_attribute (id, link_id, taxonomy_term_id, extra) VALUES ('"
                    + UUID.nameUUIDFromBytes((prefix + "-attr" + i).getBytes()) + "', '" + service + "', '" + term
                    + "', '{\"link_type\": \"service\"}') ON CONFLICT DO NOTHING");
            execute("INSERT INTO dir_language (id, service_id, code, extra) VALUES ('"
                    + UUID.nameUUIDFromBytes((prefix + "-lang" + i).getBytes()) + "', '" + service + "', 'es', '{\"name\": \"Spanish\"}') ON CONFLICT DO NOTHING");
        }
    }

    /** {@code count} services of one new organization, named {@code prefix service n}; returns the organization's id. */
    public UUID manyServices(String prefix, int count) {
        UUID org = UUID.nameUUIDFromBytes((prefix + "-many-org").getBytes());
        execute("INSERT INTO dir_organization (id, name, description) VALUES ('" + org + "', '" + prefix.replace("'", "")
                + " Network', 'Many services') ON CONFLICT DO NOTHING");
        execute("INSERT INTO dir_service (id, organization_id, name, description) SELECT gen_random_uuid(), '" + org + "', '"
                + prefix.replace("'", "") + " service ' || lpad(n::text, 5, '0'), 'Generated' FROM generate_series(1, " + count + ") n"
                + " WHERE NOT EXISTS (SELECT 1 FROM dir_service WHERE organization_id = '" + org + "')");
        return org;
    }

    /** The service's updated_at as the database keeps it (microseconds). */
    public java.time.Instant serviceUpdatedAt(String service) {
        return java.time.OffsetDateTime.parse(strings("SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                + " FROM dir_service WHERE id = '" + UUID.fromString(service) + "'").get(0)).toInstant();
    }

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql) {
        return number(sql);
    }

    private long number(String sql) {
        return Long.parseLong(strings(sql).get(0));
    }

    private List<String> strings(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}
