package org.studentsupport.app;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.studentsupport.referral.ReferralFixtures;
import org.studentsupport.referral.ReferralStatus;
import org.studentsupport.support.Browser;
import org.studentsupport.support.Keycloak;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor's dashboard in a real browser, signed in as {@code super.riverton}: follow-through
 * figures with their charts, the overdue and stalled lists, a CSV download, the audit search and a
 * student's access report.
 */
@QuarkusTest
class SupervisorDashboardJourneyTest {

    @TestHTTPResource("/app/oversight")
    URI oversight;

    @Inject
    ReferralFixtures fixtures;

    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void aSupervisorSeesFiguresChartsOverdueAndStalledListsDownloadsCsvAndSearchesTheAuditTrail() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID school = fixtures.school("dst-riverton", "sch-elm");
        UUID student = fixtures.student(school, "Dana" + suffix, "Reyes", LocalDate.now().minusYears(10));
        UUID parent = fixtures.contact(student, "Luz", "Reyes", "parent", true);
        UUID service = fixtures.service(fixtures.organization("Oversight Org " + suffix), "Tutoring " + suffix);
        List<String> shared = List.of("identity");
        UUID consent = fixtures.consent(student, parent, null, List.of("mentoring"), shared, LocalDate.now().minusDays(30),
                LocalDate.now().plusYears(1), null);
        UUID late = fixtures.referral(student, service, consent, shared, ReferralStatus.REQUESTED);
        fixtures.followUpDue(late, LocalDate.now().minusDays(4));
        fixtures.referral(student, service, consent, shared, ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
                ReferralStatus.COMPLETED);
        // A coordinator reads the student's record: the access report shows it.
        given().auth().oauth2(Keycloak.token("coord.elm")).get("/api/v1/students/" + student).then().statusCode(200);

        Browser.allowRedirectsTo(oversight);
        browser.openSignedIn(oversight.toString(), "super.riverton");
        assertThat(browser.text("#user-role")).isEqualTo("Supervisor");
        browser.waitText("#ov-figures tbody", "School sch-elm");
        assertThat(browser.driver.findElements(By.cssSelector("#ov-chart svg rect"))).isNotEmpty();
        assertThat(browser.find("#ov-chart svg").getAttribute("aria-label")).isEqualTo("Requested and overdue referrals per group");
        browser.waitText("#ov-overdue tbody", "Oversight Org " + suffix);
        assertThat(browser.driver.findElements(By.cssSelector("#ov-overdue tr[data-id='" + late + "']"))).hasSize(1);
        assertThat(browser.text("#ov-overdue tr[data-id='" + late + "']")).contains("Requested", "4");
        assertThat(browser.unlabelledFields()).isEmpty();
        browser.screenshot("30-oversight");

        // By provider: the organization is a row of its own.
        new org.openqa.selenium.support.ui.Select(browser.find("#ov-group")).selectByValue("provider");
        browser.find("#ov-period button[type=submit]").click();
        browser.waitText("#ov-figures tbody", "Oversight Org " + suffix);

        // The overdue list as CSV, saved by the browser.
        browser.find("#ov-overdue-csv").click();
        Path csv = browser.downloaded("overdue.csv");
        assertThat(Files.readString(csv)).contains(late.toString());

        // Audit: the student's access report names the coordinator's read.
        browser.find("#ov-audit-student").sendKeys(student.toString());
        browser.find("#ov-access").click();
        browser.waitText("#ov-audit tbody", "coord.elm");
        assertThat(browser.text("#ov-audit tbody")).contains("read", "success");
        browser.find("#ov-audit-student").clear();
        browser.find("#ov-audit-actor").sendKeys("super.riverton");
        browser.find("#ov-audit-form button[type=submit]").click();
        // The access report's rows are replaced by the search's: only the supervisor's own events.
        browser.until(d -> !browser.text("#ov-audit tbody").contains("coord.elm"), "the search results in place of the access report");
        assertThat(browser.text("#ov-audit tbody")).contains("super.riverton");
        browser.screenshot("31-oversight-audit");
    }
}
