package org.studentsupport.app;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.studentsupport.referral.ReferralFixtures;
import org.studentsupport.referral.ReferralStatus;
import org.studentsupport.review.ReviewFixtures;
import org.studentsupport.roster.Db;
import org.studentsupport.support.Browser;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages at 200% zoom (a 1280 x 1000 window zoomed to 200% is a 640 x 500 page): no horizontal
 * scrolling, and the main controls within the page's width; and the whole-class review grid with
 * the keyboard alone.
 */
@QuarkusTest
class ZoomAndKeyboardJourneyTest {

    @TestHTTPResource("/app")
    URI app;

    @Inject
    ReviewFixtures reviews;

    @Inject
    ReferralFixtures referrals;

    @Inject
    Db db;

    private static Browser zoomed() {
        return new Browser(640, 500, 2);
    }

    /** The page does not scroll sideways, and each control is shown within the page's width. */
    @SuppressWarnings("unchecked")
    private static void assertReflows(Browser browser, String page, String... controls) {
        assertThat(((Number) browser.script("return window.innerWidth")).intValue()).as("the page's width at 200% zoom").isLessThanOrEqualTo(640);
        Map<String, Object> width = (Map<String, Object>) browser.script("const d = document.documentElement; return { scroll: d.scrollWidth, "
                + "client: d.clientWidth, wide: Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right "
                + "> d.clientWidth + 1).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className) }");
        assertThat(((Number) width.get("scroll")).intValue()).as(page + " scrolls sideways; wider than the page: " + width.get("wide"))
                .isLessThanOrEqualTo(((Number) width.get("client")).intValue());
        for (String css : controls) {
            Object inside = browser.script("const r = arguments[0].getBoundingClientRect(); "
                    + "return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth", browser.find(css));
            assertThat(inside).as(page + ": " + css + " shown within the page's width").isEqualTo(true);
        }
        // The picture shows the page's first control of interest (the grid's first row on the reviews page).
        browser.script("arguments[0].scrollIntoView({ block: 'center' })", browser.find(controls[0]));
        browser.screenshot("50-zoom-" + page);
    }

    private static String focused(Browser browser) {
        return (String) browser.script("const e = document.activeElement; const tr = e.closest('tr');"
                + "return (tr && tr.dataset.student ? tr.dataset.student + ':' : '') + (e.id || e.name || e.tagName.toLowerCase())");
    }

