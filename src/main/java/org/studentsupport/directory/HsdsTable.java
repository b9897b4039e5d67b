package org.studentsupport.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The HSDS 3.0 tables the directory stores, in the order they can be written (a table only refers
 * to tables above it). For each: its fields as the HSDS 3.0 schemas define them (type, required,
 * allowed values), the fields kept as typed columns, and its references. A {@code strict} reference
 * must name an existing record; a {@code loose} one is kept as published (HSDS publishers, the HSDS
 * example data included, leave optional cross-links pointing nowhere).
 */
public enum HsdsTable {
    ORGANIZATION("organization", "dir_organization", "organizations.csv", true,
            List.of(f("id", 'U', true), f("name", 'S', true), f("alternate_name", 'S', false), f("description", 'S', true), f("email", 'S', false), f("website", 'S', false), f("tax_status", 'S', false), f("tax_id", 'S', false), f("year_incorporated", 'N', false), f("legal_status", 'S', false), f("logo", 'S', false), f("uri", 'S', false), f("parent_organization_id", 'U', false)),
            List.of(text("name",255), text("alternate_name",255), text("description",10000), text("email",320), text("website",2048)),
            List.of(loose("parent_organization_id", true))),
    PROGRAM("program", "dir_program", "programs.csv", false,
            List.of(f("id", 'U', true), f("organization_id", 'U', false), f("name", 'S', true), f("alternate_name", 'S', false), f("description", 'S', true)),
            List.of(),
            List.of(strict("organization_id","organization"))),
    SERVICE("service", "dir_service", "services.csv", true,
            List.of(f("id", 'U', true), f("organization_id", 'U', false), f("program_id", 'U', false), f("name", 'S', true), f("alternate_name", 'S', false), f("description", 'S', false), f("url", 'S', false), f("email", 'S', false), f("status", 'S', true, "active|inactive|defunct|temporarily closed"), f("interpretation_services", 'S', false), f("application_process", 'S', false), f("fees_description", 'S', false), f("wait_time", 'S', false), f("fees", 'S', false), f("accreditations", 'S', false), f("eligibility_description", 'S', false), f("minimum_age", 'N', false), f("maximum_age", 'N', false), f("assured_date", 'S', false), f("assurer_email", 'S', false), f("licenses", 'S', false), f("alert", 'S', false), f("last_modified", 'T', false)),
            List.of(text("name",255), text("alternate_name",255), text("description",10000), text("status",20), text("eligibility_description",10000), number("minimum_age"), number("maximum_age")),
            List.of(strict("organization_id","organization"), loose("program_id", false))),
    LOCATION("location", "dir_location", "locations.csv", true,
            List.of(f("id", 'U', true), f("location_type", 'S', true, "physical|postal|virtual"), f("url", 'S', false), f("organization_id", 'U', false), f("name", 'S', false), f("alternate_name", 'S', false), f("description", 'S', false), f("transportation", 'S', false), f("latitude", 'N', false), f("longitude", 'N', false), f("external_identifier", 'S', false), f("external_identifier_type", 'S', false)),
            List.of(text("location_type",20), text("name",255), text("description",10000), coordinate("latitude",90), coordinate("longitude",180)),
            List.of(loose("organization_id", false))),
    SERVICE_AT_LOCATION("service_at_location", "dir_service_at_location", "service_at_location.csv", false,
            List.of(f("id", 'U', true), f("service_id", 'U', false), f("location_id", 'U', false), f("description", 'S', false)),
            List.of(),
            List.of(strict("service_id","service"), strict("location_id","location"))),
    ADDRESS("address", "dir_address", "addresses.csv", false,
            List.of(f("id", 'U', true), f("location_id", 'U', false), f("attention", 'S', false), f("address_1", 'S', true), f("address_2", 'S', false), f("city", 'S', true), f("region", 'S', false), f("state_province", 'S', true), f("postal_code", 'S', true), f("country", 'S', true), f("address_type", 'S', true, "physical|postal|virtual")),
            List.of(text("postal_code",50)),
            List.of(strict("location_id","location"))),
    CONTACT("contact", "dir_contact", "contacts.csv", false,
            List.of(f("id", 'U', true), f("organization_id", 'U', false), f("service_id", 'U', false), f("service_at_location_id", 'U', false), f("location_id", 'U', false), f("name", 'S', false), f("title", 'S', false), f("department", 'S', false), f("email", 'S', false)),
            List.of(),
            List.of(loose("organization_id", false), loose("service_id", false), loose("service_at_location_id", false), loose("location_id", false))),
    PHONE("phone", "dir_phone", "phones.csv", false,
            List.of(f("id", 'U', true), f("location_id", 'U', false), f("service_id", 'U', false), f("organization_id", 'U', false), f("contact_id", 'U', false), f("service_at_location_id", 'U', false), f("number", 'S', true), f("extension", 'N', false), f("type", 'S', false), f("description", 'S', false)),
            List.of(),
            List.of(strict("location_id","location"), strict("service_id","service"), strict("organization_id","organization"), loose("contact_id", false), strict("service_at_location_id","service_at_location"))),
    SCHEDULE("schedule", "dir_schedule", "schedules.csv", false,
            List.of(f("id", 'U', true), f("service_id", 'U', false), f("location_id", 'U', false), f("service_at_location_id", 'U', false), f("valid_from", 'S', false), f("valid_to", 'S', false), f("dtstart", 'S', false), f("timezone", 'N', false), f("until", 'S', false), f("count", 'N', false), f("wkst", 'S', false, "MO|TU|WE|TH|FR|SA|SU"), f("freq", 'S', false, "WEEKLY|MONTHLY"), f("interval", 'N', false), f("byday", 'S', false), f("byweekno", 'S', false), f("bymonthday", 'S', false), f("byyearday", 'S', false), f("description", 'S', false), f("opens_at", 'S', false), f("closes_at", 'S', false), f("schedule_link", 'S', false), f("attending_type", 'S', false), f("notes", 'S', false)),
            List.of(text("byday",100)),
            List.of(strict("service_id","service"), strict("location_id","location"), strict("service_at_location_id","service_at_location"))),
    LANGUAGE("language", "dir_language", "languages.csv", false,
            List.of(f("id", 'U', true), f("service_id", 'U', false), f("location_id", 'U', false), f("phone_id", 'U', false), f("name", 'S', false), f("code", 'S', false), f("note", 'S', false)),
            List.of(text("code",50)),
            List.of(strict("service_id","service"), strict("location_id","location"), strict("phone_id","phone"))),
    SERVICE_AREA("service_area", "dir_service_area", "service_areas.csv", false,
            List.of(f("id", 'U', true), f("service_id", 'U', false), f("name", 'S', false), f("description", 'S', false), f("extent", 'S', false), f("extent_type", 'S', false), f("uri", 'S', false)),
            List.of(),
            List.of(strict("service_id","service"))),
    COST_OPTION("cost_option", "dir_cost_option", "cost_options.csv", false,
            List.of(f("id", 'U', true), f("service_id", 'U', false), f("valid_from", 'S', false), f("valid_to", 'S', false), f("option", 'S', false), f("currency", 'S', false), f("amount", 'N', false), f("amount_description", 'S', false)),
            List.of(number("amount")),
            List.of(strict("service_id","service"))),
    FUNDING("funding", "dir_funding", "funding.csv", false,
            List.of(f("id", 'U', true), f("organization_id", 'U', false), f("service_id", 'U', false), f("source", 'S', false)),
            List.of(),
            List.of(strict("organization_id","organization"), strict("service_id","service"))),
    ACCESSIBILITY("accessibility", "dir_accessibility", "accessibility.csv", false,
            List.of(f("id", 'U', true), f("location_id", 'U', false), f("description", 'S', false), f("details", 'S', false), f("url", 'S', false)),
            List.of(),
            List.of(strict("location_id","location"))),
    REQUIRED_DOCUMENT("required_document", "dir_required_document", "required_documents.csv", false,
            List.of(f("id", 'U', true), f("service_id", 'U', false), f("document", 'S', false), f("uri", 'S', false)),
            List.of(),
            List.of(strict("service_id","service"))),
    ORGANIZATION_IDENTIFIER("organization_identifier", "dir_organization_identifier", "organization_identifiers.csv", false,
            List.of(f("id", 'U', true), f("organization_id", 'U', false), f("identifier_scheme", 'S', false), f("identifier_type", 'S', true), f("identifier", 'S', true)),
            List.of(),
            List.of(strict("organization_id","organization"))),
    TAXONOMY("taxonomy", "dir_taxonomy", "taxonomies.csv", false,
            List.of(f("id", 'U', true), f("name", 'S', true), f("description", 'S', true), f("uri", 'S', false), f("version", 'S', false)),
            List.of(text("name",255)),
            List.of()),
    TAXONOMY_TERM("taxonomy_term", "dir_taxonomy_term", "taxonomy_terms.csv", false,
            List.of(f("id", 'U', true), f("code", 'S', false), f("name", 'S', true), f("description", 'S', true), f("parent_id", 'U', false), f("taxonomy", 'S', false), f("language", 'S', false), f("taxonomy_id", 'U', false), f("term_uri", 'S', false)),
            List.of(text("code",100), text("name",255)),
            List.of(loose("taxonomy_id", false), loose("parent_id", true))),
    ATTRIBUTE("attribute", "dir_attribute", "attributes.csv", false,
            List.of(f("id", 'U', true), f("link_id", 'U', false), f("taxonomy_term_id", 'U', false), f("link_type", 'S', false), f("link_entity", 'S', false), f("value", 'S', false)),
            List.of(),
            List.of(loose("link_id", false), strict("taxonomy_term_id","taxonomy_term"))),
    METADATA("metadata", "dir_metadata", "metadata.csv", false,
            List.of(f("id", 'U', true), f("resource_id", 'U', false), f("resource_type", 'S', false), f("last_action_date", 'S', true), f("last_action_type", 'S', true), f("field_name", 'S', true), f("previous_value", 'S', true), f("replacement_value", 'S', true), f("updated_by", 'S', true)),
            List.of(text("resource_type",50), text("last_action_date",35), text("last_action_type",50), text("field_name",100), text("previous_value",10000), text("replacement_value",10000), text("updated_by",255)),
            List.of(loose("resource_id", false))),
    META_TABLE_DESCRIPTION("meta_table_description", "dir_meta_table_description", "meta_table_descriptions.csv", false,
            List.of(f("id", 'U', true), f("name", 'S', false), f("language", 'S', false), f("character_set", 'S', false)),
            List.of(),
            List.of());

