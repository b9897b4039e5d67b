package org.studentsupport.roster;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The demo bundle is deterministic and valid: a dry run of it through the import path succeeds with the expected counts. */
@QuarkusTest
class RosterGeneratorTest {

    @Inject
    RosterImportService imports;

    @Inject
    Db db;

    @Test
    void theDemoBundleIsTheSameEveryTimeAndImports() throws Exception {
        Path first = Files.createTempFile("demo-a-", ".zip");
        Path second = Files.createTempFile("demo-b-", ".zip");
        try {
            new RosterGenerator(RosterGenerator.demo()).write(first);
            new RosterGenerator(RosterGenerator.demo()).write(second);
            assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
            Map<String, Object> before = db.rosterCounts();

            RosterImport job = imports.runNow(first, "dst-riverton", "test", true);

            assertEquals(RosterImport.Status.succeeded, job.status, job.message);
            Map<String, org.studentsupport.roster.oneroster.Counts> counts = imports.countsOf(job);
            assertEquals(300, counts.get("students").created + counts.get("students").updated + counts.get("students").unchanged);
            assertEquals(3, counts.get("schools").created + counts.get("schools").updated + counts.get("schools").unchanged);
            assertEquals(72, counts.get("classes").created);
            assertEquals(300 * 4, counts.get("enrollments").created, "every student is in 4 classes: 2 homerooms (fall, spring) and 2 more");
            assertEquals(before, db.rosterCounts(), "a dry run writes nothing");
        } finally {
            Files.deleteIfExists(first);
            Files.deleteIfExists(second);
        }
    }
}
