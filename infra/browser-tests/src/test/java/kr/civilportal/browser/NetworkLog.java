package kr.civilportal.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntries;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Everything the browser asked for, as Chromium's DevTools reported it in chromedriver's performance log: each
 * request's address, the page that asked for it, its kind (Document, Stylesheet, Image, Font, Script, Fetch...),
 * the status it got or why it failed. Read as the journey goes, so every page of it is covered, also those it
 * passes through without a check of their own.
 */
final class NetworkLog {

    /** One request as far as it got; status 0 while no answer was seen. */
    private static final class Request {
        String url = "";
        String page = "";
        String type = "";
        int status;
        String failure;
        boolean reported;
        /** Asked for by a checker run in the page (axe-core), not by the page. */
        boolean byChecker;
    }

    private final Map<String, Request> requests = new LinkedHashMap<>();
    /** The last document answered for each address: its request, whose body DevTools keeps while it is shown. */
    private final Map<String, String> documents = new LinkedHashMap<>();
    private final Json json = new Json();
    /** While set, requests that start are the checker's (see {@link #readCheckersRequests}). */
    private boolean checkerRunning;

    /**
     * Reads what the browser did while a checker ran in the page: the requests started meanwhile are the checker's
     * and not judged. axe-core reads every style sheet's rules and fetches an {@code @import}ed one itself,
     * resolving its address against the page instead of the sheet (KRDS's common.css imports
     * {@code ../../css/token/krds_tokens.css}, which axe asks for at {@code /css/token/krds_tokens.css}: 404);
     * the browser itself loads it from the right place. Call {@link #read} just before the checker.
     */
    void readCheckersRequests(ChromeDriver driver) {
        checkerRunning = true;
        try {
            read(driver);
        } finally {
            checkerRunning = false;
        }
    }

    /** Reads what the browser did since the last call. */
    void read(ChromeDriver driver) {
        while (true) {
            LogEntries entries = driver.manage().logs().get(LogType.PERFORMANCE);
            List<LogEntry> all = entries.getAll();
            if (all.isEmpty()) {
                return;
            }
            for (LogEntry entry : all) {
                take(entry.getMessage());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void take(String raw) {
        Map<String, Object> entry = json.toType(raw, Map.class);
        Map<String, Object> message = (Map<String, Object>) entry.get("message");
        String method = String.valueOf(message.get("method"));
        Map<String, Object> params = (Map<String, Object>) message.get("params");
        if (params == null || params.get("requestId") == null) {
            return;
        }
        String id = String.valueOf(params.get("requestId"));
        switch (method) {
            case "Network.requestWillBeSent" -> {
                Request r = requests.computeIfAbsent(id, k -> new Request());
                r.byChecker |= checkerRunning;
                r.url = String.valueOf(((Map<String, Object>) params.get("request")).get("url"));
                r.page = String.valueOf(params.getOrDefault("documentURL", ""));
                r.type = String.valueOf(params.getOrDefault("type", ""));
            }
            case "Network.responseReceived" -> {
                Request r = requests.computeIfAbsent(id, k -> new Request());
                Map<String, Object> response = (Map<String, Object>) params.get("response");
                r.url = String.valueOf(response.get("url"));
                r.status = ((Number) response.get("status")).intValue();
                r.type = String.valueOf(params.getOrDefault("type", r.type));
                if ("Document".equals(r.type)) {
                    documents.remove(r.url);
                    documents.put(r.url, id);
                }
            }
            case "Network.loadingFailed" -> {
                Request r = requests.computeIfAbsent(id, k -> new Request());
                // Cancelled: the page was left (an event stream, a picture not loaded yet), nothing missing.
                boolean cancelled = Boolean.TRUE.equals(params.get("canceled"))
                        || "net::ERR_ABORTED".equals(params.get("errorText"));
                if (!cancelled) {
                    r.failure = params.get("errorText") + (params.get("blockedReason") == null ? ""
                            : " (" + params.get("blockedReason") + ")");
                }
            }
            default -> {
                // Other events say nothing about what is missing.
            }
        }
    }

    /**
     * What a page of {@code origin} asked for (a style, font, picture, script, or a call of its script) that
     * answered 4xx/5xx or failed to load, not said before. Pages themselves may answer 4xx (a form with mistakes,
     * the forbidden page) or 503 (the gateway's fallback): their assertions judge that.
     */
    List<String> missing(String origin) {
        List<String> missing = new ArrayList<>();
        for (Request r : requests.values()) {
            boolean ours = r.url.startsWith(origin) || r.page.startsWith(origin);
            if (!ours || r.reported || r.byChecker || "Document".equals(r.type) || (r.status < 400 && r.failure == null)) {
                continue;
            }
            r.reported = true;
            missing.add(r.type + " " + r.url + " → " + (r.failure != null ? r.failure : String.valueOf(r.status))
                    + " (asked by " + r.page + ")");
        }
        return missing;
    }

    /** The request that brought the document now shown at {@code url}, if the log saw it. */
    Optional<String> documentRequest(String url) {
        return Optional.ofNullable(documents.get(url));
    }

    /** The documents seen, for a message when the shown one is not among them. */
    String documentsSeen() {
        return String.join(", ", documents.keySet());
    }
}
