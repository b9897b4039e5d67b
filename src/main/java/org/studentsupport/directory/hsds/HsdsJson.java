package org.studentsupport.directory.hsds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code extra} column of every directory table: an HSDS record's other fields as JSON text. */
final class HsdsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HsdsJson() {
    }

    static ObjectNode object(String text) {
        try {
            JsonNode node = text == null ? null : JSON.readTree(text);
            return node instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable directory record", e);
        }
    }

    static String text(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
