package org.studentsupport.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Path;
import org.studentsupport.domain.Violation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON merge patch (RFC 7396) of a whole form, and the JSON pointers its validation reports. Plain Java. */
public final class JsonMergePatch {

    private JsonMergePatch() {
    }

    /** The patch's members that the form does not have, each by pointer; a patch that is not an object is one violation. */
    public static List<Violation> unknownMembers(ObjectNode form, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return List.of(Violation.atPointer("", "the body must be a JSON object (a merge patch)"));
        }
        List<Violation> unknown = new ArrayList<>();
        patch.fieldNames().forEachRemaining(f -> {
            if (!form.has(f)) {
                unknown.add(Violation.atPointer("/" + f, "is not a field of a referral draft"));
            }
        });
        return unknown;
    }

    /** RFC 7396: objects merge member by member, null removes, anything else replaces. */
    public static void merge(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> members = patch.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            JsonNode value = member.getValue();
            if (value.isNull()) {
                target.putNull(member.getKey());
            } else if (value.isObject() && target.get(member.getKey()) instanceof ObjectNode existing) {
                merge(existing, value);
            } else {
                target.set(member.getKey(), value);
            }
        }
    }

    /** The JSON pointer of a Bean Validation property path ({@code reasonCodes[1]} → {@code /reasonCodes/1}). */
    public static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                pointer.append('/').append(node.getName());
            }
        }
        return pointer.toString();
    }
}
