package org.studentsupport.directory.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The official HSDS 3.0 schemas of the tabular form, one per table, checking a record (one row)
 * before anything is written: types, required fields, allowed values and formats (email, uri, uuid,
 * date-time...). Format assertions are switched on explicitly: JSON Schema 2020-12 treats formats as
 * annotations only unless the validator is told to assert them.
 */
@Singleton
public class HsdsSchemas {

    /** One thing a schema found wrong with a record: a JSON pointer into the record, and what is wrong. */
    public record Problem(String pointer, String message) {
    }

    private static final String RESOURCE = "/hsds/tabular.json";

    private final Map<HsdsTable, JsonSchema> schemas = new EnumMap<>(HsdsTable.class);

    public HsdsSchemas() {
        JsonNode tabular = read();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        for (HsdsTable table : HsdsTable.values()) {
            ObjectNode schema = (ObjectNode) tabular.path("properties").path(table.hsdsName()).path("items").deepCopy();
            if (schema.isEmpty()) {
                throw new IllegalStateException("No HSDS schema for " + table.hsdsName());
            }
            // A row of the tabular form is flat: the nested lists (and their references to other schema files) do not apply.
            ObjectNode properties = (ObjectNode) schema.get("properties");
            List<String> lists = properties.properties().stream()
                    .filter(p -> "array".equals(p.getValue().path("type").asText())).map(Map.Entry::getKey).toList();
            properties.remove(lists);
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            schemas.put(table, factory.getSchema(schema, config));
        }
    }

    /** What the table's schema finds wrong with the row, ordered by pointer; empty when the row is valid. */
    public List<Problem> check(HsdsTable table, JsonNode row) {
        return schemas.get(table).validate(row).stream()
                .map(HsdsSchemas::problem)
                .sorted(Comparator.comparing(Problem::pointer).thenComparing(Problem::message))
                .toList();
    }

    private static Problem problem(ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            pointer = pointer + "/" + message.getProperty();
        }
        return new Problem(pointer, message.getError());
    }

    private static JsonNode read() {
        try (InputStream in = HsdsSchemas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
