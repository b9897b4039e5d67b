package org.studentsupport.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.studentsupport.domain.Violation;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 7396 merge patch and the pointers of the merged form's violations, as plain Java. */
class JsonMergePatchTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode object(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void membersPresentReplaceNullClearsAbsentStay() throws Exception {
        ObjectNode target = object("{\"a\": \"b\", \"c\": {\"d\": \"e\", \"f\": \"g\"}, \"list\": [1, 2], \"keep\": 1}");
        JsonMergePatch.merge(target, object("{\"a\": \"z\", \"c\": {\"f\": null}, \"list\": [3]}"));
        assertEquals(object("{\"a\": \"z\", \"c\": {\"d\": \"e\", \"f\": null}, \"list\": [3], \"keep\": 1}"), target);
    }

    @Test
    void nestedObjectsMergeMemberByMemberAndNewObjectsAreAdded() throws Exception {
        ObjectNode target = object("{\"emergency\": {\"threat\": \"t\", \"partiesInformed\": \"p\"}, \"other\": \"x\"}");
        JsonMergePatch.merge(target, object("{\"emergency\": {\"threat\": \"t2\"}, \"other\": {\"new\": true}}"));
        assertEquals(object("{\"emergency\": {\"threat\": \"t2\", \"partiesInformed\": \"p\"}, \"other\": {\"new\": true}}"), target);
    }

    @Test
    void membersTheFormDoesNotHaveAreNamedByPointer() throws Exception {
        ObjectNode form = object("{\"urgency\": \"soon\", \"purpose\": \"mentoring\"}");
        List<Violation> unknown = JsonMergePatch.unknownMembers(form, object("{\"urgency\": \"urgent\", \"status\": \"accepted\", \"id\": 1}"));
        assertEquals(List.of("/status", "/id"), unknown.stream().map(Violation::pointer).toList());
        assertTrue(JsonMergePatch.unknownMembers(form, object("{\"purpose\": null}")).isEmpty());
    }

    @Test
    void aPatchThatIsNotAnObjectIsRefusedAsAWhole() throws Exception {
        ObjectNode form = object("{\"urgency\": \"soon\"}");
        for (JsonNode patch : List.of(JSON.readTree("[1]"), JSON.readTree("\"x\""))) {
            List<Violation> refused = JsonMergePatch.unknownMembers(form, patch);
            assertEquals(1, refused.size());
            assertEquals("", refused.get(0).pointer());
        }
        assertEquals(1, JsonMergePatch.unknownMembers(form, null).size());
    }

    @Test
    void violationsOfTheMergedFormArePointersIntoIt() {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        CreateReferralRequest form = new CreateReferralRequest(UUID.randomUUID(), Set.of(), List.of("ok", "NOT OK"), null,
                "routine", null, List.of("identity"), null, null, null, null);
        List<String> pointers = validator.validate(form).stream().map(v -> JsonMergePatch.pointer(v.getPropertyPath())).sorted().toList();
        assertEquals(List.of("/purpose", "/reasonCodes/1"), pointers);
    }
}
