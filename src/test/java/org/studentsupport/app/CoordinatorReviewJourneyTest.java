package org.studentsupport.app;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.studentsupport.review.ReviewFixtures;
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
 * The coordinator's whole-class review grid in a real browser, signed in as {@code coord.elm}: one row
 * per student, tiers and need codes typed with the keyboard, a draft saved, a stale save refused (412)
 * and explained, the review finalized and amended, the school's progress, and a student's page.
 */
@QuarkusTest
class CoordinatorReviewJourneyTest {

    @TestHTTPResource("/app/reviews")
    URI reviews;

    @Inject
    ReviewFixtures fixtures;

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

    private WebElement row(UUID student) {
        return browser.find("#rv-grid tbody tr[data-student='" + student + "']");
    }

    private Map<String, Object> entry(UUID classId, UUID student) {
        return db.rows("select e.tier, e.needs_individual_review from class_review_entry e join class_review r on r.id = e.review_id "
                + "where r.class_id = ? and e.student_id = ? and e.current", classId, student).get(0);
    }

    @Test
    void aCoordinatorReviewsAWholeClassSeesAConflictExplainedFinalizesAmendsAndOpensAStudent() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID school = fixtures.school("dst-riverton", "sch-elm");
        UUID year = fixtures.schoolYear("dst-riverton", "yr-app-" + suffix);
        UUID period = fixtures.period(year, "Fall review " + suffix, "fall", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 20));
        UUID classId = fixtures.homeroom(school, year, "Grade 4 Room " + suffix, fixtures.teacher("Okafor"));
        List<UUID> students = fixtures.enrolledStudents(classId, school, "04", 3);

        Browser.allowRedirectsTo(reviews);
        browser.openSignedIn(reviews.toString(), "coord.elm");
        new Select(browser.find("#rv-school")).selectByValue(school.toString());
        new Select(browser.find("#rv-period")).selectByValue(period.toString());
        browser.find("#rv-pick button").click();
        browser.waitText("#rv-classes", "Grade 4 Room " + suffix);
        assertThat(browser.text("#rv-count-not-started")).isNotEmpty();
        browser.driver.findElements(By.cssSelector("#rv-classes tbody tr")).stream()
                .filter(r -> r.getText().contains("Grade 4 Room " + suffix)).findFirst().orElseThrow()
                .findElement(By.tagName("button")).click();
        browser.waitText("#rv-class-title", "Grade 4 Room " + suffix);
        assertThat(browser.driver.findElements(By.cssSelector("#rv-grid tbody tr"))).hasSize(3);
        assertThat(browser.unlabelledFields()).isEmpty();
        // The grid's rows in the order shown (the roster's order).
        @SuppressWarnings("unchecked")
        List<UUID> rows = ((List<String>) browser.script("return Array.from(document.querySelectorAll('#rv-grid tbody tr'))"
                + ".map(r => r.dataset.student)")).stream().map(UUID::fromString).toList();
        assertThat(rows).containsExactlyInAnyOrderElementsOf(students);

        // Keyboard: type codes, arrow down moves to the same column of the next row.
        new Select(row(rows.get(0)).findElement(By.name("tier"))).selectByValue("3");
        WebElement academic = row(rows.get(0)).findElement(By.name("academic"));
        academic.sendKeys("reading, math");
        academic.sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.script("return document.activeElement.closest('tr').dataset.student")).isEqualTo(rows.get(1).toString());
        assertThat(browser.script("return document.activeElement.name")).isEqualTo("academic");
        new Select(row(rows.get(1)).findElement(By.name("tier"))).selectByValue("1");
        browser.find("#rv-save").click();
        browser.waitText("#status", "Draft saved");
        assertThat(fixtures.status(classId)).isEqualTo("draft");
        assertThat(entry(classId, rows.get(0)).get("tier")).isEqualTo("3");
        assertThat(db.value("select d.needs from class_review_domain d join class_review_entry e on e.id = d.entry_id "
                + "join class_review r on r.id = e.review_id where r.class_id = ? and e.student_id = ? and e.current and d.domain = 'academic'",
                classId, rows.get(0)).toString()).contains("reading", "math");
        browser.screenshot("20-review-grid");

        // Someone else saves meanwhile: the browser's next save is refused and explained, nothing of it stored.
        String token = Keycloak.token("coord.elm");
        String path = "/api/v1/classes/" + classId + "/reviews/" + period;
        String etag = given().auth().oauth2(token).get(path).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(token).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("entries", List.of(Map.of("studentId", rows.get(1), "tier", "2")))).put(path).then().statusCode(200);
        new Select(row(rows.get(2)).findElement(By.name("tier"))).selectByValue("1");
        browser.find("#rv-save").click();
        browser.waitText("#status", "412");
        assertThat(browser.text("#status")).contains("someone else saved this review");
        assertThat(db.value("select count(*) from class_review_entry e join class_review r on r.id = e.review_id where r.class_id = ? and e.current",
                classId)).isEqualTo(1L);
        browser.screenshot("21-review-conflict");

        // Reload, complete the tiers, finalize.
        browser.find("#rv-reload").click();
        browser.until(d -> "2".equals(new Select(row(rows.get(1)).findElement(By.name("tier"))).getFirstSelectedOption()
                .getAttribute("value")), "the other coordinator's tier after reloading");
        new Select(row(rows.get(0)).findElement(By.name("tier"))).selectByValue("3");
        row(rows.get(0)).findElement(By.name("academic")).sendKeys("reading");
        new Select(row(rows.get(2)).findElement(By.name("tier"))).selectByValue("1");
        browser.find("#rv-save").click();
        browser.waitText("#status", "Draft saved");
        browser.find("#rv-finalize").click();
        browser.waitText("#status", "Review finalized");
        assertThat(fixtures.status(classId)).isEqualTo("final");
        browser.waitText("#rv-count-final", "1");
        assertThat(browser.text("#rv-count-students")).startsWith("3 / 3");

        // Amend one tier with a reason.
        new Select(row(rows.get(2)).findElement(By.name("tier"))).selectByValue("2");
        browser.find("#rv-reason").sendKeys("The teacher corrected the tier");
        browser.find("#rv-amend").click();
        browser.waitText("#status", "Amendment saved");
        assertThat(fixtures.amendments(classId)).isEqualTo(1L);
        assertThat(entry(classId, rows.get(2)).get("tier")).isEqualTo("2");
        browser.screenshot("22-review-final");

        // The student's page: profile, tier and needs of the finalized review.
        row(rows.get(0)).findElement(By.tagName("a")).click();
        browser.waitReady();
        // The need codes in words, from the vocabulary in the page's language.
        browser.waitText("#st-needs", "Reading and literacy");
        assertThat(browser.text("#st-profile")).contains("3 (Fall review " + suffix + ")");
        assertThat(browser.text("#st-referrals")).contains("None.");
        browser.screenshot("23-student");
    }
}
