package kr.civilportal.web.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in person using the pages from a test, as a browser would: a real Keycloak token (the test profile lets
 * the apps take a bearer token as well as the login page's session), the cookies the pages set, and each form's
 * CSRF token read from the page that shows it.
 */
public final class PageSession {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private final String token;
    private final Map<String, String> cookies = new HashMap<>();

    public PageSession(String token) {
        this.token = token;
    }

    public RequestSpecification request() {
        RequestSpecification spec = given().redirects().follow(false).cookies(cookies);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    /** A page; its cookies are kept. */
    public Response get(String path) {
        return keep(request().get(path));
    }

    /**
     * A form sent as a browser sends it: the hidden fields (CSRF token, form key) of the page's form whose action is
     * {@code path} (with or without a query), or of the whole page when none is, and {@code fields}.
     */
    public Response post(String path, String page, Map<String, String> fields) {
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        Matcher form = Pattern.compile("<form[^>]*action=\"" + Pattern.quote(path.replaceFirst("\\?.*", ""))
                + "(\\?[^\"]*)?\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(page);
        hiddenFields(form.find() ? form.group(2) : page).forEach(spec::formParam);
        fields.forEach(spec::formParam);
        return keep(spec.post(path));
    }

    /** The hidden fields of a page's forms (the last of each name). */
    public static Map<String, String> hiddenFields(String page) {
        Map<String, String> hidden = new HashMap<>();
        Matcher m = HIDDEN.matcher(page);
        while (m.find()) {
            hidden.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        return hidden;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    private Response keep(Response response) {
        response.getDetailedCookies().asList().forEach(c -> {
            if (c.getMaxAge() == 0) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        return response;
    }
}
