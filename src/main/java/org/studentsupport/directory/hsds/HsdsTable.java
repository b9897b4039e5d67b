package org.studentsupport.directory.hsds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The HSDS 3.0 tables the directory stores, in the order they can be written (a table only refers
 * to tables above it). For each: its fields as the HSDS 3.0 schemas name them, the fields kept as
 * typed columns, and its references. A {@code strict} reference
 * must name an existing record; a {@code loose} one is kept as published (HSDS publishers, the HSDS
 * example data included, leave optional cross-links pointing nowhere).
 */
public enum HsdsTable {
    ORGANIZATION("organization", "dir_organization", "organizations.csv", true,
            List.of(f("id", 'U'), f("name", 'S'), f("alternate_name", 'S'), f("description", 'S'), f("email", 'S'), f("website", 'S'), f("tax_status", 'S'), f("tax_id", 'S'), f("year_incorporated", 'N'), f("legal_status", 'S'), f("logo", 'S'), f("uri", 'S'), f("parent_organization_id", 'U')),
            List.of(text("name",255), text("alternate_name",255), text("description",10000), text("email",320), text("website",2048)),
            List.of(loose("parent_organization_id", true))),
    PROGRAM("program", "dir_program", "programs.csv", false,
            List.of(f("id", 'U'), f("organization_id", 'U'), f("name", 'S'), f("alternate_name", 'S'), f("description", 'S')),
            List.of(),
            List.of(strict("organization_id","organization"))),
    SERVICE("service", "dir_service", "services.csv", true,
            List.of(f("id", 'U'), f("organization_id", 'U'), f("program_id", 'U'), f("name", 'S'), f("alternate_name", 'S'), f("description", 'S'), f("url", 'S'), f("email", 'S'), f("status", 'S'), f("interpretation_services", 'S'), f("application_process", 'S'), f("fees_description", 'S'), f("wait_time", 'S'), f("fees", 'S'), f("accreditations", 'S'), f("eligibility_description", 'S'), f("minimum_age", 'N'), f("maximum_age", 'N'), f("assured_date", 'S'), f("assurer_email", 'S'), f("licenses", 'S'), f("alert", 'S'), f("last_modified", 'S')),
            List.of(text("name",255), text("alternate_name",255), text("description",10000), text("status",20), text("eligibility_description",10000), number("minimum_age"), number("maximum_age")),
            List.of(strict("organization_id","organization"), loose("program_id", false))),
    LOCATION("location", "dir_location", "locations.csv", true,
            List.of(f("id", 'U'), f("location_type", 'S'), f("url", 'S'), f("organization_id", 'U'), f("name", 'S'), f("alternate_name", 'S'), f("description", 'S'), f("transportation", 'S'), f("latitude", 'N'), f("longitude", 'N'), f("external_identifier", 'S'), f("external_identifier_type", 'S')),
            List.of(text("location_type",20), text("name",255), text("description",10000), coordinate("latitude",90), coordinate("longitude",180)),
            List.of(loose("organization_id", false))),
    SERVICE_AT_LOCATION("service_at_location", "dir_service_at_location", "service_at_location.csv", false,
            List.of(f("id", 'U'), f("service_id", 'U'), f("location_id", 'U'), f("description", 'S')),
            List.of(),
            List.of(strict("service_id","service"), strict("location_id","location"))),
    ADDRESS("address", "dir_address", "addresses.csv", false,
            List.of(f("id", 'U'), f("location_id", 'U'), f("attention", 'S'), f("address_1", 'S'), f("address_2", 'S'), f("city", 'S'), f("region", 'S'), f("state_province", 'S'), f("postal_code", 'S'), f("country", 'S'), f("address_type", 'S')),
            List.of(text("postal_code",50)),
            List.of(strict("location_id","location"))),
    CONTACT("contact", "dir_contact", "contacts.csv", false,
            List.of(f("id", 'U'), f("organization_id", 'U'), f("service_id", 'U'), f("service_at_location_id", 'U'), f("location_id", 'U'), f("name", 'S'), f("title", 'S'), f("department", 'S'), f("email", 'S')),
            List.of(),
            List.of(loose("organization_id", false), loose("service_id", false), loose("service_at_location_id", false), loose("location_id", false))),
    PHONE("phone", "dir_phone", "phones.csv", false,
            List.of(f("id", 'U'), f("location_id", 'U'), f("service_id", 'U'), f("organization_id", 'U'), f("contact_id", 'U'), f("service_at_location_id", 'U'), f("number", 'S'), f("extension", 'N'), f("type", 'S'), f("description", 'S')),
            List.of(),
            List.of(strict("location_id","location"), strict("service_id","service"), strict("organization_id","organization"), loose("contact_id", false), strict("service_at_location_id","service_at_location"))),
    SCHEDULE("schedule", "dir_schedule", "schedules.csv", false,
            List.of(f("id", 'U'), f("service_id", 'U'), f("location_id", 'U'), f("service_at_location_id", 'U'), f("valid_from", 'S'), f("valid_to", 'S'), f("dtstart", 'S'), f("timezone", 'N'), f("until", 'S'), f("count", 'N'), f("wkst", 'S'), f("freq", 'S'), f("interval", 'N'), f("byday", 'S'), f("byweekno", 'S'), f("bymonthday", 'S'), f("byyearday", 'S'), f("description", 'S'), f("opens_at", 'S'), f("closes_at", 'S'), f("schedule_link", 'S'), f("attending_type", 'S'), f("notes", 'S')),
            List.of(text("byday",100)),
            List.of(strict("service_id","service"), strict("location_id","location"), strict("service_at_location_id","service_at_location"))),
    LANGUAGE("language", "dir_language", "languages.csv", false,
            List.of(f("id", 'U'), f("service_id", 'U'), f("location_id", 'U'), f("phone_id", 'U'), f("name", 'S'), f("code", 'S'), f("note", 'S')),
            List.of(text("code",50)),
            List.of(strict("service_id","service"), strict("location_id","location"), strict("phone_id","phone"))),
    SERVICE_AREA("service_area", "dir_service_area", "service_areas.csv", false,
            List.of(f("id", 'U'), f("service_id", 'U'), f("name", 'S'), f("description", 'S'), f("extent", 'S'), f("extent_type", 'S'), f("uri", 'S')),
            List.of(),
            List.of(strict("service_id","service"))),
    COST_OPTION("cost_option", "dir_cost_option", "cost_options.csv", false,
            List.of(f("id", 'U'), f("service_id", 'U'), f("valid_from", 'S'), f("valid_to", 'S'), f("option", 'S'), f("currency", 'S'), f("amount", 'N'), f("amount_description", 'S')),
            List.of(number("amount")),
            List.of(strict("service_id","service"))),
    FUNDING("funding", "dir_funding", "funding.csv", false,
            List.of(f("id", 'U'), f("organization_id", 'U'), f("service_id", 'U'), f("source", 'S')),
            List.of(),
            List.of(strict("organization_id","organization"), strict("service_id","service"))),
    ACCESSIBILITY("accessibility", "dir_accessibility", "accessibility.csv", false,
            List.of(f("id", 'U'), f("location_id", 'U'), f("description", 'S'), f("details", 'S'), f("url", 'S')),
            List.of(),
            List.of(strict("location_id","location"))),
    REQUIRED_DOCUMENT("required_document", "dir_required_document", "required_documents.csv", false,
            List.of(f("id", 'U'), f("service_id", 'U'), f("document", 'S'), f("uri", 'S')),
            List.of(),
            List.of(strict("service_id","service"))),
    ORGANIZATION_IDENTIFIER("organization_identifier", "dir_organization_identifier", "organization_identifiers.csv", false,
            List.of(f("id", 'U'), f("organization_id", 'U'), f("identifier_scheme", 'S'), f("identifier_type", 'S'), f("identifier", 'S')),
            List.of(),
            List.of(strict("organization_id","organization"))),
    TAXONOMY("taxonomy", "dir_taxonomy", "taxonomies.csv", false,
            List.of(f("id", 'U'), f("name", 'S'), f("description", 'S'), f("uri", 'S'), f("version", 'S')),
            List.of(text("name",255)),
            List.of()),
    TAXONOMY_TERM("taxonomy_term", "dir_taxonomy_term", "taxonomy_terms.csv", false,
            List.of(f("id", 'U'), f("code", 'S'), f("name", 'S'), f("description", 'S'), f("parent_id", 'U'), f("taxonomy", 'S'), f("language", 'S'), f("taxonomy_id", 'U'), f("term_uri", 'S')),
            List.of(text("code",100), text("name",255)),
            List.of(loose("taxonomy_id", false), loose("parent_id", true))),
    ATTRIBUTE("attribute", "dir_attribute", "attributes.csv", false,
            List.of(f("id", 'U'), f("link_id", 'U'), f("taxonomy_term_id", 'U'), f("link_type", 'S'), f("link_entity", 'S'), f("value", 'S')),
            List.of(),
            List.of(loose("link_id", false), strict("taxonomy_term_id","taxonomy_term"))),
    METADATA("metadata", "dir_metadata", "metadata.csv", false,
            List.of(f("id", 'U'), f("resource_id", 'U'), f("resource_type", 'S'), f("last_action_date", 'S'), f("last_action_type", 'S'), f("field_name", 'S'), f("previous_value", 'S'), f("replacement_value", 'S'), f("updated_by", 'S')),
            List.of(text("resource_type",50), text("last_action_date",35), text("last_action_type",50), text("field_name",100), text("previous_value",10000), text("replacement_value",10000), text("updated_by",255)),
            List.of(loose("resource_id", false))),
    META_TABLE_DESCRIPTION("meta_table_description", "dir_meta_table_description", "meta_table_descriptions.csv", false,
            List.of(f("id", 'U'), f("name", 'S'), f("language", 'S'), f("character_set", 'S')),
            List.of(),
            List.of());

