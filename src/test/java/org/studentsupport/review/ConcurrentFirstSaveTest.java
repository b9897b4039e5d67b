package org.studentsupport.review;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two first saves of one class review at the same moment: one creates the draft, the other is a conflict. */
@QuarkusTest
@TestSecurity(user = "coord-wcr-race", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = ConcurrentFirstSaveTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = ConcurrentFirstSaveTest.SCHOOL)})
class ConcurrentFirstSaveTest {

    static final String DISTRICT = "dst-rev-race";
    static final String SCHOOL = "sch-rev-race";

    @Inject
    ReviewFixtures fixtures;

    @Test
    void twoConcurrentFirstSavesAreA201AndA409() throws Exception {
        UUID schoolId = fixtures.school(DISTRICT, SCHOOL);
        UUID yearId = fixtures.schoolYear(DISTRICT, "yr-rev-race-2027");
        UUID periodId = fixtures.fall(yearId);
        UUID teacherId = fixtures.teacher("Race");
        for (int round = 0; round < 3; round++) {
            UUID classId = fixtures.classSection(schoolId, yearId, "Race Room " + round, teacherId);
            List<UUID> students = fixtures.enrolledStudents(classId, schoolId, "03", 2);
            List<Object> entries = new ArrayList<>();
            for (UUID student : students) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("studentId", student.toString());
                entry.put("tier", "2");
                entries.add(entry);
            }
            Map<String, Object> body = Map.of("reviewedOn", "2026-10-05", "entries", entries);
            String path = "/api/v1/classes/" + classId + "/reviews/" + periodId;
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> saver = () -> {
                start.await();
                return given().contentType(ContentType.JSON).body(body).put(path).then()
                        .extract().statusCode();
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> a = pool.submit(saver);
                Future<Integer> b = pool.submit(saver);
                start.countDown();
                List<Integer> statuses = new ArrayList<>(List.of(a.get(), b.get()));
                Collections.sort(statuses);
                assertTrue(statuses.equals(List.of(201, 409)) || statuses.equals(List.of(201, 428)),
                        "one creates, the other is refused (409, or 428 when it saw the first's draft): " + statuses);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(2, fixtures.entries(classId), "one draft with its two entries, round " + round);
        }
    }
}
