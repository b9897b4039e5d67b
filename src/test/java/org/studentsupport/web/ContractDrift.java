package org.studentsupport.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The JSON pointers at which two contract documents differ (key order ignored, array order kept). */
final class ContractDrift {

    private ContractDrift() {
    }

    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        compare("", expected, actual, found);
        return found;
    }

    private static void compare(String pointer, JsonNode expected, JsonNode actual, List<String> found) {
        if (expected == null || actual == null) {
            if (expected != actual) {
                found.add(pointer.isEmpty() ? "/" : pointer);
            }
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(pointer + "/" + name.replace("~", "~0").replace("/", "~1"), expected.get(name), actual.get(name), found);
            }
        } else if (expected.isArray() && actual.isArray()) {
            int size = Math.max(expected.size(), actual.size());
            for (int i = 0; i < size; i++) {
                compare(pointer + "/" + i, expected.get(i), actual.get(i), found);
            }
        } else if (!expected.equals(actual)) {
            found.add(pointer.isEmpty() ? "/" : pointer);
        }
    }

}