    /**
     * A field of an HSDS table: S string, N number (in the tabular form too), U uuid (a reference).
     * Types, required fields, allowed values and formats are checked by {@link HsdsSchemas}.
     */
    public record Field(String name, char kind) {
    }

    /** A field stored as its own column: text with a maximum length, a number, or a coordinate with a bound. */
    public record Column(String name, char kind, int limit) {

        /** Whether a coordinate fits this column; out-of-range values stay in {@code extra} as published. */
        public boolean fits(com.fasterxml.jackson.databind.JsonNode value) {
            return value != null && value.isNumber() && Math.abs(value.asDouble()) <= limit;
        }
    }

    public record Ref(String field, String target, boolean strict, boolean published) {
    }

    private final String hsdsName;
    private final String sqlTable;
    private final String csvFile;
    private final boolean entity;
    private final List<Field> fields;
    private final Map<String, Field> fieldsByName;
    private final List<Column> columns;
    private final List<Ref> refs;

    HsdsTable(String hsdsName, String sqlTable, String csvFile, boolean entity, List<Field> fields,
              List<Column> columns, List<Ref> refs) {
        this.hsdsName = hsdsName;
        this.sqlTable = sqlTable;
        this.csvFile = csvFile;
        this.entity = entity;
        this.fields = fields;
        this.fieldsByName = fields.stream().collect(Collectors.toMap(Field::name, Function.identity()));
        this.columns = columns;
        this.refs = refs;
    }

