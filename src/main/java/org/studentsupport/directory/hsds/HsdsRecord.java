package org.studentsupport.directory.hsds;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One row of an HSDS table, as the tabular form has it: its id, its references (uuid fields), and
 * every other field exactly as published.
 */
public final class HsdsRecord {

    public final HsdsTable table;
    public final UUID id;
    public final Map<String, UUID> refs = new LinkedHashMap<>();
    public final ObjectNode fields;

    public HsdsRecord(HsdsTable table, UUID id) {
        this(table, id, JsonNodeFactory.instance.objectNode());
    }

    public HsdsRecord(HsdsTable table, UUID id, ObjectNode fields) {
        this.table = table;
        this.id = id;
        this.fields = fields;
    }

    public UUID ref(String field) {
        return refs.get(field);
    }

    /** The record as a row of the tabular form: id, every reference, every field; what its schema checks. */
    public ObjectNode row() {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("id", id.toString());
        refs.forEach((field, value) -> row.put(field, value.toString()));
        row.setAll(fields);
        return row;
    }

    /** The published form: id, the references HSDS shows in nested output, then the fields. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id.toString());
        for (HsdsTable.Field field : table.fields()) {
            if (field.name().equals("id")) {
                continue;
            }
            if (field.kind() == 'U') {
                UUID value = refs.get(field.name());
                boolean published = table.ref(field.name()).map(HsdsTable.Ref::published).orElse(false);
                if (published && value != null) {
                    json.put(field.name(), value.toString());
                }
            } else if (fields.has(field.name()) && !fields.get(field.name()).isNull()) {
                json.set(field.name(), fields.get(field.name()));
            }
        }
        fields.fields().forEachRemaining(e -> {
            if (!json.has(e.getKey()) && table.field(e.getKey()).isEmpty() && !e.getValue().isNull()) {
                json.set(e.getKey(), e.getValue());
            }
        });
        return json;
    }
}
