package kr.civilportal.web.waiting;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.PageContext;
import kr.civilportal.web.page.WebPageSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * The waiting room for web users (대기실). When the gateway queues a page's API call, the page asked for becomes
 * this page: the place in the queue and the expected wait in a live region, and the same request again as a
 * form (the same fields, so the same Idempotency-Key) behind a "check my place now" button that works without
 * JavaScript. Sending it asks the gateway again with the ticket ({@link AdmissionPass}): still waiting gives this
 * page with the new place, admitted lets the request through, once. With JavaScript, the page asks
 * {@link #poll(String)} every few seconds and sends the form itself when the ticket is let in. Nothing is kept on
 * the server: the request is in the page, the ticket in a cookie, so any replica resumes it.
 */
@jakarta.inject.Singleton
public class WaitingRoomPage {

    @CheckedTemplate(basePath = "web", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance waitingRoom(WaitingRoomTicket ticket, Resume resume, String pollPath,
                int retrySeconds);
    }

    /** The request to make again: method, address, the form's text fields (as sent) and its file fields (not kept). */
    public record Resume(String method, String action, List<Field> fields, List<String> files) {
        public boolean post() {
            return "post".equals(method);
        }

        public boolean multipart() {
            return !files.isEmpty();
        }
    }

    public record Field(String name, String value) {
    }

    /** The poll's answer to the page's script: texts already in the page's language. */
    public record Place(boolean admitted, boolean gone, String place, String expected) {
    }

    @Inject
    PageContext ctx;
    @Inject
    ServiceCalls calls;
    @Inject
    AdmissionPass passes;
    @RestClient
    WaitingRoomClient room;
    @Inject
    WebPageSettings settings;
    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String csrfField;

    @ServerExceptionMapper
    public Response waiting(AdmissionRequiredException e) {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        Resume resume = resume(request.getMethod(), request.getPath(), request.getFormData(),
                ctx.here().contains("?") ? ctx.here().substring(ctx.here().indexOf('?') + 1) : "", Set.of(csrfField));
        String poll = settings.waitingRoom().pollPath() + "?route=" + e.ticket().route();
        return Response.status(Response.Status.ACCEPTED).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Retry-After", e.retryAfterSeconds()).header("Cache-Control", "no-store")
                .entity(Templates.waitingRoom(e.ticket(), resume, poll, e.retryAfterSeconds())).build();
    }

    /** Where the citizen's ticket of {@code route} stands, for the waiting page's script. */
    public Place poll(String route) {
        var web = ctx.web();
        String ticket = route == null ? null : passes.forRoute(route).orElse(null);
        if (ticket == null) {
            return new Place(false, true, "", "");
        }
        try {
            WaitingRoomTicket now = calls.call(() -> room.ticket(ticket));
            return new Place(now.admitted(), false, web.waiting_place_n(now.place()),
                    web.waiting_seconds(now.waitSeconds()));
        } catch (ServiceRefusedException gone) {
            // Expired or unknown: sending the form asks afresh (and takes a new place if the route is still full).
            return new Place(false, true, "", "");
        } catch (ServiceUnavailableException lost) {
            return new Place(false, false, web.waiting_lost(), "");
        }
    }

    /**
     * The request as it came: a POST's form fields (a file field only by name: files are not kept), or a GET's
     * query. {@code left} are fields not to repeat (the CSRF token: the page puts in its own fresh one).
     */
    static Resume resume(String method, String path, FormData form, String query, Set<String> left) {
        List<Field> fields = new ArrayList<>();
        Set<String> files = new LinkedHashSet<>();
        if ("GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method)) {
            for (Map.Entry<String, List<String>> p : queryParameters(query).entrySet()) {
                p.getValue().forEach(v -> fields.add(new Field(p.getKey(), v)));
            }
            return new Resume("get", path, fields, List.of());
        }
        if (form != null) {
            for (String name : form) {
                if (left.contains(name)) {
                    continue;
                }
                for (FormValue value : form.get(name)) {
                    if (value.isFileItem()) {
                        files.add(name);
                    } else {
                        fields.add(new Field(name, value.getValue()));
                    }
                }
            }
        }
        // A POST keeps its address's query (the form's page, for a login that runs out while waiting).
        return new Resume("post", query == null || query.isEmpty() ? path : path + "?" + query, fields,
                List.copyOf(files));
    }

    static Map<String, List<String>> queryParameters(String query) {
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
