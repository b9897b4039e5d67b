package org.studentsupport.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.web.ApiException;
import org.studentsupport.web.Problem;
import org.studentsupport.web.ProblemKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

import static org.studentsupport.directory.HsdsTable.*;

/**
 * Imports HSDS 3.0 data: JSON (a list of full services or organizations, or one) or the tabular
 * form (the CSV files of a datapackage, zipped). Both become the same tabular records, checked
 * against the HSDS schemas and for references, then written by id (insert or replace) in one
 * transaction: any error and nothing is written. URLs are stored as data, never fetched.
 */
@ApplicationScoped
public class DirectoryImport {

    public static final int MAX_TEXT = 10_000;
    public static final int MAX_ERRORS = 1_000;
    public static final int MAX_ZIP_ENTRIES = 64;

    /** How a nested member of an HSDS document maps onto the tables. */
    private record Nest(HsdsTable child, boolean many, String childRef, String parentRef) {
    }

    private static final Map<HsdsTable, Map<String, Nest>> NESTING = nesting();

    private final HsdsStore store;
    private final DirectorySettings settings;

    public DirectoryImport(HsdsStore store, DirectorySettings settings) {
        this.store = store;
        this.settings = settings;
    }

    public record RowError(String file, Integer row, String field, String message) {
    }

    /** Records collected from one upload, with where each came from, and the errors found on the way. */
    final class Batch {
        final Map<HsdsTable, LinkedHashMap<UUID, HsdsRecord>> records = new EnumMap<>(HsdsTable.class);
        final Map<HsdsRecord, String[]> origin = new LinkedHashMap<>();
        final List<RowError> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        int count;

