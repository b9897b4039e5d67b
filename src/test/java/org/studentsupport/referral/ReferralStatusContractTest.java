package org.studentsupport.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed contract (openapi/openapi.yaml, which another test keeps equal to the served one)
 * says the referral statuses exactly as {@link ReferralStatus} does: every enumeration of statuses is
 * all the codes, the targets of the transitions operation, or (a FHIR Task's) the sent statuses, and
 * the report's counts are the sent statuses. Plain Java: reads the file.
 */
class ReferralStatusContractTest {

    static JsonNode contract() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void theReferralsStatusIsEveryCode() throws IOException {
        JsonNode status = contract().at("/components/schemas/Referral/properties/status");
        assertEquals(ReferralStatus.codes(), strings(status.get("enum")));
    }

    @Test
    void theListFiltersOfSchoolAndProviderAreEveryCode() throws IOException {
        JsonNode contract = contract();
        for (String path : List.of("/paths/~1api~1v1~1referrals/get/parameters", "/paths/~1api~1v1~1provider~1referrals/get/parameters")) {
            JsonNode filter = null;
            for (JsonNode parameter : contract.at(path)) {
                if ("status".equals(parameter.path("name").asText())) {
                    filter = parameter.get("schema");
                }
            }
            assertEquals("array", filter.path("type").asText(), path);
            String ref = filter.at("/items/$ref").asText();
            JsonNode items = ref.isEmpty() ? filter.get("items") : contract.at(ref.substring(1));
            assertEquals(ReferralStatus.codes(), strings(items.get("enum")), path);
        }
    }

    @Test
    void aTransitionTargetsExactlyTheStatusesTheOperationCanMoveTo() throws IOException {
        JsonNode to = contract().at("/components/schemas/TransitionRequest/properties/to");
        assertEquals(ReferralStatus.codes(ReferralStatus.TRANSITION_TARGETS), strings(to.get("enum")));
        assertEquals(ReferralStatus.CODE_PATTERN, to.get("pattern").asText());
    }

    @Test
    void theReportCountsEverySentStatus() throws IOException {
        List<String> members = new ArrayList<>();
        contract().at("/components/schemas/StatusCounts/properties").fieldNames().forEachRemaining(members::add);
        assertEquals(ReferralStatus.codes(ReferralStatus.SENT), members);
    }

    @Test
    void noOtherEnumerationListsReferralStatuses() throws IOException {
        List<List<String>> enums = new ArrayList<>();
        collectEnums(contract(), enums);
        List<List<String>> statusEnums = enums.stream().filter(e -> e.contains("in-progress") || e.contains("entered-in-error")).toList();
        assertFalse(statusEnums.isEmpty());
        for (List<String> values : statusEnums) {
            // All statuses, the transition targets, or (a FHIR Task, which exists once a referral is sent) the sent ones.
            assertTrue(values.equals(ReferralStatus.codes()) || values.equals(ReferralStatus.codes(ReferralStatus.TRANSITION_TARGETS))
                            || values.equals(ReferralStatus.codes(ReferralStatus.SENT)),
                    "an enumeration of referral statuses that ReferralStatus does not name: " + values);
        }
    }

    private static void collectEnums(JsonNode node, List<List<String>> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(member -> {
                if (member.getKey().equals("enum") && member.getValue().isArray()) {
                    found.add(strings(member.getValue()));
                } else {
                    collectEnums(member.getValue(), found);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectEnums(child, found));
        }
    }
}