    public String hsdsName() {
        return hsdsName;
    }

    public String sqlTable() {
        return sqlTable;
    }

    public String csvFile() {
        return csvFile;
    }

    /**
     * Organization, service and location are JPA entities (with a version, the time and the author of
     * the last change); the other tables are kept by {@link HsdsStore}.
     */
    public boolean entity() {
        return entity;
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(fieldsByName.get(name));
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Ref> refs() {
        return refs;
    }

    public Optional<Ref> ref(String field) {
        return refs.stream().filter(r -> r.field.equals(field)).findFirst();
    }

    public static Optional<HsdsTable> byCsvFile(String file) {
        return Stream.of(values()).filter(t -> t.csvFile.equals(file)).findFirst();
    }

    public static HsdsTable byName(String hsdsName) {
        return Stream.of(values()).filter(t -> t.hsdsName.equals(hsdsName)).findFirst().orElseThrow();
    }

    private static Field f(String name, char kind) {
        return new Field(name, kind);
    }

    private static Column text(String name, int maxLength) {
        return new Column(name, 'S', maxLength);
    }

    private static Column number(String name) {
        return new Column(name, 'N', 0);
    }

    private static Column coordinate(String name, int bound) {
        return new Column(name, 'C', bound);
    }

    private static Ref strict(String field, String target) {
        return new Ref(field, target, true, false);
    }

    private static Ref loose(String field, boolean published) {
        return new Ref(field, null, false, published);
    }
}
