package org.studentsupport.directory.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The HSDS 3.0 example data (test resources) and a comparison that says where two documents differ. */
final class HsdsExamples {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> CSV_FILES = List.of("accessibility", "addresses", "attributes", "contacts", "cost_options",
            "funding", "languages", "locations", "meta_table_descriptions", "metadata", "organization_identifiers",
            "organizations", "phones", "programs", "required_documents", "schedules", "service_areas",
            "service_at_location", "services", "taxonomies", "taxonomy_terms");

    private HsdsExamples() {
    }

    static String text(String path) {
        try (InputStream in = HsdsExamples.class.getResourceAsStream("/hsds-3.0/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String path) {
        try {
            return JSON.readTree(text(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a CSV file (RFC 4180), the header first. */
    static List<List<String>> csv(String text) {
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
            return parser.stream().map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example CSV files zipped, as an HSDS publisher would hand them over. */
    static byte[] tabularZip() {
        return zip(Map.of());
    }

    /** The example CSV files zipped, with some files replaced. */
    static byte[] zip(Map<String, String> replaced) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : CSV_FILES) {
                zip.putNextEntry(new ZipEntry(file + ".csv"));
                String content = replaced.getOrDefault(file + ".csv", text("examples/csv/" + file + ".csv"));
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Only the given CSV files, zipped. */
    static byte[] zipOf(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Where {@code actual} differs from {@code expected}, or null when it holds everything expected
     * holds with the same values. Numbers compare by value (12 = 12.0); lists match items by id;
     * a member actual has beyond expected must be an empty list (HSDS lists with nothing in them).
     */
    static String difference(JsonNode expected, JsonNode actual, String path) {
        if (expected.isNumber() && actual != null && actual.isNumber()) {
            return new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) == 0 ? null
                    : path + ": expected " + expected + " but was " + actual;
        }
        if (expected.isObject()) {
            if (actual == null || !actual.isObject()) {
                return path + ": expected an object but was " + actual;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String difference = difference(member.getValue(), actual.get(member.getKey()), path + "/" + member.getKey());
                if (difference != null) {
                    return difference;
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = actual.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (!expected.has(member.getKey()) && !(member.getValue().isArray() && member.getValue().isEmpty())) {
                    return path + "/" + member.getKey() + ": not in the example but returned as " + member.getValue();
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (actual == null || !actual.isArray() || actual.size() != expected.size()) {
                return path + ": expected " + expected.size() + " items but was " + actual;
            }
            for (int i = 0; i < expected.size(); i++) {
                JsonNode item = expected.get(i);
                JsonNode match = actual.get(i);
                if (item.has("id")) {
                    for (JsonNode candidate : actual) {
                        if (item.get("id").equals(candidate.get("id"))) {
                            match = candidate;
                        }
                    }
                }
                String difference = difference(item, match, path + "/" + i);
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        return expected.equals(actual) ? null : path + ": expected " + expected + " but was " + actual;
    }
}
