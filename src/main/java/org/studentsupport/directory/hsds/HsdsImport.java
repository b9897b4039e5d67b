package org.studentsupport.directory.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.studentsupport.directory.DirectorySettings;
import org.studentsupport.directory.SearchIndex;
import org.studentsupport.domain.InvalidInputException;
import org.studentsupport.domain.Violation;
import org.studentsupport.metrics.BusinessMeters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.studentsupport.directory.hsds.HsdsTable.*;

/**
 * Imports HSDS 3.0 data: JSON (a list of full services or organizations, or one) or the tabular
 * form (the CSV files of a datapackage, zipped). Both become the same tabular records; each record
 * is checked against the official HSDS schema of its table, then all of them for references, and
 * only then written by id (insert or replace) in one transaction: any error and nothing is written.
 * URLs are stored as data, never fetched.
 */
@ApplicationScoped
public class HsdsImport {

    public static final int MAX_TEXT = 10_000;
    public static final int MAX_ERRORS = 1_000;
    public static final int MAX_ZIP_ENTRIES = 64;

    private static final String JSON = "json";
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** How a nested member of an HSDS document maps onto the tables. */
    private record Nest(HsdsTable child, boolean many, String childRef, String parentRef) {
    }

    private static final Map<HsdsTable, Map<String, Nest>> NESTING = nesting();

    private final HsdsRows rows;
    private final HsdsSchemas schemas;
    private final SearchIndex searchIndex;
    private final DirectorySettings settings;
    private final BusinessMeters meters;

    public HsdsImport(HsdsRows rows, HsdsSchemas schemas, SearchIndex searchIndex, DirectorySettings settings,
                      BusinessMeters meters) {
        this.rows = rows;
        this.schemas = schemas;
        this.searchIndex = searchIndex;
        this.settings = settings;
        this.meters = meters;
    }

    /**
     * One error: in the JSON form {@code file} is "json" and {@code field} a JSON pointer into the body;
     * in the tabular form the file, its row (the header is row 1) and the column.
     */
    public record RowError(String file, Integer row, String field, String message) {

        Violation violation() {
            if (file.equals(JSON)) {
                return Violation.atPointer(field == null ? "" : field, message);
            }
            return Violation.atPointer("/" + file + (row == null ? "" : "/" + row) + (field == null ? "" : "/" + field), message);
        }
    }

    /** Where a record came from: a pointer into the JSON body, or a file and row. */
    private record Origin(String file, Integer row, String pointer) {

        String at(String field) {
            return file.equals(JSON) ? pointer + (field.isEmpty() || field.startsWith("/") ? field : "/" + field) : field;
        }
    }

    /** Records collected from one upload, with where each came from, and the errors found on the way. */
    final class Batch {
        final Map<HsdsTable, LinkedHashMap<UUID, HsdsRecord>> records = new EnumMap<>(HsdsTable.class);
        final Map<HsdsRecord, Origin> origin = new LinkedHashMap<>();
        final List<RowError> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        int count;