    @Test
    void theCoordinatorsPagesReflowAt200PercentAndTheReviewGridWorksWithTheKeyboardAlone() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID school = reviews.school("dst-riverton", "sch-elm");
        UUID year = reviews.schoolYear("dst-riverton", "yr-zoom-" + suffix);
        UUID period = reviews.period(year, "Zoom review " + suffix, "fall", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 20));
        UUID classId = reviews.homeroom(school, year, "Grade 5 Room " + suffix, reviews.teacher("Nakamura"));
        List<UUID> students = reviews.enrolledStudents(classId, school, "05", 2);

        Browser.allowRedirectsTo(app);
        try (Browser browser = zoomed()) {
            browser.openSignedIn(app.toString(), "coord.elm");
            assertReflows(browser, "home", "#sign-out", "#lang", "#student-q", "#student-search button", "nav a[href='/app/reviews']");

            browser.driver.get(app + "/reviews");
            browser.waitReady();
            new Select(browser.find("#rv-school")).selectByValue(school.toString());
            new Select(browser.find("#rv-period")).selectByValue(period.toString());
            browser.find("#rv-pick button").click();
            browser.waitText("#rv-classes", "Grade 5 Room " + suffix);
            // Keyboard alone from here: Enter on the class's button opens the grid and puts the focus on its title.
            browser.driver.findElements(By.cssSelector("#rv-classes tbody tr")).stream()
                    .filter(r -> r.getText().contains("Grade 5 Room " + suffix)).findFirst().orElseThrow()
                    .findElement(By.tagName("button")).sendKeys(Keys.ENTER);
            browser.waitText("#rv-class-title", "Grade 5 Room " + suffix);
            assertThat(focused(browser)).isEqualTo("rv-class-title");
            assertReflows(browser, "reviews", "#rv-grid tbody tr:first-child select[name=tier]", "#rv-grid tbody tr:first-child input[name=academic]",
                    "#rv-grid tbody tr:first-child input[name=family]", "#rv-grid tbody tr:first-child input[name=isr]", "#rv-save", "#rv-finalize");
            @SuppressWarnings("unchecked")
            List<String> rows = (List<String>) browser.script("return Array.from(document.querySelectorAll('#rv-grid tbody tr')).map(r => r.dataset.student)");
            assertThat(rows).containsExactlyInAnyOrderElementsOf(students.stream().map(UUID::toString).toList());

            // Tab walks each row (the student's link, the tier, the four domains, the review flag) and then reaches the save button;
            // the first row gets tier 3, a reading need and the flag, the second tier 1, all typed.
            Map<String, CharSequence> typing = Map.of(rows.get(0) + ":tier", "3", rows.get(0) + ":academic", "reading",
                    rows.get(0) + ":isr", Keys.SPACE, rows.get(1) + ":tier", "1");
            List<String> order = new ArrayList<>();
            Actions keys = new Actions(browser.driver);
            for (int i = 0; i < 30 && !order.contains("rv-save"); i++) {
                keys.sendKeys(Keys.TAB).perform();
                String at = focused(browser);
                order.add(at);
                if (typing.containsKey(at)) {
                    keys.sendKeys(typing.get(at)).perform();
                }
            }
            List<String> expected = new ArrayList<>();
            for (String row : rows) {
                for (String field : List.of("a", "tier", "academic", "socialEmotional", "health", "family", "isr")) {
                    expected.add(row + ":" + field);
                }
            }
            expected.add("rv-save");
            assertThat(order).containsExactlyElementsOf(expected);
            keys.sendKeys(Keys.ENTER).perform();
            browser.waitText("#status", "Draft saved");
            assertThat(reviews.status(classId)).isEqualTo("draft");
            Map<String, Object> first = db.rows("select e.tier, e.needs_individual_review, d.needs from class_review_entry e "
                    + "join class_review r on r.id = e.review_id join class_review_domain d on d.entry_id = e.id "
                    + "where r.class_id = ? and e.student_id = ? and e.current and d.domain = 'academic'", classId, UUID.fromString(rows.get(0))).get(0);
            assertThat(first).containsEntry("tier", "3").containsEntry("needs_individual_review", true);
            assertThat(first.get("needs").toString()).contains("reading");
            assertThat(db.value("select e.tier from class_review_entry e join class_review r on r.id = e.review_id "
                    + "where r.class_id = ? and e.student_id = ? and e.current", classId, UUID.fromString(rows.get(1)))).isEqualTo("1");

            browser.driver.get(app + "/student?id=" + rows.get(0));
            browser.waitReady();
            browser.waitText("#st-profile", "05");
            assertReflows(browser, "student", "#st-profile", "#st-needs", "#st-consents");

            browser.driver.get(app + "/refer?studentId=" + rows.get(0));
            browser.waitReady();
            browser.find("#rf-need-list input");
            assertReflows(browser, "refer", "#rf-student-q", "#rf-student-find", "#rf-need-list input", "#rf-more-codes", "#rf-services-find");
        }
    }

    @Test
    void theProvidersInboxReflowsAt200Percent() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID mentoring = referrals.organization(ProviderInboxJourneyTest.MENTORING, "Riverton Mentoring");
        UUID school = referrals.school("dst-zoom-" + suffix, "sch-zoom-" + suffix);
        UUID student = referrals.student(school, "Zoe" + suffix, "Lindqvist", LocalDate.now().minusYears(13));
        UUID parent = referrals.contact(student, "Karin", "Lindqvist", "parent", true);
        UUID service = referrals.service(mentoring, "Weekend mentoring with a long name for narrow screens " + suffix);
        List<String> shared = List.of("identity", "demographics", "contact");
        referrals.referral(student, service, referrals.consent(student, parent, mentoring, List.of("mentoring"), shared,
                LocalDate.now().minusDays(2), LocalDate.now().plusYears(1), null), shared, List.of(parent), ReferralStatus.REQUESTED);

        Browser.allowRedirectsTo(app);
        try (Browser browser = zoomed()) {
            browser.openSignedIn(app + "/inbox", "provider.mentoring");
            browser.waitText("#inbox-list tbody", "Zoe" + suffix);
            browser.driver.findElements(By.cssSelector("#inbox-list tbody tr")).stream().filter(r -> r.getText().contains("Zoe" + suffix))
                    .findFirst().orElseThrow().findElement(By.tagName("button")).click();
            browser.waitText("#referral-notice", "99.33");
            assertReflows(browser, "inbox", "#inbox-status", "#inbox-filters button", "#inbox-list tbody tr button", "#move-accept button",
                    "#reject-code", "#move-reject button[type=submit]");
        }
    }

    @Test
    void theSupervisorsDashboardReflowsAt200Percent() {
        Browser.allowRedirectsTo(app);
        try (Browser browser = zoomed()) {
            browser.openSignedIn(app + "/oversight", "super.riverton");
            assertReflows(browser, "oversight", "#ov-from", "#ov-to", "#ov-group", "#ov-period button[type=submit]", "#ov-figures-csv",
                    "#ov-overdue-csv", "#ov-stalled-days", "#ov-audit-student", "#ov-audit-form button[type=submit]", "#ov-access");
        }
    }
}