        void error(String file, Integer row, String field, String message) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new RowError(file, row, field, message));
            }
        }

        HsdsRecord put(HsdsRecord record, String file, Integer row) {
            LinkedHashMap<UUID, HsdsRecord> table = records.computeIfAbsent(record.table, t -> new LinkedHashMap<>());
            HsdsRecord existing = table.get(record.id);
            if (existing == null) {
                if (++count > settings.importMaxRecords()) {
                    throw new ApiException(ProblemKind.PAYLOAD_TOO_LARGE,
                            "An import holds at most " + settings.importMaxRecords() + " records");
                }
                table.put(record.id, record);
                origin.put(record, new String[]{file, row == null ? null : row.toString()});
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
            throw ApiException.invalid(List.of(Problem.Violation.atPointer("", "expected an HSDS service or organization, or a list of them")));
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
        if (!node.isObject()) {
            batch.error("json", null, pointer, "expected an HSDS " + table.hsdsName() + " object");
            return null;
        }
        UUID id = uuid(node.get("id"));
        if (id == null) {
            batch.error("json", null, pointer + "/id", table.hsdsName() + " needs an id (a UUID)");
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
                batch.error("json", null, pointer + "/" + name, "not a member of an HSDS " + table.hsdsName());
                continue;
            }
            scalar(batch, record, name, value, "json", null, pointer + "/" + name);
        }
        parentRefs.forEach(record.refs::putIfAbsent);
        required(batch, record, node::has, "json", null, pointer);
        HsdsRecord kept = batch.put(record, "json", null);
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
                    batch.error("json", null, at, "expected a list of " + n.child.hsdsName());
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
                    throw new ApiException(ProblemKind.PAYLOAD_TOO_LARGE, "A tabular import holds at most " + MAX_ZIP_ENTRIES + " files");
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
            throw new ApiException(ProblemKind.MALFORMED_REQUEST, "The upload is not a readable zip of CSV files");
        }
        if (entries == 0) {
            throw new ApiException(ProblemKind.MALFORMED_REQUEST, "The upload is not a zip of HSDS CSV files");
        }
        return write(batch, subject);
    }

    private static byte[] readLimited(InputStream in, long budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > budget) {
                throw new ApiException(ProblemKind.PAYLOAD_TOO_LARGE, "The CSV files hold more than the allowed uncompressed size");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void csv(Batch batch, HsdsTable table, String file, String text) {
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            return;
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().replace("\uFEFF", "")).toList();
        for (String column : header) {
            if (table.field(column).isEmpty()) {
                batch.error(file, 1, column, "not a field of HSDS " + table.hsdsName());
            }
        }
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = r + 1;
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                batch.error(file, line, null, "has " + row.size() + " values for " + header.size() + " columns");
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (!row.get(c).isEmpty()) {
                    values.put(header.get(c), row.get(c));
                }
            }
            UUID id = uuid(values.get("id") == null ? null : TextNode.valueOf(values.get("id")));
            if (id == null) {
                batch.error(file, line, "id", "needs an id (a UUID)");
                continue;
            }
            HsdsRecord record = new HsdsRecord(table, id);
            for (Map.Entry<String, String> value : values.entrySet()) {
                if (value.getKey().equals("id") || table.field(value.getKey()).isEmpty()) {
                    continue;
                }
                HsdsTable.Field field = table.field(value.getKey()).orElseThrow();
                JsonNode node = TextNode.valueOf(value.getValue());
                if (field.kind() == 'N') {
                    try {
                        BigDecimal number = new BigDecimal(value.getValue().strip());
                        node = number.stripTrailingZeros().scale() <= 0 ? LongNode.valueOf(number.longValueExact()) : DecimalNode.valueOf(number);
                    } catch (NumberFormatException | ArithmeticException e) {
                        batch.error(file, line, field.name(), "must be a number");
                        continue;
                    }
                }
                scalar(batch, record, field.name(), node, file, line, field.name());
            }
            required(batch, record, values::containsKey, file, line, null);
            if (batch.records.getOrDefault(table, new LinkedHashMap<>()).containsKey(id)) {
                batch.error(file, line, "id", "repeats the id of an earlier row");
                continue;
            }
            batch.put(record, file, line);
        }
    }

    // ---- checks shared by both forms --------------------------------------------------------

    private void scalar(Batch batch, HsdsRecord record, String name, JsonNode value, String file, Integer row, String at) {
        HsdsTable.Field field = record.table.field(name).orElse(null);
        if (value.isNull()) {
            return;
        }
        if (field == null) {
            if (value.isTextual() && value.asText().length() > MAX_TEXT) {
                batch.error(file, row, at, "at most " + MAX_TEXT + " characters");
            } else {
                record.fields.set(name, value);
            }
            return;
        }
        switch (field.kind()) {
            case 'U' -> {
                UUID ref = uuid(value);
                if (ref == null) {
                    batch.error(file, row, at, "must be a UUID");
                } else {
                    record.refs.put(name, ref);
                }
                return;
            }
            case 'N' -> {
                if (!value.isNumber()) {
                    batch.error(file, row, at, "must be a number");
                    return;
                }
            }
            default -> {
                if (!value.isTextual()) {
                    batch.error(file, row, at, "must be a string");
                    return;
                }
                String text = value.asText();
                if (!field.allowed().isEmpty() && !field.allowed().contains(text)) {
                    batch.error(file, row, at, "must be one of " + String.join(", ", field.allowed()));
                    return;
                }
                if (field.kind() == 'T') {
                    try {
                        OffsetDateTime.parse(text);
                    } catch (DateTimeParseException e) {
                        batch.error(file, row, at, "must be a date-time with offset (RFC 3339)");
                        return;
                    }
                }
                int limit = record.table.columns().stream().filter(c -> c.name().equals(name) && c.kind() == 'S')
                        .mapToInt(HsdsTable.Column::limit).findFirst().orElse(MAX_TEXT);
                if (text.length() > limit) {
                    batch.error(file, row, at, "at most " + limit + " characters");
                    return;
                }
            }
        }
        record.fields.set(name, value);
    }

    private static void required(Batch batch, HsdsRecord record, java.util.function.Predicate<String> present,
                                 String file, Integer row, String pointer) {
        for (HsdsTable.Field field : record.table.fields()) {
            if (field.required() && !field.name().equals("id") && !present.test(field.name())) {
                batch.error(file, row, pointer == null ? field.name() : pointer + "/" + field.name(),
                        "is required for an HSDS " + record.table.hsdsName());
            }
        }
    }

    private void checkRecords(Batch batch) {
        for (Map.Entry<HsdsTable, LinkedHashMap<UUID, HsdsRecord>> table : batch.records.entrySet()) {
            for (HsdsRecord record : table.getValue().values()) {
                String[] origin = batch.origin.get(record);
                String file = origin[0];
                Integer row = origin[1] == null ? null : Integer.valueOf(origin[1]);
                String where = file.equals("json") ? record.table.hsdsName() + " " + record.id + ": " : "";
                for (HsdsTable.Ref ref : record.table.refs()) {
                    UUID target = record.ref(ref.field());
                    if (!ref.strict() || target == null) {
                        continue;
                    }
                    HsdsTable targetTable = HsdsTable.byName(ref.target());
                    boolean inBatch = batch.records.getOrDefault(targetTable, new LinkedHashMap<>()).containsKey(target);
                    if (!inBatch && store.existing(targetTable, List.of(target)).isEmpty()) {
                        String what = targetTable == TAXONOMY_TERM ? "unknown taxonomy term " : "unknown " + ref.target() + " ";
                        batch.error(file, row, ref.field(), where + "refers to an " + what + target);
                    }
                }
                if ((record.table == SERVICE && record.ref("organization_id") == null)) {
                    batch.error(file, row, "organization_id", where + "a service must belong to an organization");
                }
                if (record.table == SERVICE_AT_LOCATION && (record.ref("service_id") == null || record.ref("location_id") == null)) {
                    batch.error(file, row, "service_id", where + "needs both service_id and location_id");
                }
                if (record.table == SERVICE) {
                    BigDecimal min = decimal(record.fields.get("minimum_age"));
                    BigDecimal max = decimal(record.fields.get("maximum_age"));
                    for (BigDecimal age : new BigDecimal[]{min, max}) {
                        if (age != null && (age.signum() < 0 || age.compareTo(BigDecimal.valueOf(150)) > 0)) {
                            batch.error(file, row, age == min ? "minimum_age" : "maximum_age", where + "an age from 0 to 150");
                        }
                    }
                    if (min != null && max != null && min.compareTo(max) > 0) {
                        batch.error(file, row, "minimum_age", where + "minimum_age is above maximum_age");
                    }
                }
                if (record.table == COST_OPTION) {
                    BigDecimal amount = decimal(record.fields.get("amount"));
                    if (amount != null && amount.abs().compareTo(new BigDecimal("9999999999")) > 0) {
                        batch.error(file, row, "amount", where + "amount is too large");
                    }
                }
                if (record.table == LOCATION) {
                    for (HsdsTable.Column column : LOCATION.columns()) {
                        JsonNode value = record.fields.get(column.name());
                        if (column.kind() == 'C' && value != null && value.isNumber() && !HsdsStore.fits(column, value)) {
                            batch.warnings.add((file.equals("json") ? "" : file + " row " + row + ": ") + "location " + record.id
                                    + " has " + column.name() + " " + value.asText() + ", outside ±" + column.limit()
                                    + ": kept as published, not used for distance search");
                        }
                    }
                }
            }
        }
    }

    private Report write(Batch batch, String subject) {
        if (batch.errors.isEmpty()) {
            checkRecords(batch);
        }
        if (!batch.errors.isEmpty()) {
            // JSON: a pointer into the body; tabular: /<file>/<row>/<field>.
            List<Problem.Violation> violations = batch.errors.stream().map(e -> Problem.Violation.atPointer(
                    e.file().equals("json") ? (e.field() == null ? "" : e.field())
                            : "/" + e.file() + (e.row() == null ? "" : "/" + e.row()) + (e.field() == null ? "" : "/" + e.field()),
                    e.message())).toList();
            throw new ApiException(ProblemKind.UNPROCESSABLE, batch.errors.size() + " error(s) in the import; nothing was written",
                    violations, Map.of("importErrors", batch.errors));
        }
        Set<UUID> services = new HashSet<>();
        List<TableCount> counts = new ArrayList<>();
        for (HsdsTable table : HsdsTable.values()) {
            LinkedHashMap<UUID, HsdsRecord> records = batch.records.get(table);
            if (records == null) {
                continue;
            }
            for (HsdsRecord record : records.values()) {
                store.upsert(record, subject);
                if (table == SERVICE) {
                    services.add(record.id);
                }
                if (table == ATTRIBUTE && record.ref("link_id") != null) {
                    services.add(record.ref("link_id"));
                }
            }
            counts.add(new TableCount(table.hsdsName(), records.size()));
        }
        store.refreshSearch(services);
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