        void error(String file, Integer row, String field, String message) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new RowError(file, row, field, message));
            }
        }

        void error(Origin origin, String field, String message) {
            error(origin.file(), origin.row(), field == null ? (origin.file().equals(JSON) ? origin.pointer() : null)
                    : origin.at(field), message);
        }

        boolean has(HsdsTable table, UUID id) {
            LinkedHashMap<UUID, HsdsRecord> byId = records.get(table);
            return byId != null && byId.containsKey(id);
        }

        HsdsRecord put(HsdsRecord record, Origin from) {
            LinkedHashMap<UUID, HsdsRecord> table = records.computeIfAbsent(record.table, t -> new LinkedHashMap<>());
            HsdsRecord existing = table.get(record.id);
            if (existing == null) {
                if (++count > settings.importMaxRecords()) {
                    throw new UnusableUploadException(UnusableUploadException.Reason.TOO_LARGE,
                            "An import holds at most " + settings.importMaxRecords() + " records");
                }
                table.put(record.id, record);
                origin.put(record, from);
                return record;
            }
            record.refs.forEach(existing.refs::putIfAbsent);
            existing.fields.setAll(record.fields);
            return existing;
        }
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DirectoryImportReport", description = "What an import wrote")
    public record Report(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(minimum = "0", maximum = "100000") int records,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(maxItems = 21) List<TableCount> tables,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(maxItems = 100000,
                    description = "Records kept as published but not fully usable, such as coordinates out of range")
            List<@jakarta.validation.constraints.Size(max = 500) String> warnings) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DirectoryImportTableCount")
    public record TableCount(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(maxLength = 50, description = "The HSDS table") String table,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(minimum = "0", maximum = "100000") int records) {
    }

    // ---- JSON ------------------------------------------------------------------------------

    @Transactional
    public Report importJson(JsonNode body, String subject) {
        Batch batch = new Batch();
        List<JsonNode> items = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(items::add);
        } else if (body != null && body.isObject()) {
            items.add(body);
        } else {
            throw new InvalidInputException(List.of(Violation.atPointer("", "expected an HSDS service or organization, or a list of them")));
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String pointer = body.isArray() ? "/" + i : "";
            // A service has a status (required by HSDS); an organization has none.
            HsdsTable table = item.has("status") || item.has("service_at_locations") ? SERVICE : ORGANIZATION;
            object(batch, table, item, pointer, Map.of());
        }
        return write(batch, subject);
    }

    private HsdsRecord object(Batch batch, HsdsTable table, JsonNode node, String pointer, Map<String, UUID> parentRefs) {
        Origin origin = new Origin(JSON, null, pointer);
        if (!node.isObject()) {
            batch.error(origin, null, "expected an HSDS " + table.hsdsName() + " object");
            return null;
        }
        UUID id = uuid(node.get("id"));
        if (id == null) {
            batch.error(origin, "id", table.hsdsName() + " needs an id (a UUID)");
            return null;
        }
        HsdsRecord record = new HsdsRecord(table, id);
        Map<String, Nest> nests = NESTING.getOrDefault(table, Map.of());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (name.equals("id") || nests.containsKey(name)) {
                continue;
            }
            if (value.isContainerNode()) {
                batch.error(origin, name, "not a member of an HSDS " + table.hsdsName());
                continue;
            }
            scalar(batch, record, name, value, origin);
        }
        parentRefs.forEach(record.refs::putIfAbsent);
        HsdsRecord kept = batch.put(record, origin);
        for (Map.Entry<String, Nest> nest : nests.entrySet()) {
            JsonNode value = node.get(nest.getKey());
            if (value == null || value.isNull()) {
                continue;
            }
            Nest n = nest.getValue();
            String at = pointer + "/" + nest.getKey();
            Map<String, UUID> refs = n.childRef == null ? Map.of() : Map.of(n.childRef, id);
            if (n.many) {
                if (!value.isArray()) {
                    batch.error(JSON, null, at, "expected a list of " + n.child.hsdsName());
                    continue;
                }
                for (int i = 0; i < value.size(); i++) {
                    object(batch, n.child, value.get(i), at + "/" + i, refs);
                }
            } else {
                HsdsRecord child = object(batch, n.child, value, at, refs);
                if (child != null && n.parentRef != null) {
                    kept.refs.put(n.parentRef, child.id);
                }
            }
        }
        return kept;
    }

    // ---- tabular (CSV) ---------------------------------------------------------------------

    @Transactional
    public Report importTabular(InputStream zip, String subject) {
        Batch batch = new Batch();
        long budget = settings.importMaxUncompressedBytes();
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(zip, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw new UnusableUploadException(UnusableUploadException.Reason.TOO_LARGE,
                            "A tabular import holds at most " + MAX_ZIP_ENTRIES + " files");
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (entry.isDirectory() || name.isEmpty() || name.startsWith(".")) {
                    continue;
                }
                byte[] bytes = readLimited(in, budget);
                budget -= bytes.length;
                if (name.equals("datapackage.json")) {
                    continue;
                }
                HsdsTable table = HsdsTable.byCsvFile(name).orElse(null);
                if (table == null) {
                    batch.error(name, null, null, "not a table of the HSDS 3.0 tabular format");
                    continue;
                }
                csv(batch, table, name, new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UnusableUploadException(UnusableUploadException.Reason.UNREADABLE, "The upload is not a readable zip of CSV files");
        }
        if (entries == 0) {
            throw new UnusableUploadException(UnusableUploadException.Reason.UNREADABLE, "The upload is not a zip of HSDS CSV files");
        }
        return write(batch, subject);
    }

    private static byte[] readLimited(InputStream in, long budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > budget) {
                throw new UnusableUploadException(UnusableUploadException.Reason.TOO_LARGE,
                        "The CSV files hold more than the allowed uncompressed size");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads one CSV file (RFC 4180) into records; the header is row 1, so the first record is row 2. */
    private void csv(Batch batch, HsdsTable table, String file, String text) {
        List<String> header = null;
        long row = 0;
        try (CSVParser parser = CSVParser.parse(text, CSV)) {
            for (CSVRecord csvRecord : parser) {
                row = csvRecord.getRecordNumber();
                if (header == null) {
                    header = csvRecord.stream().map(h -> h.strip().replace("\uFEFF", "")).toList();
                    for (String column : header) {
                        if (table.field(column).isEmpty()) {
                            batch.error(file, 1, column, "not a field of HSDS " + table.hsdsName());
                        }
                    }
                    continue;
                }
                row(batch, table, new Origin(file, (int) row, null), header, csvRecord.toList());
            }
        } catch (IOException | UncheckedIOException e) {
            // Commons CSV stops at a quoted field that never ends (it would swallow the rows after it).
            batch.error(file, (int) row + 1, null, "a quoted value is not closed: " + reason(e));
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? "unreadable CSV" : cause.getMessage();
        return message.length() <= 200 ? message : message.substring(0, 200);
    }

    private void row(Batch batch, HsdsTable table, Origin origin, List<String> header, List<String> values) {
        if (values.size() == 1 && values.get(0).isBlank()) {
            return;
        }
        if (values.size() != header.size()) {
            batch.error(origin, null, "has " + values.size() + " values for " + header.size() + " columns");
            return;
        }
        Map<String, String> present = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            if (!values.get(c).isEmpty()) {
                present.put(header.get(c), values.get(c));
            }
        }
        UUID id = uuid(present.get("id") == null ? null : TextNode.valueOf(present.get("id")));
        if (id == null) {
            batch.error(origin, "id", "needs an id (a UUID)");
            return;
        }
        if (batch.has(table, id)) {
            batch.error(origin, "id", "repeats the id of an earlier row");
            return;
        }
        HsdsRecord record = new HsdsRecord(table, id);
        for (Map.Entry<String, String> value : present.entrySet()) {
            HsdsTable.Field field = table.field(value.getKey()).orElse(null);
            if (field == null || field.name().equals("id")) {
                continue;
            }
            scalar(batch, record, field.name(), field.kind() == 'N' ? number(value.getValue()) : TextNode.valueOf(value.getValue()),
                    origin);
        }
        batch.put(record, origin);
    }

    /** A CSV number as a JSON number; anything else stays text, for the schema to refuse. */
    private static JsonNode number(String text) {
        try {
            BigDecimal number = new BigDecimal(text.strip());
            return number.stripTrailingZeros().scale() <= 0 ? LongNode.valueOf(number.longValueExact()) : DecimalNode.valueOf(number);
        } catch (NumberFormatException | ArithmeticException e) {
            return TextNode.valueOf(text);
        }
    }

    // ---- checks shared by both forms --------------------------------------------------------

    /**
     * Keeps a field of the record. References become ids; what is not a UUID is kept as given, so
     * that the schema names it. Types, allowed values and formats are the schema's to check; the
     * lengths here are what the database holds.
     */
    private static void scalar(Batch batch, HsdsRecord record, String name, JsonNode value, Origin origin) {
        if (value.isNull()) {
            return;
        }
        HsdsTable.Field field = record.table.field(name).orElse(null);
        if (field != null && field.kind() == 'U') {
            UUID ref = uuid(value);
            if (ref != null) {
                record.refs.put(name, ref);
                return;
            }
        } else if (value.isTextual()) {
            int limit = record.table.columns().stream().filter(c -> c.name().equals(name) && c.kind() == 'S')
                    .mapToInt(HsdsTable.Column::limit).findFirst().orElse(MAX_TEXT);
            if (value.asText().length() > limit) {
                batch.error(origin, name, "at most " + limit + " characters");
                return;
            }
        }
        record.fields.set(name, value);
    }

    /** Every record against the HSDS schema of its table. */
    private void checkSchemas(Batch batch) {
        for (Map.Entry<HsdsRecord, Origin> entry : batch.origin.entrySet()) {
            HsdsRecord record = entry.getKey();
            Origin origin = entry.getValue();
            for (HsdsSchemas.Problem problem : schemas.check(record.table, record.row())) {
                String field = origin.file().equals(JSON) ? problem.pointer() : problem.pointer().replaceFirst("^/", "");
                batch.error(origin, field.isEmpty() ? null : field,
                        origin.file().equals(JSON) ? record.table.hsdsName() + ": " + problem.message() : problem.message());
            }
        }
    }

    private void checkRecords(Batch batch) {
        for (Map.Entry<HsdsRecord, Origin> entry : batch.origin.entrySet()) {
            HsdsRecord record = entry.getKey();
            Origin origin = entry.getValue();
            String where = origin.file().equals(JSON) ? record.table.hsdsName() + " " + record.id + ": " : "";
            for (HsdsTable.Ref ref : record.table.refs()) {
                UUID target = record.ref(ref.field());
                if (!ref.strict() || target == null) {
                    continue;
                }
                HsdsTable targetTable = HsdsTable.byName(ref.target());
                if (!batch.has(targetTable, target) && rows.existing(targetTable, List.of(target)).isEmpty()) {
                    String what = targetTable == TAXONOMY_TERM ? "unknown taxonomy term " : "unknown " + ref.target() + " ";
                    batch.error(origin, ref.field(), where + "refers to an " + what + target);
                }
            }
            if (record.table == SERVICE && record.ref("organization_id") == null) {
                batch.error(origin, "organization_id", where + "a service must belong to an organization");
            }
            if (record.table == SERVICE_AT_LOCATION && (record.ref("service_id") == null || record.ref("location_id") == null)) {
                batch.error(origin, "service_id", where + "needs both service_id and location_id");
            }
            if (record.table == SERVICE) {
                BigDecimal min = decimal(record.fields.get("minimum_age"));
                BigDecimal max = decimal(record.fields.get("maximum_age"));
                for (BigDecimal age : new BigDecimal[]{min, max}) {
                    if (age != null && (age.signum() < 0 || age.compareTo(BigDecimal.valueOf(150)) > 0)) {
                        batch.error(origin, age == min ? "minimum_age" : "maximum_age", where + "an age from 0 to 150");
                    }
                }
                if (min != null && max != null && min.compareTo(max) > 0) {
                    batch.error(origin, "minimum_age", where + "minimum_age is above maximum_age");
                }
            }
            if (record.table == COST_OPTION) {
                BigDecimal amount = decimal(record.fields.get("amount"));
                if (amount != null && amount.abs().compareTo(new BigDecimal("9999999999")) > 0) {
                    batch.error(origin, "amount", where + "amount is too large");
                }
            }
            if (record.table == LOCATION) {
                for (HsdsTable.Column column : LOCATION.columns()) {
                    JsonNode value = record.fields.get(column.name());
                    if (column.kind() == 'C' && value != null && value.isNumber() && !column.fits(value)) {
                        batch.warnings.add((origin.file().equals(JSON) ? "" : origin.file() + " row " + origin.row() + ": ")
                                + "location " + record.id + " has " + column.name() + " " + value.asText() + ", outside ±"
                                + column.limit() + ": kept as published, not used for distance search");
                    }
                }
            }
        }
    }

    private Report write(Batch batch, String subject) {
        checkSchemas(batch);
        if (batch.errors.isEmpty()) {
            checkRecords(batch);
        }
        if (!batch.errors.isEmpty()) {
            meters.count("directory.imports", "outcome", "rejected");
            throw new ImportRejectedException(batch.errors, batch.errors.stream().map(RowError::violation).toList());
        }
        meters.countOnCommit("directory.imports", "outcome", "imported");
        Set<UUID> services = new HashSet<>();
        List<TableCount> counts = new ArrayList<>();
        for (HsdsTable table : HsdsTable.values()) {
            LinkedHashMap<UUID, HsdsRecord> records = batch.records.get(table);
            if (records == null) {
                continue;
            }
            for (HsdsRecord record : records.values()) {
                rows.upsert(record, subject);
                if (table == SERVICE) {
                    services.add(record.id);
                }
                if (table == ATTRIBUTE && record.ref("link_id") != null) {
                    services.add(record.ref("link_id"));
                }
            }
            counts.add(new TableCount(table.hsdsName(), records.size()));
        }
        searchIndex.refresh(services);
        return new Report(batch.count, counts, List.copyOf(batch.warnings));
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.decimalValue();
    }

    static UUID uuid(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String text = node.asText().strip();
        if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return null;
        }
        return UUID.fromString(text);
    }

    private static Map<HsdsTable, Map<String, Nest>> nesting() {
        Map<HsdsTable, Map<String, Nest>> n = new EnumMap<>(HsdsTable.class);
        Map<String, Nest> organization = new LinkedHashMap<>();
        organization.put("funding", new Nest(FUNDING, true, "organization_id", null));
        organization.put("contacts", new Nest(CONTACT, true, "organization_id", null));
        organization.put("phones", new Nest(PHONE, true, "organization_id", null));
        organization.put("locations", new Nest(LOCATION, true, "organization_id", null));
        organization.put("programs", new Nest(PROGRAM, true, "organization_id", null));
        organization.put("organization_identifiers", new Nest(ORGANIZATION_IDENTIFIER, true, "organization_id", null));
        organization.put("services", new Nest(SERVICE, true, "organization_id", null));
        organization.put("attributes", new Nest(ATTRIBUTE, true, "link_id", null));
        organization.put("metadata", new Nest(METADATA, true, "resource_id", null));
        n.put(ORGANIZATION, organization);
        Map<String, Nest> service = new LinkedHashMap<>();
        service.put("organization", new Nest(ORGANIZATION, false, null, "organization_id"));
        service.put("program", new Nest(PROGRAM, false, null, "program_id"));
        service.put("phones", new Nest(PHONE, true, "service_id", null));
        service.put("schedules", new Nest(SCHEDULE, true, "service_id", null));
        service.put("service_areas", new Nest(SERVICE_AREA, true, "service_id", null));
        service.put("service_at_locations", new Nest(SERVICE_AT_LOCATION, true, "service_id", null));
        service.put("languages", new Nest(LANGUAGE, true, "service_id", null));
        service.put("funding", new Nest(FUNDING, true, "service_id", null));
        service.put("cost_options", new Nest(COST_OPTION, true, "service_id", null));
        service.put("required_documents", new Nest(REQUIRED_DOCUMENT, true, "service_id", null));
        service.put("contacts", new Nest(CONTACT, true, "service_id", null));
        service.put("attributes", new Nest(ATTRIBUTE, true, "link_id", null));
        service.put("metadata", new Nest(METADATA, true, "resource_id", null));
        n.put(SERVICE, service);
        Map<String, Nest> sal = new LinkedHashMap<>();
        sal.put("service", new Nest(SERVICE, false, null, "service_id"));
        sal.put("location", new Nest(LOCATION, false, null, "location_id"));
        sal.put("contacts", new Nest(CONTACT, true, "service_at_location_id", null));
        sal.put("phones", new Nest(PHONE, true, "service_at_location_id", null));
        sal.put("schedules", new Nest(SCHEDULE, true, "service_at_location_id", null));
        sal.put("attributes", new Nest(ATTRIBUTE, true, "link_id", null));
        sal.put("metadata", new Nest(METADATA, true, "resource_id", null));
        n.put(SERVICE_AT_LOCATION, sal);
        Map<String, Nest> location = new LinkedHashMap<>();
        location.put("languages", new Nest(LANGUAGE, true, "location_id", null));
        location.put("addresses", new Nest(ADDRESS, true, "location_id", null));
        location.put("contacts", new Nest(CONTACT, true, "location_id", null));
        location.put("accessibility", new Nest(ACCESSIBILITY, true, "location_id", null));
        location.put("phones", new Nest(PHONE, true, "location_id", null));
        location.put("schedules", new Nest(SCHEDULE, true, "location_id", null));
        location.put("attributes", new Nest(ATTRIBUTE, true, "link_id", null));
        location.put("metadata", new Nest(METADATA, true, "resource_id", null));
        n.put(LOCATION, location);
        n.put(PHONE, Map.of("languages", new Nest(LANGUAGE, true, "phone_id", null)));
        n.put(CONTACT, Map.of("phones", new Nest(PHONE, true, "contact_id", null)));
        n.put(ATTRIBUTE, Map.of("taxonomy_term", new Nest(TAXONOMY_TERM, false, null, "taxonomy_term_id")));
        n.put(TAXONOMY_TERM, Map.of("taxonomy_detail", new Nest(TAXONOMY, false, null, "taxonomy_id")));
        return n;
    }
}
