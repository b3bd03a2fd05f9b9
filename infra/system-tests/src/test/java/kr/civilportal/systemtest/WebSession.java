package kr.civilportal.systemtest;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser, as far as the system tests need one: its own cookies, redirects followed by hand (so a
 * test sees each step), and the login through Keycloak's own login page (the authorization-code flow the web
 * apps use), not a shortcut. The pages are opened at {@code http://127.0.0.1:<gateway port>}, which the
 * development realm lets the web clients redirect to on any port.
 */
final class WebSession {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REDIRECTS = 10;
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile(
            "<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

    /** A page as the browser ended up on it, after the redirects. */
    record Page(int status, URI uri, String body, long millis) {
        /** Keycloak's login page: the session is gone (signed out). */
        boolean isLoginPage() {
            return body.contains("kc-form-login");
        }
    }

    private final String base;
    private final HttpClient http;

    WebSession(String gatewayUrl) {
        this.base = gatewayUrl.replace("localhost", "127.0.0.1");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in through Keycloak's login page, starting from {@code path} (e.g. /my or /admin); ends on that page. */
    Page login(String path, String user, String password) throws IOException, InterruptedException {
        Page page = get(path);
        if (!page.isLoginPage()) {
            throw new IllegalStateException("Expected Keycloak's login page from " + path + ", got " + page.status()
                    + " at " + page.uri());
        }
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("No login form on " + page.uri());
        }
        String target = action.group(1).replace("&amp;", "&");
        Page after = follow(http.send(HttpRequest.newBuilder(URI.create(target)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password,
                        "credentialId", ""))))
                .build(), HttpResponse.BodyHandlers.ofString()), System.nanoTime());
        if (after.isLoginPage()) {
            throw new IllegalStateException("Login of " + user + " refused");
        }
        return after;
    }

    Page get(String path) throws IOException, InterruptedException {
        long start = System.nanoTime();
        return follow(http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString()), start);
    }

    /**
     * Submits the page's form as a browser would: the page's hidden fields (CSRF token, idempotency key) with
     * {@code fields} over them, to {@code action}.
     */
    Page submit(Page page, String action, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(hiddenFields(page.body()));
        all.putAll(fields);
        long start = System.nanoTime();
        return follow(http.send(HttpRequest.newBuilder(URI.create(base + action)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))).build(), HttpResponse.BodyHandlers.ofString()), start);
    }

    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        return fields;
    }

    private Page follow(HttpResponse<String> response, long start) throws IOException, InterruptedException {
        for (int i = 0; i < MAX_REDIRECTS && response.statusCode() / 100 == 3; i++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            URI next = response.uri().resolve(location);
            response = http.send(HttpRequest.newBuilder(next).timeout(REQUEST_TIMEOUT).header("Accept", "text/html").GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
        return new Page(response.statusCode(), response.uri(), response.body(), (System.nanoTime() - start) / 1_000_000);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
