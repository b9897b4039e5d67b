package org.studentsupport.app;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.studentsupport.support.Browser;

import java.net.URI;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * Signing in to the pages through the real Keycloak's login page (authorization code + PKCE), the
 * name and role shown, the token renewed without reloading (a half-typed form keeps its text), the
 * language switch, and signing out.
 */
@QuarkusTest
class SignInJourneyTest {

    @TestHTTPResource("/app")
    URI app;

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
    void thePagesHoldNoDataAndNeedNoTokenButTheApiStillDoes() {
        given().get("/app").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"en\""), containsString("student-support-web"), not(containsString("password")));
        given().get("/app/assets/app.js").then().statusCode(200).body(containsString("code_challenge_method: 'S256'"));
        given().get("/api/v1/students").then().statusCode(401);
        given().header("Accept-Language", "es-MX,es;q=0.9").get("/app").then().body(containsString("<html lang=\"es\""),
                containsString("Iniciar sesión"));
    }

    @Test
    void aCoordinatorSignsInSeesNameAndRoleKeepsAHalfFilledFormThroughRenewalSwitchesLanguageAndSignsOut() {
        Browser.allowRedirectsTo(app);
        browser.driver.get(app + "?lang=en");
        browser.until(d -> browser.signInOffered(), "the sign-in button");
        assertThat(browser.text("#status")).contains("You are signed out");
        browser.screenshot("01-signed-out");

        browser.driver.findElement(By.id("sign-in")).click();
        browser.find("#kc-login");
        assertThat(browser.driver.getCurrentUrl()).contains("code_challenge_method=S256").doesNotContain("response_type=token");
        browser.screenshot("02-keycloak-login");
        browser.driver.findElement(By.id("username")).sendKeys("coord.elm");
        browser.driver.findElement(By.id("password")).sendKeys("demo-password");
        browser.driver.findElement(By.id("kc-login")).click();
        browser.waitReady();
        assertThat(browser.text("#user-name")).isEqualTo("Elena Elm");
        assertThat(browser.text("#user-role")).isEqualTo("Coordinator");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("code=").endsWith("/app?lang=en");
        assertThat((String) browser.script("return sessionStorage.length + localStorage.length + ''")).isEqualTo("0");
        assertThat(browser.unlabelledFields()).isEmpty();
        browser.screenshot("03-home-coordinator");

        // Half-typed, not sent; the token is renewed (10 s after sign-in in the tests) without a reload.
        browser.script("window.notReloaded = true");
        browser.find("#student-q").sendKeys("Half typed");
        browser.until(d -> "1".equals(browser.script("return document.body.dataset.renewals")), "the token renewal");
        assertThat(browser.find("#renewed").isDisplayed()).isTrue();
        assertThat(browser.script("return window.notReloaded")).isEqualTo(true);
        assertThat(browser.find("#student-q").getAttribute("value")).isEqualTo("Half typed");

        new Select(browser.find("#lang")).selectByValue("es");
        browser.waitReady();
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("es");
        assertThat(browser.text("h1")).isEqualTo("Apoyo estudiantil");
        assertThat(browser.text("#user-role")).isEqualTo("Coordinador/a");
        assertThat(browser.text("#sign-out")).isEqualTo("Cerrar sesión");
        browser.screenshot("04-home-spanish");
        new Select(browser.find("#lang")).selectByValue("en");
        browser.waitReady();

        browser.driver.findElement(By.id("sign-out")).click();
        browser.until(d -> browser.signInOffered(), "the sign-in button");
        assertThat(browser.driver.findElement(By.id("who")).isDisplayed()).isFalse();
        // Signed out at Keycloak too: signing in again asks for the password.
        browser.driver.findElement(By.id("sign-in")).click();
        assertThat(browser.find("#kc-login").isDisplayed()).isTrue();
    }
}
