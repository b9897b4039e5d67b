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
import org.studentsupport.roster.Db;
import org.studentsupport.support.Browser;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The social worker's referral form in a real browser, signed in as {@code coord.elm}: student, needs,
 * matching services with why each matched, the consent in force, a draft, a send refused by the consent
 * gate (the refusals next to the purpose and the shared data), corrected and sent.
 */
@QuarkusTest
class ReferralFormJourneyTest {

    @TestHTTPResource("/app/refer")
    URI refer;

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

    private WebElement choice(String container, String value) {
        return browser.find(container + " input[value='" + value + "']");
    }

    @Test
    void aCoordinatorWritesADraftIsToldWhatTheConsentDoesNotCoverCorrectsItAndSends() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID school = fixtures.school("dst-riverton", "sch-elm");
        UUID student = fixtures.student(school, "Lucia" + suffix, "Fermin", LocalDate.now().minusYears(12));
        UUID parent = fixtures.contact(student, "Ana", "Fermin", "parent", true);
        UUID organization = fixtures.organization("Reading Partners " + suffix);
        UUID service = fixtures.service(organization, "Reading tutoring " + suffix);
        db.value("select count(*) from dir_refresh_search(cast(? as uuid[]))", "{" + service + "}");
        UUID consent = fixtures.consent(student, parent, organization, List.of("tutoring"), List.of("identity", "demographics"),
                LocalDate.now().minusDays(5), LocalDate.now().plusYears(1), null);

        Browser.allowRedirectsTo(refer);
        browser.openSignedIn(refer.toString(), "coord.elm");
        browser.find("#rf-student-q").sendKeys("Lucia" + suffix);
        browser.find("#rf-student-find").click();
        choice("#rf-student-list", student.toString()).click();
        choice("#rf-need-list", "reading").click();
        assertThat(browser.find("#rf-words").getAttribute("value")).isEqualTo("reading");
        browser.find("#rf-words").clear();
        browser.find("#rf-words").sendKeys("tutoring " + suffix);
        browser.find("#rf-services-find").click();
        browser.waitText("#rf-service-list", "Reading tutoring " + suffix);
        assertThat(browser.text("#rf-service-list")).contains("Why it matched");
        choice("#rf-service-list", service.toString()).click();
        assertThat(choice("#rf-consent-list", consent.toString()).isSelected()).isTrue();

        // Asks for more than the consent covers: counseling, and the family's contact details.
        new Select(browser.find("#rf-purpose")).selectByValue("counseling");
        choice("#rf-category-list", "contact").click();
        choice("#rf-contact-list", parent.toString()).click();
        browser.find("#rf-shared").sendKeys("Likes graphic novels");
        assertThat(browser.unlabelledFields()).isEmpty();
        browser.find("#rf-save").click();
        browser.waitText("#status", "Draft saved");
        UUID referral = UUID.fromString(browser.text("#rf-draft"));
        assertThat(db.value("select status from referral where id = ?", referral)).isEqualTo("draft");
        browser.find("#rf-send").click();
        browser.waitText("#status", "Not sent");
        assertThat(browser.text("#rf-purpose")).isNotEmpty();
        assertThat(browser.find("#rf-purpose").findElement(By.xpath("..")).getText()).contains("purpose");
        assertThat(browser.driver.findElements(By.cssSelector("#rf-form .field-error"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(db.value("select status from referral where id = ?", referral)).isEqualTo("draft");
        assertThat(fixtures.disclosures(referral)).isZero();
        browser.screenshot("40-referral-refused");

        // Within what the family agreed to: sent, and the disclosure recorded.
        new Select(browser.find("#rf-purpose")).selectByValue("tutoring");
        choice("#rf-category-list", "contact").click();
        choice("#rf-contact-list", parent.toString()).click();
        browser.find("#rf-save").click();
        browser.waitText("#status", "Draft saved");
        browser.find("#rf-send").click();
        browser.waitText("#status", "Sent");
        assertThat(db.value("select status from referral where id = ?", referral)).isEqualTo("requested");
        assertThat(fixtures.disclosures(referral)).isEqualTo(1L);
        browser.screenshot("41-referral-sent");
    }

    @Test
    void withoutAConsentInForceTheFamilysSignedConsentIsRecordedInTheFormAndTheReferralSent() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID school = fixtures.school("dst-riverton", "sch-elm");
        UUID student = fixtures.student(school, "Tomas" + suffix, "Quispe", LocalDate.now().minusYears(9));
        UUID parent = fixtures.contact(student, "Rosa", "Quispe", "parent", true);
        UUID organization = fixtures.organization("Math Circle " + suffix);
        UUID service = fixtures.service(organization, "Math tutoring " + suffix);
        db.value("select count(*) from dir_refresh_search(cast(? as uuid[]))", "{" + service + "}");

        Browser.allowRedirectsTo(refer);
        browser.openSignedIn(refer + "?studentId=" + student, "coord.elm");
        choice("#rf-need-list", "math").click();
        browser.find("#rf-words").clear();
        browser.find("#rf-words").sendKeys("tutoring " + suffix);
        browser.find("#rf-services-find").click();
        browser.waitText("#rf-service-list", "Math tutoring " + suffix);
        choice("#rf-service-list", service.toString()).click();
        browser.waitText("#rf-consent-list", "No consent in force");
        new Select(browser.find("#rf-purpose")).selectByValue("tutoring");

        // Recorded without the scan reference a paper consent needs: refused next to that field, nothing stored.
        browser.script("document.getElementById('rf-signed-on').value = arguments[0]; document.getElementById('rf-expires').value = arguments[1]",
                LocalDate.now().minusDays(1).toString(), LocalDate.now().plusMonths(10).toString());
        browser.find("#rf-record-button").click();
        browser.until(d -> !d.findElements(By.cssSelector("#rf-record-form .field-error")).isEmpty(), "the refusal next to a consent field");
        assertThat(db.value("select count(*) from consent where student_id = ?", student)).isEqualTo(0L);
        browser.find("#rf-scan").sendKeys("cabinet 3, folder " + suffix);
        browser.find("#rf-record-button").click();
        browser.waitText("#status", "Consent recorded");
        UUID consent = (UUID) db.value("select id from consent where student_id = ?", student);
        assertThat(db.value("select recipient_organization_id from consent where id = ?", consent)).isEqualTo(organization);
        assertThat(choice("#rf-consent-list", consent.toString()).isSelected()).isTrue();

        browser.find("#rf-save").click();
        browser.waitText("#status", "Draft saved");
        UUID referral = UUID.fromString(browser.text("#rf-draft"));
        browser.find("#rf-send").click();
        browser.waitText("#status", "Sent");
        assertThat(db.value("select status from referral where id = ?", referral)).isEqualTo("requested");
        assertThat(db.value("select consent_id from referral where id = ?", referral)).isEqualTo(consent);
        browser.screenshot("42-referral-consent-recorded");
    }
}
