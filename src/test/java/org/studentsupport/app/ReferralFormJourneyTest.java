package org.studentsupport.app;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import org.studentsupport.support.Keycloak;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
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

    /**
     * A service that meets the need {@code reading} (the default need mapping: reading → taxonomy term
     * {@code tutoring}), offered in Spanish, free, accepting, at a location 1.1 km north of the fixtures' school.
     */
    private UUID readingService(UUID school, UUID organization, String name) {
        UUID service = fixtures.service(organization, name);
        UUID taxonomy = UUID.nameUUIDFromBytes("journey-taxonomy".getBytes());
        UUID term = UUID.nameUUIDFromBytes("journey-term-tutoring".getBytes());
        db.update("INSERT INTO dir_taxonomy (id, name, extra) VALUES (?, 'Journey taxonomy', '{\"description\": \"Test taxonomy\"}') "
                + "ON CONFLICT DO NOTHING", taxonomy);
        db.update("INSERT INTO dir_taxonomy_term (id, taxonomy_id, code, name, extra) VALUES (?, ?, 'tutoring', 'Tutoring', "
                + "'{\"description\": \"Tutoring\"}') ON CONFLICT DO NOTHING", term, taxonomy);
        UUID location = UUID.randomUUID();
        db.update("INSERT INTO dir_location (id, organization_id, name, latitude, longitude) VALUES (?, ?, 'Main office', 42.11, -72.6)",
                location, organization);
        db.update("INSERT INTO dir_service_at_location (id, service_id, location_id) VALUES (?, ?, ?)", UUID.randomUUID(), service, location);
        db.update("INSERT INTO dir_attribute (id, link_id, taxonomy_term_id, extra) VALUES (?, ?, ?, '{\"link_type\": \"service\"}')",
                UUID.randomUUID(), service, term);
        db.update("INSERT INTO dir_language (id, service_id, code, extra) VALUES (?, ?, 'es', '{\"name\": \"Spanish\"}')",
                UUID.randomUUID(), service);
        db.value("select count(*) from dir_refresh_search(cast(? as uuid[]))", "{" + service + "}");
        // Where the distance is measured from: the student's school, at 42.1, -72.6.
        db.update("UPDATE school SET latitude = 42.1, longitude = -72.6 WHERE id = ?", school);
        return service;
    }

    /** Records a need for the student the way a coordinator does: an individual review whose plan addresses it. */
    private static void recordNeed(UUID student, String need) {
        given().auth().oauth2(Keycloak.token("coord.elm")).contentType(ContentType.JSON)
                .body(Map.of("concerns", "Reads two grades below level", "needs", List.of(need)))
                .post("/api/v1/students/" + student + "/individual-reviews").then().statusCode(201);
    }

    @Test
    void aCoordinatorWritesADraftIsToldWhatTheConsentDoesNotCoverCorrectsItAndSends() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID school = fixtures.school("dst-riverton", "sch-elm");
        UUID student = fixtures.student(school, "Lucia" + suffix, "Fermin", LocalDate.now().minusYears(12));
        UUID parent = fixtures.contact(student, "Ana", "Fermin", "parent", true);
        UUID organization = fixtures.organization("Reading Partners " + suffix);
        UUID service = readingService(school, organization, "Reading tutoring " + suffix);
        UUID consent = fixtures.consent(student, parent, organization, List.of("tutoring"), List.of("identity", "demographics"),
                LocalDate.now().minusDays(5), LocalDate.now().plusYears(1), null);
        recordNeed(student, "reading");

        Browser.allowRedirectsTo(refer);
        browser.openSignedIn(refer.toString(), "coord.elm");
        browser.find("#rf-student-q").sendKeys("Lucia" + suffix);
        browser.find("#rf-student-find").click();
        choice("#rf-student-list", student.toString()).click();
        // The need recorded in the student's plan is suggested and ticked; the matching services come with why each matched.
        browser.waitText("#rf-need-list", "Reading and literacy (recorded)");
        assertThat(choice("#rf-need-list", "reading").isSelected()).isTrue();
        assertThat(browser.text("#rf-needs-hint")).contains("recorded in the student's latest review and plan");
        browser.waitText("#rf-service-list", "Reading tutoring " + suffix);
        String why = browser.text("#rf-service-list [data-service='" + service + "']");
        assertThat(why).contains("Why it matched", "Meets the needs: Reading and literacy", "Age within its eligibility: 12",
                "Offered in the student's language: Spanish", "Distance from the school: 1.1 km", "Free of charge",
                "Capacity: accepting referrals", "Rank score: 19.78");
        browser.script("document.getElementById('rf-services-step').scrollIntoView()");
        browser.screenshot("39-referral-matching");
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

        // The student's page: the family contact, the plan that records the need, the referral sent, the consent in words.
        browser.driver.get(refer.resolve("/app/student?id=" + student).toString());
        browser.waitReady();
        browser.waitText("#st-referrals", "Reading tutoring " + suffix);
        assertThat(browser.text("#st-profile")).contains("Ana Fermin (parent)", "Spanish");
        assertThat(browser.text("#st-referrals")).contains("Requested");
        assertThat(browser.driver.findElements(By.cssSelector("#st-plans tbody tr"))).hasSize(1);
        assertThat(browser.text("#st-consents")).contains("Ana Fermin", "Tutoring and academic support",
                "The student's first name and last initial");
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
        // No need recorded yet: nothing ticked, and the form says so.
        browser.waitText("#rf-needs-hint", "No need is recorded for this student yet");
        assertThat(browser.text("#rf-service-list")).contains("Tick at least one need");
        choice("#rf-need-list", "math").click();
        // A need not recorded: the directory's search by need finds the service with a term mapped to it (math → tutoring),
        // not the one without terms; that one its words find.
        UUID tutoring = readingService(school, fixtures.organization("Numbers Club " + suffix), "Numbers tutoring " + suffix);
        browser.find("#rf-services-find").click();
        browser.waitText("#rf-service-list", "Numbers tutoring " + suffix);
        assertThat(browser.text("#rf-service-list [data-service='" + tutoring + "']"))
                .contains("Found by the directory search", "Meets the needs: Mathematics", "Age within its eligibility: 9");
        assertThat(browser.text("#rf-service-list")).doesNotContain("Math tutoring " + suffix);
        browser.find("#rf-words-search summary").click();
        browser.find("#rf-words").sendKeys("tutoring " + suffix);
        browser.find("#rf-words-find").click();
        browser.waitText("#rf-service-list", "Math tutoring " + suffix);
        assertThat(browser.text("#rf-service-list")).contains("Found by the directory search", "Age within its eligibility: 9");
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

    @Test
    void inSpanishTheReasonsTheLabelsAndTheConsentGatesRefusalsAreSpanish() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID school = fixtures.school("dst-riverton", "sch-elm");
        UUID student = fixtures.student(school, "Marta" + suffix, "Rojas", LocalDate.now().minusYears(11));
        UUID parent = fixtures.contact(student, "Elena", "Rojas", "parent", true);
        UUID organization = fixtures.organization("Lectores " + suffix);
        UUID service = readingService(school, organization, "Reading club " + suffix);
        fixtures.consent(student, parent, organization, List.of("tutoring"), List.of("identity"),
                LocalDate.now().minusDays(5), LocalDate.now().plusYears(1), null);
        recordNeed(student, "reading");

        Browser.allowRedirectsTo(refer);
        // A browser of its own: the language chosen is kept in a cookie.
        try (Browser spanish = new Browser()) {
            spanish.openSignedIn(refer + "?lang=es&studentId=" + student, "coord.elm");
            spanish.waitText("#rf-need-list", "Lectura y alfabetización (registrada)");
            spanish.waitText("#rf-service-list", "Reading club " + suffix);
            assertThat(spanish.text("#rf-service-list [data-service='" + service + "']")).contains("Por qué coincide",
                    "Atiende las necesidades: Lectura y alfabetización", "Se ofrece en el idioma del estudiante: español",
                    "Cupo: acepta derivaciones", "Gratuito");
            spanish.find("#rf-service-list input[value='" + service + "']").click();
            Select purpose = new Select(spanish.find("#rf-purpose"));
            purpose.selectByValue("counseling");
            assertThat(purpose.getFirstSelectedOption().getText()).isEqualTo("Consejería y servicios de salud mental");
            assertThat(spanish.text("#rf-category-list")).contains("Nombre del estudiante e inicial del apellido");
            assertThat(spanish.text("#rf-contact-list")).contains("Elena Rojas (madre o padre)");
            spanish.find("#rf-category-list input[value='contact']").click();
            spanish.find("#rf-contact-list input[value='" + parent + "']").click();
            spanish.find("#rf-save").click();
            spanish.waitText("#status", "Borrador guardado");
            UUID referral = UUID.fromString(spanish.text("#rf-draft"));
            spanish.find("#rf-send").click();
            spanish.waitText("#status", "No se envió");
            assertThat(spanish.text("#status")).contains("Ningún consentimiento vigente (ni una excepción de FERPA) cubre esta divulgación")
                    .doesNotContain("cannot be sent");
            assertThat(spanish.find("#rf-purpose").findElement(By.xpath("..")).getText()).contains("El consentimiento no cubre este propósito.");
            assertThat(spanish.text("#rf-consent-step fieldset[data-pointer='sharedCategories']"))
                    .contains("El consentimiento no cubre todos los datos elegidos para compartir.");
            assertThat(spanish.text("#rf-form")).doesNotContain("does not cover");
            assertThat(db.value("select status from referral where id = ?", referral)).isEqualTo("draft");
            assertThat(fixtures.disclosures(referral)).isZero();
            spanish.screenshot("43-referral-refused-es");
        }
    }
}
