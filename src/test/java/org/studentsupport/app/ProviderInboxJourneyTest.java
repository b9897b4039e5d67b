package org.studentsupport.app;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.studentsupport.referral.ReferralFixtures;
import org.studentsupport.referral.ReferralStatus;
import org.studentsupport.roster.Db;
import org.studentsupport.support.Browser;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider's inbox in a real browser, signed in as {@code provider.mentoring}: the queue and its
 * status filter, a referral with the 99.33 notice, reject with a reason (refused without one, the
 * refusal next to the field), and accept, start and complete with an outcome, each as the database
 * then holds it.
 */
@QuarkusTest
class ProviderInboxJourneyTest {

    static final UUID MENTORING = UUID.fromString("3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b01");

    @TestHTTPResource("/app/inbox")
    URI inbox;

    @Inject
    ReferralFixtures fixtures;

    @Inject
    Db db;

    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    private WebElement row(String firstName) {
        return browser.driver.findElements(By.cssSelector("#inbox-list tbody tr")).stream()
                .filter(r -> r.getText().startsWith(firstName + " ")).findFirst().orElseThrow(() -> new AssertionError(
                        firstName + " not in the inbox: " + browser.text("#inbox-list")));
    }

    private Map<String, Object> stored(UUID referral) {
        return db.rows("select status, status_reason_code, first_service_on from referral where id = ?", referral).get(0);
    }

    @Test
    void aProviderRejectsOneReferralWithAReasonAndCarriesAnotherFromAcceptToCompleted() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID school = fixtures.school("dst-inbox-" + suffix, "sch-inbox-" + suffix);
        UUID student = fixtures.student(school, "Ines" + suffix, "Ortega", LocalDate.now().minusYears(12));
        UUID other = fixtures.student(school, "Omar" + suffix, "Baptiste", LocalDate.now().minusYears(11));
        UUID parent = fixtures.contact(student, "Rosa", "Ortega", "parent", true);
        UUID otherParent = fixtures.contact(other, "Marie", "Baptiste", "parent", true);
        UUID service = fixtures.service(fixtures.organization(MENTORING, "Riverton Mentoring"), "After-school mentoring " + suffix);
        List<String> shared = List.of("identity", "demographics", "contact");
        UUID toComplete = fixtures.referral(student, service, fixtures.consent(student, parent, MENTORING, List.of("mentoring"), shared,
                LocalDate.now().minusDays(2), LocalDate.now().plusYears(1), null), shared, List.of(parent), ReferralStatus.REQUESTED);
        UUID toReject = fixtures.referral(other, service, fixtures.consent(other, otherParent, MENTORING, List.of("mentoring"), shared,
                LocalDate.now().minusDays(2), LocalDate.now().plusYears(1), null), shared, List.of(otherParent), ReferralStatus.REQUESTED);

        Browser.allowRedirectsTo(inbox);
        browser.openSignedIn(inbox.toString(), "provider.mentoring");
        assertThat(browser.text("#user-role")).isEqualTo("Provider");
        assertThat(row("Ines" + suffix).getText()).contains("After-school mentoring " + suffix, "Requested");
        assertThat(row("Omar" + suffix).getText()).contains("Requested");
        assertThat(browser.unlabelledFields()).isEmpty();
        browser.screenshot("10-provider-inbox");

        // Reject: refused without a reason (shown next to the reason), then with one.
        row("Omar" + suffix).findElement(By.tagName("button")).click();
        browser.waitText("#referral-notice", "34 CFR 99.33");
        assertThat(browser.text("#referral-facts")).contains("Omar" + suffix + " B.", "Marie Baptiste");
        assertThat(browser.text("#notice-h")).contains("99.33");
        browser.screenshot("11-provider-referral");
        browser.find("#move-reject button[type=submit]").click();
        browser.waitText("#move-reject .field-error", "reason");
        assertThat(browser.find("#reject-code").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(stored(toReject).get("status")).isEqualTo("requested");
        new Select(browser.find("#reject-code")).selectByValue("no-capacity");
        browser.find("#move-reject button[type=submit]").click();
        browser.waitText("#status", "Moved to Rejected");
        assertThat(stored(toReject)).containsEntry("status", "rejected").containsEntry("status_reason_code", "no-capacity");
        assertThat(browser.driver.findElement(By.id("move-accept")).isDisplayed()).isFalse();
        browser.until(d -> !browser.text("#inbox-list tbody").contains("Omar" + suffix), "the open queue without the rejected referral");

        // Accept, start, complete.
        row("Ines" + suffix).findElement(By.tagName("button")).click();
        browser.waitText("#referral-facts", "Ines" + suffix);
        browser.find("#move-accept button").click();
        browser.waitText("#status", "Moved to Accepted");
        assertThat(stored(toComplete).get("status")).isEqualTo("accepted");
        browser.script("document.getElementById('start-date').value = arguments[0]", LocalDate.now().toString());
        browser.find("#move-start button[type=submit]").click();
        browser.waitText("#status", "Moved to In progress");
        assertThat(stored(toComplete)).containsEntry("status", "in-progress")
                .containsEntry("first_service_on", java.sql.Date.valueOf(LocalDate.now()));
        new Select(browser.find("#complete-code")).selectByValue("goals-met");
        browser.find("#complete-note").sendKeys("Met weekly since October");
        browser.find("#move-complete button[type=submit]").click();
        browser.waitText("#status", "Moved to Completed");
        assertThat(stored(toComplete)).containsEntry("status", "completed").containsEntry("status_reason_code", "goals-met");
        assertThat(fixtures.history(toComplete)).containsExactly("requested:school", "accepted:provider", "in-progress:provider",
                "completed:provider");

        // The filter: the open queue no longer lists them; "completed" does.
        assertThat(browser.text("#inbox-list")).doesNotContain("Ines" + suffix, "Omar" + suffix);
        new Select(browser.find("#inbox-status")).selectByValue("completed");
        browser.find("#inbox-filters button").click();
        browser.waitText("#inbox-list tbody", "Ines" + suffix);
        assertThat(browser.text("#inbox-list tbody")).doesNotContain("Omar" + suffix);
    }
}
