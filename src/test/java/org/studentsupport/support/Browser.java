package org.studentsupport.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Debian's headless Chromium driven through chromedriver, signing in through the real test Keycloak's
 * login page. One fresh profile per browser; screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    public final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    public Browser() {
        this(1280, 1000, 1);
    }

    /**
     * A browser whose page is {@code width} x {@code height} CSS pixels at {@code scale} device pixels
     * each: 640 x 500 at 2 is a 1280 x 1000 window zoomed to 200%.
     */
    public Browser(int width, int height, int scale) {
        try {
            profile = Files.createTempDirectory("chromium-profile");
            downloads = Files.createDirectories(Path.of("target/downloads")).resolve(profile.getFileName().toString());
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--force-device-scale-factor=" + scale, "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
    }

    /** Lets the web client send browsers back to this test run's service (its port is chosen per run). */
    public static void allowRedirectsTo(URI app) {
        String admin = Keycloak.masterAdminToken();
        String clients = Keycloak.baseUrl() + "/admin/realms/" + Keycloak.REALM + "/clients";
        String id = RestAssured.given().auth().oauth2(admin).queryParam("clientId", Keycloak.WEB_CLIENT).get(clients)
                .then().statusCode(200).extract().path("[0].id");
        Map<String, Object> client = RestAssured.given().auth().oauth2(admin).get(clients + "/" + id)
                .then().statusCode(200).extract().as(Map.class);
        String origin = app.getScheme() + "://" + app.getAuthority();
        List<String> redirects = new ArrayList<>((List<String>) client.get("redirectUris"));
        List<String> origins = new ArrayList<>((List<String>) client.get("webOrigins"));
        if (!redirects.contains(origin + "/app*")) {
            redirects.add(origin + "/app*");
            origins.add(origin);
            client.put("redirectUris", redirects);
            client.put("webOrigins", origins);
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
            attributes.put("post.logout.redirect.uris", "+");
            assertEquals(204, RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(client)
                    .put(clients + "/" + id).statusCode());
        }
    }

    /** Opens a page, signs in on the Keycloak login page when it shows, and waits until the page has loaded its data. */
    public void openSignedIn(String url, String username) {
        driver.get(url);
        until(d -> d.findElements(By.id("kc-login")).size() > 0 || isReady() || signInOffered(), "a sign-in page or the page");
        if (signInOffered()) {
            driver.findElement(By.id("sign-in")).click();
            until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")), "the Keycloak login page");
        }
        if (!driver.findElements(By.id("kc-login")).isEmpty()) {
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(Keycloak.PASSWORD);
            driver.findElement(By.id("kc-login")).click();
        }
        waitReady();
    }

    public void waitReady() {
        until(d -> isReady(), "the page to be ready");
    }

    /** Waits for a condition; on timeout, says where the browser is and what the page shows. */
    public <T> T until(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition, String what) {
        try {
            // A list the page re-renders meanwhile leaves stale elements behind: look again.
            return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-" + System.currentTimeMillis());
            throw new AssertionError("waited in vain for " + what + " at " + driver.getCurrentUrl() + "; the page shows:\n"
                    + driver.findElement(By.tagName("body")).getText() + "\nconsole: " + script("return window.__errors || []"), e);
        }
    }

    public boolean isReady() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return !!document.body && document.body.dataset.ready === 'true'"));
    }

    public boolean signInOffered() {
        List<WebElement> button = driver.findElements(By.id("sign-in"));
        return !button.isEmpty() && button.get(0).isDisplayed();
    }

    public WebElement find(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)), css);
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Waits until the element's text contains the expected words. */
    public void waitText(String css, String expected) {
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), expected), "'" + expected + "' in " + css);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The form fields of the page that have no label (by for=, by wrapping, or aria-label/labelledby). */
    @SuppressWarnings("unchecked")
    public List<String> unlabelledFields() {
        return (List<String>) script("return Array.from(document.querySelectorAll('input, select, textarea'))"
                + ".filter(f => f.type !== 'hidden' && f.labels.length === 0 && !f.getAttribute('aria-label') && !f.getAttribute('aria-labelledby'))"
                + ".map(f => f.outerHTML)");
    }

    /** Waits for a file the browser downloads, and returns it. */
    public Path downloaded(String name) {
        Path file = downloads.resolve(name);
        until(d -> Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload")), "the download of " + name);
        return file;
    }

    /** Saves a screenshot of the page as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
