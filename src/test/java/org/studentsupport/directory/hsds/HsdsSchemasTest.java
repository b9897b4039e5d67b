package org.studentsupport.directory.hsds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record against the official HSDS 3.0 schema of its table, formats asserted. */
class HsdsSchemasTest {

    private static final HsdsSchemas SCHEMAS = new HsdsSchemas();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode organization() {
        ObjectNode row = JSON.createObjectNode();
        row.put("id", "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");
        row.put("name", "Example Organization");
        row.put("description", "Helps families");
        row.put("email", "info@example.org");
        row.put("website", "https://example.org");
        return row;
    }

    private static List<String> pointers(List<HsdsSchemas.Problem> problems) {
        return problems.stream().map(HsdsSchemas.Problem::pointer).toList();
    }

    @Test
    void aValidOrganizationHasNoProblems() {
        assertEquals(List.of(), SCHEMAS.check(HsdsTable.ORGANIZATION, organization()));
    }

    @Test
    void anInvalidEmailIsAProblemAtItsField() {
        ObjectNode row = organization().put("email", "not-an-email");
        List<HsdsSchemas.Problem> problems = SCHEMAS.check(HsdsTable.ORGANIZATION, row);
        assertEquals(List.of("/email"), pointers(problems));
        assertTrue(problems.get(0).message().contains("email"), problems.toString());
    }

    @Test
    void anInvalidUrlIsAProblemAtItsField() {
        ObjectNode row = organization().put("website", "not a url");
        assertEquals(List.of("/website"), pointers(SCHEMAS.check(HsdsTable.ORGANIZATION, row)));
        ObjectNode service = JSON.createObjectNode().put("id", "ac148810-d857-441c-9679-408f346de14b").put("name", "Tutoring")
                .put("status", "active").put("url", "not a url");
        assertEquals(List.of("/url"), pointers(SCHEMAS.check(HsdsTable.SERVICE, service)));
    }

    @Test
    void aMissingRequiredFieldIsNamedByItsPointer() {
        ObjectNode row = organization();
        row.remove("description");
        assertEquals(List.of("/description"), pointers(SCHEMAS.check(HsdsTable.ORGANIZATION, row)));
    }

    @Test
    void typesAllowedValuesAndDateTimesAreChecked() {
        ObjectNode service = JSON.createObjectNode().put("id", "ac148810-d857-441c-9679-408f346de14b").put("name", "Tutoring")
                .put("status", "open").put("minimum_age", "twelve").put("last_modified", "yesterday")
                .put("organization_id", "not-a-uuid");
        assertEquals(List.of("/last_modified", "/minimum_age", "/organization_id", "/status"),
                pointers(SCHEMAS.check(HsdsTable.SERVICE, service)));
    }

    @Test
    void everyTableHasItsSchema() {
        for (HsdsTable table : HsdsTable.values()) {
            List<HsdsSchemas.Problem> problems = SCHEMAS.check(table, JSON.createObjectNode().put("id", "not-a-uuid"));
            assertTrue(pointers(problems).contains("/id"), table + ": " + problems);
        }
    }
}
