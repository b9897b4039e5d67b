package org.studentsupport.security;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import jakarta.transaction.Transactional;
import org.hibernate.annotations.Filter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every entity whose rows belong to a school or a student carries the scope filter: a table with a
 * {@code school_id} or {@code student_id} column, or one that refers (through its foreign keys, at
 * any depth) to such a table. A new entity on such a table without the filter fails here.
 */
@QuarkusTest
class ScopeFilterCoverageTest {

    /** Mapped tables that are knowingly left unfiltered, with the reason. */
    private static final Map<String, String> UNFILTERED = Map.of(
            "audit_event", "the audit trail is read only through the audit search, which applies its own district scope",
            "referral_idempotency_key", "found only by the key its own caller sent, to replay that caller's request");

    @Inject
    EntityManager em;

    @Test
    @Transactional
    void everyEntityOfAScopedTableCarriesTheScopeFilter() {
        Set<String> scoped = scopedTables();
        assertTrue(scoped.containsAll(Set.of("student", "referral", "class_review_domain", "isr_goal_note")),
                "the closure over foreign keys reaches the nested tables: " + scoped);
        List<String> missing = new ArrayList<>();
        for (EntityType<?> entity : em.getMetamodel().getEntities()) {
            Class<?> type = entity.getJavaType();
            Table table = type.getAnnotation(Table.class);
            String name = table == null ? entity.getName().toLowerCase() : table.name();
            if (!scoped.contains(name) || UNFILTERED.containsKey(name)) {
                continue;
            }
            Filter filter = type.getAnnotation(Filter.class);
            if (filter == null || !ScopeFilter.NAME.equals(filter.name())) {
                missing.add(type.getName() + " (" + name + ")");
            }
        }
        assertEquals(List.of(), missing, "entities of school- or student-bound tables without the scope filter");
    }

    /** Tables with a school or student column, and every table that refers to one of them, transitively. */
    @SuppressWarnings("unchecked")
    private Set<String> scopedTables() {
        Set<String> scoped = new TreeSet<>(em.createNativeQuery("select distinct table_name from information_schema.columns"
                + " where table_schema = current_schema() and column_name in ('school_id', 'student_id')").getResultList());
        Map<String, Set<String>> refersTo = new HashMap<>();
        // pg_constraint, not information_schema: the latter shows only the constraints of tables the caller owns
        List<Object[]> keys = em.createNativeQuery("select c.conrelid::regclass::text, c.confrelid::regclass::text"
                + " from pg_constraint c where c.contype = 'f' and c.connamespace = current_schema()::regnamespace").getResultList();
        for (Object[] key : keys) {
            refersTo.computeIfAbsent((String) key[0], t -> new HashSet<>()).add((String) key[1]);
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<String>> table : refersTo.entrySet()) {
                if (!scoped.contains(table.getKey()) && table.getValue().stream().anyMatch(scoped::contains)) {
                    scoped.add(table.getKey());
                    grew = true;
                }
            }
        }
        return scoped;
    }
}
