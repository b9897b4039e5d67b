package org.studentsupport.referral;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.studentsupport.referral.ReferralCalls.createDraft;
import static org.studentsupport.referral.ReferralCalls.draft;
import static org.studentsupport.referral.ReferralCalls.etag;
import static org.studentsupport.referral.ReferralCalls.move;
import static org.studentsupport.referral.ReferralCalls.send;

/** What the workflow did is counted on /q/metrics: referrals sent, consent-gate refusals, transitions. */
@QuarkusTest
@TestSecurity(user = "coord-meters", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = ReferralMetersTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = ReferralMetersTest.SCHOOL)})
class ReferralMetersTest {

    static final String DISTRICT = "dst-ref-meters";
    static final String SCHOOL = "sch-ref-meters";
    static final List<String> SHARED = List.of("identity", "demographics", "contact");

    @Inject
    ReferralFixtures fixtures;

    @Inject
    MeterRegistry registry;

    @Test
    void aSendIsCountedOnceCommittedAndARefusalIsCountedWithoutASend() {
        LocalDate today = LocalDate.now();
        UUID student = fixtures.student(fixtures.school(DISTRICT, SCHOOL), "Ada", "Meter", today.minusYears(12));
        UUID parent = fixtures.contact(student, "Ines", "Meter", "parent", true);
        UUID service = fixtures.service(fixtures.organization("Meter Mentoring"), "Meter mentoring");
        UUID consent = fixtures.consent(student, parent, null, List.of("mentoring"), SHARED, today.minusDays(3), today.plusYears(1), null);
        double sent = count("referrals.sent", "basis", "consent");
        double refused = count("consent.gate.refusals", "occasion", "send");
        double cancelled = count("referral.transitions", "to", "cancelled", "side", "school");

        UUID covered = createDraft(student, draft(service, consent, SHARED));
        send(covered, etag(covered)).then().statusCode(200);
        assertThat(count("referrals.sent", "basis", "consent")).isEqualTo(sent + 1);

        UUID beyondTheConsent = createDraft(student, draft(service, consent, List.of("identity", "health")));
        send(beyondTheConsent, etag(beyondTheConsent)).then().statusCode(422)
                .body("type", equalTo("urn:student-support:problem:consent-required"));
        assertThat(count("consent.gate.refusals", "occasion", "send")).isEqualTo(refused + 1);
        assertThat(count("referrals.sent", "basis", "consent")).isEqualTo(sent + 1);

        move(covered, etag(covered), Map.of("to", "cancelled", "reasonText", "duplicate"))
                .then().statusCode(200);
        assertThat(count("referral.transitions", "to", "cancelled", "side", "school")).isEqualTo(cancelled + 1);

        String exposed = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(exposed).contains("referrals_sent_total{basis=\"consent\"", "consent_gate_refusals_total{occasion=\"send\"");
    }

    private double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