    /** A field of an HSDS table: S string, N number, U uuid, T date-time. */
    public record Field(String name, char kind, boolean required, List<String> allowed) {
    }

    /** A field stored as its own column: text with a maximum length, a number, or a coordinate with a bound. */
    public record Column(String name, char kind, int limit) {
    }

    public record Ref(String field, String target, boolean strict, boolean published) {
    }

    private final String hsdsName;
    private final String sqlTable;
    private final String csvFile;
    private final boolean versioned;
    private final List<Field> fields;
    private final Map<String, Field> fieldsByName;
    private final List<Column> columns;
    private final List<Ref> refs;

    HsdsTable(String hsdsName, String sqlTable, String csvFile, boolean versioned, List<Field> fields,
              List<Column> columns, List<Ref> refs) {
        this.hsdsName = hsdsName;
        this.sqlTable = sqlTable;
        this.csvFile = csvFile;
        this.versioned = versioned;
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

    /** Organization, service and location carry a version, the time and the author of the last change. */
    public boolean versioned() {
        return versioned;
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

    private static Field f(String name, char kind, boolean required) {
        return new Field(name, kind, required, List.of());
    }

    private static Field f(String name, char kind, boolean required, String allowed) {
        return new Field(name, kind, required, List.of(allowed.split("\\|")));
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
