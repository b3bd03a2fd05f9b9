package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium session with what every journey does: open a page, log in through Keycloak's own
 * page, check a page ({@link #checkPage}: axe-core's WCAG 2.2 A/AA rules, the W3C Nu HTML checker on the page as
 * the browser received it, nothing it asked for missing), and save a numbered screenshot of each step under
 * {@code target/screenshots/<journey>/} (and each checked page's HTML under {@code target/pages/<journey>/}).
 */
final class Browser implements AutoCloseable {

    /** Generous: the build machine is shared and often saturated; waits end as soon as the page is there. */
    static final Duration WAIT = Duration.ofSeconds(90);
    /** chromedriver's words when an element it was asked about was removed from the page meanwhile. */
    private static final String REPLACED_NODE = "does not belong to the document";
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    final ChromeDriver driver;
    final String baseUrl;
    private final Path screenshots;
    private final Path pages;
    private final NetworkLog network = new NetworkLog();
    /** Icons already fetched once (every page of the portal names the same). */
    private final Set<String> iconsChecked = new HashSet<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private int step;

    Browser(String baseUrl, String journey) {
        this.baseUrl = baseUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--lang=ko-KR");
        // DevTools' network events (every request, its status or failure) in chromedriver's performance log.
        options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL"));
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        this.driver = new ChromeDriver(options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        Path screenshotsDir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        this.screenshots = screenshotsDir.resolve(journey);
        this.pages = screenshotsDir.resolveSibling("pages").resolve(journey);
        try {
            // Only this run's steps in the journey's folders.
            for (Path dir : List.of(screenshots, pages)) {
                if (Files.isDirectory(dir)) {
                    try (var old = Files.list(dir)) {
                        for (Path file : old.toList()) {
                            Files.delete(file);
                        }
                    }
                }
                Files.createDirectories(dir);
            }
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

    /** Waits for the element to be shown; a screenshot of the page when it never is. */
    WebElement find(String css) {
        try {
            return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            shot("not-found-" + css.replaceAll("[^A-Za-z0-9-]+", "_"));
            throw e;
        }
    }

    /** A form field's value, hidden fields included. */
    String value(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)))
                .getAttribute("value");
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * The element's text once it is shown. On a live page (the dispatch board re-renders its rows on each event) the
     * element may be replaced between being found and being read: chromedriver then reports a stale element or,
     * at times, an "unknown error" that the node "does not belong to the document". Either way it is found and read
     * again, as a person would look again.
     */
    String text(String css) {
        try {
            return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(again(d -> {
                WebElement element = d.findElement(By.cssSelector(css));
                return element.isDisplayed() ? element.getText() : null;
            }));
        } catch (org.openqa.selenium.TimeoutException e) {
            shot("not-found-" + css.replaceAll("[^A-Za-z0-9-]+", "_"));
            throw e;
        }
    }

    /** {@code look}, where an element replaced meanwhile (see {@link #text}) means "look again", not a failure. */
    private static <T> Function<WebDriver, T> again(Function<WebDriver, T> look) {
        return d -> {
            try {
                return look.apply(d);
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains(REPLACED_NODE)) {
                    return null;
                }
                throw e;
            }
        };
    }

    /**
     * Types into a field as a person would. A live page (the dispatch board re-renders a report's row on each of
     * its events) may replace the field meanwhile: then it is found again and typed again, until it holds the text.
     */
    void type(String css, String value) {
        find(css);
        // A live page may replace or briefly hide the field while it is typed into: wait until it is usable.
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class).until(again(d -> {
            WebElement field = d.findElement(By.cssSelector(css));
            if (!field.isDisplayed() || !field.isEnabled()) {
                return false;
            }
            driver.executeScript("arguments[0].scrollIntoView({behavior: 'instant', block: 'center'});", field);
            field.clear();
            field.sendKeys(value);
            return value.equals(d.findElement(By.cssSelector(css)).getAttribute("value"));
        }));
    }

    /**
     * Clicks what a person would: the label of KRDS's own radio buttons and check boxes, scrolled to the
     * middle of the window at once (not with KRDS's smooth scrolling, or the click lands where the element
     * was). A live page (the dispatch board) may replace the element meanwhile: then it is found again.
     */
    void click(String css) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(again(d -> {
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
        }));
    }

    /** Waits for a condition; an element replaced meanwhile (a redirect finishing, a live update) is read again. */
    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(again(condition));
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
    /**
     * What failed to load since the last check, handed to a journey that caused the failures on purpose (a server
     * stopped, a login dropped): it asserts what they may be, and the next check does not report them again.
     */
    List<String> failedSinceLastCheck() {
        network.read(driver);
        return network.missing(baseUrl);
    }

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

    /**
     * The page as it is now, checked three ways, with a screenshot either way: no axe-core violation of the
     * WCAG 2.2 A/AA rules; no error of the W3C Nu HTML checker on the page's HTML as the browser received it
     * (DevTools' copy of the response, saved under {@code target/pages/<journey>/}); and nothing the journey's
     * pages asked for so far (styles, fonts, pictures, scripts, their calls, the icons they name) answered
     * 4xx/5xx or failed to load.
     */
    void checkPage(String name) {
        checkPage(name, baseUrl);
    }

    /**
     * {@link #checkPage(String)} for a page of another origin the journey passes through: the payment provider's
     * hosted page, which a citizen sees as part of paying a fee and which must be as usable as the portal's own.
     */
    void checkPage(String name, String origin) {
        shot(name);
        String url = driver.getCurrentUrl().replaceFirst("#.*$", "");
        assertTrue(url.startsWith(origin), "checkPage(" + origin + ") is for that origin's pages, not " + url);
        List<String> report = new ArrayList<>();

        network.read(driver);
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        network.readCheckersRequests(driver);
        for (Rule v : results.getViolations()) {
            report.add("axe-core " + v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                    + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")));
        }

        String html = receivedHtml(url);
        try {
            Files.writeString(pages.resolve(String.format("%02d-%s.html", step, name)), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NuHtmlChecker.get().errors(html).forEach(error -> report.add("Nu HTML checker: " + error));

        network.missing(origin).forEach(missing -> report.add("missing: " + missing));
        iconsMissing(origin).forEach(missing -> report.add("missing: " + missing));

        assertTrue(report.isEmpty(), "Page " + url + " (step " + name + "):\n  " + String.join("\n  ", report));
    }

    /** The shown page's HTML as its response brought it (not the DOM after scripts), from DevTools. */
    @SuppressWarnings("unchecked")
    private String receivedHtml(String url) {
        String request = network.documentRequest(url).orElseThrow(() -> new AssertionError(
                "No document response for " + url + " in the browser's network log; seen: " + network.documentsSeen()));
        Map<String, Object> body = driver.executeCdpCommand("Network.getResponseBody", Map.of("requestId", request));
        String text = String.valueOf(body.get("body"));
        return Boolean.TRUE.equals(body.get("base64Encoded"))
                ? new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8) : text;
    }

    /**
     * The icons the page names (else the {@code /favicon.ico} a browser asks for by default), fetched with the
     * browser's cookies: headless Chromium does not load them itself, a browser on a desk does.
     */
    @SuppressWarnings("unchecked")
    private List<String> iconsMissing(String origin) {
        List<String> icons = new ArrayList<>((List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('link[rel~=icon], link[rel~=apple-touch-icon], "
                        + "link[rel~=manifest]')).map(l => l.href);"));
        if (icons.isEmpty()) {
            icons.add(origin + "/favicon.ico");
        }
        List<String> missing = new ArrayList<>();
        for (String icon : icons) {
            if (icon.startsWith("data:") || !iconsChecked.add(icon)) {
                continue;
            }
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(icon)).header("Cookie", cookieHeader())
                        .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 400) {
                    missing.add("icon " + icon + " → " + status + " (named by " + driver.getCurrentUrl() + ")");
                }
            } catch (IOException e) {
                missing.add("icon " + icon + " → " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return missing;
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

    /**
     * Ends the browser; what its pages asked for after the last checked page must not be missing either (a
     * journey that failed before has its own error; this one is then added to it as suppressed).
     */
    @Override
    public void close() {
        List<String> missing;
        try {
            network.read(driver);
            missing = network.missing(baseUrl);
        } finally {
            driver.quit();
        }
        assertTrue(missing.isEmpty(), "Missing after the last checked page:\n  " + String.join("\n  ", missing));
    }
}
