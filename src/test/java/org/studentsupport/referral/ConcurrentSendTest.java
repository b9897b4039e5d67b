package org.studentsupport.referral;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.studentsupport.referral.ReferralCalls.createDraft;
import static org.studentsupport.referral.ReferralCalls.draft;
import static org.studentsupport.referral.ReferralCalls.etag;
import static org.studentsupport.referral.ReferralCalls.send;

/** Two sends of one draft at the same moment with the same If-Match: one is sent, the other is stale. */
@QuarkusTest
@TestSecurity(user = "coord-race", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = ConcurrentSendTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = ConcurrentSendTest.SCHOOL)})
class ConcurrentSendTest {

    static final String DISTRICT = "dst-ref-race";
    static final String SCHOOL = "sch-ref-race";
    static final List<String> SHARED = List.of("identity", "demographics");

    @Inject
    ReferralFixtures fixtures;

    @Test
    void twoConcurrentSendsWithOneTagAreA200AndA412WithOneDisclosure() throws Exception {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        UUID student = fixtures.student(school, "Rae", "Castillo", LocalDate.now().minusYears(11));
        UUID parent = fixtures.contact(student, "Ines", "Castillo", "guardian", true);
        UUID service = fixtures.service(fixtures.organization("Race Mentoring"), "Mentoring");
        UUID consent = fixtures.consent(student, parent, null, List.of("mentoring"), SHARED, LocalDate.now().minusDays(5),
                LocalDate.now().plusYears(1), null);
        for (int round = 0; round < 5; round++) {
            UUID referral = createDraft(student, draft(service, consent, SHARED));
            String tag = etag(referral);
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> sender = () -> {
                start.await();
                return send(referral, tag).statusCode();
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> a = pool.submit(sender);
                Future<Integer> b = pool.submit(sender);
                start.countDown();
                List<Integer> statuses = new java.util.ArrayList<>(List.of(a.get(), b.get()));
                java.util.Collections.sort(statuses);
                assertEquals(List.of(200, 412), statuses, "round " + round);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, fixtures.disclosures(referral), "one disclosure entry, round " + round);
            assertEquals(1, fixtures.transitions(referral), "one transition, round " + round);
        }
    }
}
