package kr.civilportal.systemtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser, as far as the system tests need one: its own cookies, redirects followed by hand (so a
 * test sees each step), and the login through Keycloak's own login page (the authorization-code flow the web
 * apps use), not a shortcut. The pages are opened at {@code http://127.0.0.1:<gateway port>}, which the
 * development realm lets the web clients redirect to on any port.
 *
 * <p>Cookies are kept per session and sent by hand, so that many sessions can share one {@link HttpClient} (a
 * client per browser would cost a selector thread each: a rush of hundreds of browsers shares one). Every answer a
 * session gets, redirects included, is reported to {@link #onAnswer} (a rush counts its 5xx there).
 */
final class WebSession {

    private static final Pattern UNAVAILABLE_PANEL =
            Pattern.compile("id=\"unavailable(-(residency|passport|land-registry|emergency-report))?\"");

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REDIRECTS = 10;
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile(
            "<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final Pattern RADIO_VALUE = Pattern.compile("<input[^>]*type=\"radio\"[^>]*name=\"%s\"[^>]*value=\"([^\"]*)\"([^>]*)>");

    /** A page as the browser ended up on it, after the redirects. */
    record Page(int status, URI uri, String body, long millis, HttpHeaders headers) {
        /** Keycloak's login page: the session is gone (signed out). */
        boolean isLoginPage() {
            return body.contains("kc-form-login");
        }

        /** The gateway's own static page for when citizen-web cannot answer (its 119 form posts to the gateway). */
        boolean isCitizenFallback() {
            return body.contains("action=\"/report-119/fallback\"");
        }

        /** The gateway's static page for officials when admin-console cannot answer. */
        boolean isOfficialsFallback() {
            return body.contains("업무 화면을 잠시 이용할 수 없습니다") && body.contains("officials' console is unavailable");
        }

        /**
         * The web apps' "this service is unavailable" panel (web-common {@code web/unavailable.html}) on a page of one
         * service, or on a petitions section of 나의 민원 (each with an id of its own); not the documents' parts.
         */
        boolean hasUnavailablePanel() {
            return UNAVAILABLE_PANEL.matcher(body).find();
        }

        /** citizen-web's waiting-room page (web-common {@code web/waiting-room.html}). */
        boolean isWaitingRoom() {
            return body.contains("id=\"waiting-resume\"");
        }

        /** A page of the portal, signed in, as the app rendered it: not an error, not a stand-in, not the login. */
        boolean isNormalPage() {
            return status == 200 && !isLoginPage() && !isCitizenFallback() && !hasUnavailablePanel() && !isWaitingRoom();
        }

        /** The form of the page with this id, or the first whose text contains {@code marker}. */
        Form form(String marker) {
            Matcher m = FORM.matcher(body);
            while (m.find()) {
                Map<String, String> attributes = attributes(m.group(1));
                if (marker.equals(attributes.get("id")) || m.group(2).contains(marker)) {
                    return new Form(attributes.getOrDefault("method", "get").toLowerCase(java.util.Locale.ROOT),
                            unescape(attributes.getOrDefault("action", uri.getPath())), hiddenFields(m.group(2)),
                            m.group(2));
                }
            }
            throw new IllegalStateException("No form with " + marker + " on " + uri + " (" + status + "): "
                    + abbreviate(body));
        }

        @Override
        public String toString() {
            return status + " " + uri + " in " + millis + " ms: " + abbreviate(body);
        }
    }

    /** A form as the page has it: where it goes, how, and its hidden fields (CSRF token, Idempotency-Key...). */
    record Form(String method, String action, Map<String, String> hidden, String html) {
        /** The values of a radio group, in page order, that are not disabled. */
        List<String> radioValues(String name) {
            List<String> values = new ArrayList<>();
            Matcher m = Pattern.compile(RADIO_VALUE.pattern().formatted(Pattern.quote(name))).matcher(html);
            while (m.find()) {
                if (!m.group(2).contains("disabled")) {
                    values.add(unescape(m.group(1)));
                }
            }
            return values;
        }
    }

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private volatile IntConsumer onAnswer = status -> { };
    private volatile Duration timeout = REQUEST_TIMEOUT;

    /** A browser with its own HTTP client (a few sessions). */
    WebSession(String gatewayUrl) {
        this(gatewayUrl, newClient());
    }

    /** A browser on a shared HTTP client (many sessions): its cookies are still its own. */
    WebSession(String gatewayUrl, HttpClient shared) {
        this.base = gatewayUrl.replace("localhost", "127.0.0.1");
        this.http = shared;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Every status this session receives (each redirect, each page, each poll) goes to {@code listener}. */
    WebSession onAnswer(IntConsumer listener) {
        this.onAnswer = listener;
        return this;
    }

    /** How long each request may take (a rush on a loaded machine: longer than the default). */
    WebSession timeout(Duration requestTimeout) {
        this.timeout = requestTimeout;
        return this;
    }

    String base() {
        return base;
    }

    /** Signs in through Keycloak's login page, starting from {@code path} (e.g. /my or /admin); ends on that page. */
    Page login(String path, String user, String password) throws IOException, InterruptedException {
        Page page = get(path);
        if (!page.isLoginPage()) {
            throw new IllegalStateException("Expected Keycloak's login page from " + path + ", got " + page);
        }
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("No login form on " + page.uri());
        }
        String target = unescape(action.group(1));
        long start = System.nanoTime();
        Page after = follow(send(HttpRequest.newBuilder(URI.create(target)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password,
                        "credentialId", ""))))), start);
        if (after.isLoginPage()) {
            throw new IllegalStateException("Login of " + user + " refused");
        }
        return after;
    }

    Page get(String path) throws IOException, InterruptedException {
        return getAt(base, path);
    }

    /** A page from another origin than the gateway's, e.g. one replica of a web app directly. */
    Page getAt(String origin, String path) throws IOException, InterruptedException {
        long start = System.nanoTime();
        return follow(send(HttpRequest.newBuilder(URI.create(origin + path)).timeout(timeout)
                .header("Accept", "text/html").GET()), start);
    }

    /** What a page's script asks for (JSON), with this browser's cookies. */
    HttpResponse<String> getJson(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json").GET());
    }

    /**
     * Submits the page's form as a browser would: the page's hidden fields (CSRF token, idempotency key) with
     * {@code fields} over them, to {@code action}.
     */
    Page submit(Page page, String action, Map<String, String> fields) throws IOException, InterruptedException {
        return submit(new Form("post", action, hiddenFields(page.body()), page.body()), fields);
    }

    /** Sends {@code form} as a browser does when its button is pressed: its hidden fields, {@code fields} over them. */
    Page submit(Form form, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(form.hidden());
        all.putAll(fields);
        long start = System.nanoTime();
        if (form.method().equals("get")) {
            String query = form(all);
            String target = form.action().contains("?") ? form.action() + "&" + query : form.action() + "?" + query;
            return follow(send(HttpRequest.newBuilder(URI.create(base).resolve(target)).timeout(timeout)
                    .header("Accept", "text/html").GET()), start);
        }
        return follow(send(HttpRequest.newBuilder(URI.create(base).resolve(form.action())).timeout(timeout)
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all)))), start);
    }

    /** Sends {@code form} as multipart/form-data with one file field, as a browser does for a file upload. */
    Page submitFile(Form form, String fileField, String fileName, String contentType, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----websession" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : form.hidden().entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        return follow(send(HttpRequest.newBuilder(URI.create(base).resolve(form.action())).timeout(timeout)
                .header("Accept", "text/html").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))), start);
    }

    /** A cookie this browser holds for the gateway's address, e.g. the waiting-room ticket. */
    Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(URI.create(base)).stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).filter(v -> !v.isEmpty()).findFirst();
    }

    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(m.group(1), unescape(m.group(2)));
        }
        return fields;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        URI uri = built.uri();
        String sent = cookieHeader(uri);
        HttpRequest withCookies = sent.isEmpty() ? built
                : HttpRequest.newBuilder(built, (name, value) -> true).header("Cookie", sent).build();
        HttpResponse<String> response = http.send(withCookies, HttpResponse.BodyHandlers.ofString());
        cookies.put(uri, response.headers().map());
        onAnswer.accept(response.statusCode());
        return response;
    }

    /**
     * The Cookie header a browser sends to {@code uri}: {@code name=value} pairs (RFC 6265) of the cookies whose
     * domain and path match. A browser sends {@code Secure} cookies to http://localhost and http://127.0.0.1 too
     * (loopback is a trustworthy origin); {@link CookieManager#get} would drop them over http, and Keycloak sets
     * its login-session cookie {@code Secure} (without it the login form answers "cookie not found").
     */
    private String cookieHeader(URI uri) {
        // The store leaves out Secure cookies for an http address: ask it as for the https one on loopback.
        URI lookup = isLoopback(uri.getHost()) ? URI.create("https://" + uri.getHost() + "/") : uri;
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return cookies.getCookieStore().get(lookup).stream()
                .filter(c -> !c.hasExpired())
                .filter(c -> c.getPath() == null || path.startsWith(c.getPath()) || (path + "/").equals(c.getPath()))
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private static boolean isLoopback(String host) {
        return "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }

    private Page follow(HttpResponse<String> response, long start) throws IOException, InterruptedException {
        for (int i = 0; i < MAX_REDIRECTS && response.statusCode() / 100 == 3; i++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            URI next = response.uri().resolve(location);
            response = send(HttpRequest.newBuilder(next).timeout(timeout).header("Accept", "text/html").GET());
        }
        return new Page(response.statusCode(), response.uri(), response.body(), (System.nanoTime() - start) / 1_000_000,
                response.headers());
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            attributes.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
        }
        return attributes;
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
