package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium session with what every journey does: open a page, log in through Keycloak's own
 * page, check a page with axe-core (WCAG 2.2 A/AA rules), and save a numbered screenshot of each step under
 * {@code target/screenshots/<journey>/}.
 */
final class Browser implements AutoCloseable {

    /** Generous: the build machine is shared and often saturated; waits end as soon as the page is there. */
    static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    final ChromeDriver driver;
    final String baseUrl;
    private final Path screenshots;
    private int step;

    Browser(String baseUrl, String journey) {
        this.baseUrl = baseUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--lang=ko-KR");
        this.driver = new ChromeDriver(options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        this.screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots")).resolve(journey);
        try {
            // Only this run's steps in the journey's folder.
            if (Files.isDirectory(screenshots)) {
                try (var old = Files.list(screenshots)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phone's screen (390 × 844 CSS pixels): the 119 form is used there first. */
    void phone() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** A form field's value, hidden fields included. */
    String value(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)))
                .getAttribute("value");
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /**
     * Types into a field as a person would. A live page (the dispatch board re-renders a report's row on each of
     * its events) may replace the field meanwhile: then it is found again and typed again, until it holds the text.
     */
    void type(String css, String value) {
        find(css);
        // A live page may replace or briefly hide the field while it is typed into: wait until it is usable.
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class).until(d -> {
            WebElement field = d.findElement(By.cssSelector(css));
            if (!field.isDisplayed() || !field.isEnabled()) {
                return false;
            }
            driver.executeScript("arguments[0].scrollIntoView({behavior: 'instant', block: 'center'});", field);
            field.clear();
            field.sendKeys(value);
            return value.equals(d.findElement(By.cssSelector(css)).getAttribute("value"));
        });
    }

    /**
     * Clicks what a person would: the label of KRDS's own radio buttons and check boxes, scrolled to the
     * middle of the window at once (not with KRDS's smooth scrolling, or the click lands where the element
     * was). A live page (the dispatch board) may replace the element meanwhile: then it is found again.
     */
    void click(String css) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = d.findElement(By.cssSelector(css));
            String type = element.getAttribute("type");
            if ("radio".equals(type) || "checkbox".equals(type)) {
                element = d.findElement(By.cssSelector("label[for='" + element.getAttribute("id") + "']"));
            }
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            driver.executeScript("arguments[0].scrollIntoView({behavior: 'instant', block: 'center', inline: 'center'});",
                    element);
            element.click();
            return true;
        });
    }

    /** Waits for a condition; an element replaced meanwhile (a redirect finishing, a live update) is read again. */
    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Through Keycloak's real login page (the browser is sent there by the gateway). */
    void logInAs(String user) {
        find("#username");
        shot("keycloak-login");
        type("#username", user);
        type("#password", user);
        click("#kc-login");
        waitUntil(d -> d.getCurrentUrl().startsWith(baseUrl));
    }

    /**
     * Every cookie gone (the portal's session and Keycloak's), as when a web session expired while the page was
     * open; the page and what was typed into it stay as they are.
     */
    void forgetAllCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        assertTrue(driver.manage().getCookies().isEmpty());
    }

    void shot(String name) {
        step++;
        Path target = screenshots.resolve(String.format("%02d-%s.png", step, name));
        try {
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No axe-core violation of the WCAG 2.2 A/AA rules on the page as it is now; a screenshot either way. */
    void assertAccessible(String name) {
        shot(name);
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        List<Rule> violations = results.getViolations();
        String report = violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n  "));
        assertTrue(violations.isEmpty(), "axe-core violations on " + driver.getCurrentUrl() + ":\n  " + report);
    }

    /** Chromium's own location, as a phone would give it, granted to the portal's origin. */
    void allowGeolocation(double latitude, double longitude, double accuracy) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", baseUrl, "permissions", List.of("geolocation")));
        driver.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", latitude, "longitude", longitude, "accuracy", accuracy));
    }

    /** The reporter says no to sharing their location. */
    void denyGeolocation() {
        driver.executeCdpCommand("Browser.setPermission", Map.of("origin", baseUrl,
                "permission", Map.of("name", "geolocation"), "setting", "denied"));
    }

    String cookieHeader() {
        return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
