package org.studentsupport.security;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopeFilterValuesTest {

    @Test
    void schoolsBecomeOnePostgresArrayLiteralInAStableOrder() {
        UUID a = UUID.fromString("00000000-0000-4000-8000-00000000000a");
        UUID b = UUID.fromString("00000000-0000-4000-8000-00000000000b");

        ScopeFilter.Values values = ScopeFilter.Values.of(new LinkedHashSet<>(List.of(b, a)), null);

        assertFalse(values.unrestricted());
        assertEquals("{" + a + "," + b + "}", values.schools());
        assertEquals("", values.organization());
    }

    @Test
    void aCallerWithNoSchoolsAndNoOrganizationSeesNothing() {
        ScopeFilter.Values values = ScopeFilter.Values.of(Set.of(), null);

        assertFalse(values.unrestricted());
        assertEquals("{}", values.schools());
        assertEquals("", values.organization());
    }

    @Test
    void aProviderIsScopedByItsOrganization() {
        UUID organization = UUID.randomUUID();

        assertEquals(organization.toString(), ScopeFilter.Values.of(Set.of(), organization).organization());
    }

    @Test
    void workWithoutACallerIsNotRestricted() {
        assertTrue(ScopeFilter.Values.NONE.unrestricted());
        assertTrue(ScopeFilter.current().unrestricted());
    }
}
