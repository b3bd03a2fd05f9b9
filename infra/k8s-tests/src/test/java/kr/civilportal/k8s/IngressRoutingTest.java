package kr.civilportal.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Which request paths each Ingress sends to the gateway, by the Ingress API's own matching rules (Exact; Prefix
 * element by element). The citizens' host carries every path citizen-web and the gateway serve to the public and
 * nothing of the officials' console or the apps' management endpoints; the console is on its own host, served in
 * prod and dr by the internal ingress class only.
 */
class IngressRoutingTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;
    private static final String CITIZENS = "gateway";
    private static final String OFFICIALS = "admin-console";
    private static final String INTERNAL_CLASS = "nginx-internal";
    /** Paths that must never be served on the citizens' host. */
    private static final List<String> NOT_FOR_CITIZENS = List.of("/admin", "/admin/", "/admin/dispatch/events",
            "/admin/lang", "/admin/passports/1", "/q/metrics", "/q/health/ready", "/q/openapi");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theCitizensHostCarriesEveryPublicPathAndNothingOfTheConsole(String overlay) {
        Ingress citizens = ingress(overlay, CITIZENS);
        List<String> wrong = new ArrayList<>();
        for (String path : publicPaths()) {
            if (!routes(citizens, path)) {
                wrong.add(path + " is served to citizens but not routed by the citizens' Ingress");
            }
        }
        for (String path : NOT_FOR_CITIZENS) {
            if (routes(citizens, path)) {
                wrong.add(path + " must not be routed on the citizens' host");
            }
        }
        for (String path : consolePaths().stream().filter(p -> p.equals("/admin") || p.startsWith("/admin/")).toList()) {
            if (routes(citizens, path)) {
                wrong.add(path + " (admin-console) must not be routed on the citizens' host");
            }
        }
        assertEquals(List.of(), wrong, overlay + ": Ingress " + CITIZENS + " " + paths(citizens));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theConsoleHasItsOwnHostOnTheInternalControllerAndOnlyItsPaths(String overlay) {
        Ingress citizens = ingress(overlay, CITIZENS);
        Ingress officials = ingress(overlay, OFFICIALS);
        assertNotEquals(host(citizens), host(officials), overlay + ": the console is not on the citizens' host");
        if (overlay.equals("local")) {
            // A laptop cluster has one controller; the console still has a host of its own.
            assertEquals(citizens.getSpec().getIngressClassName(), officials.getSpec().getIngressClassName());
        } else {
            assertEquals(INTERNAL_CLASS, officials.getSpec().getIngressClassName(),
                    overlay + ": the console is served by the controller of the officials' networks");
            assertNotEquals(INTERNAL_CLASS, citizens.getSpec().getIngressClassName(), overlay);
        }
        List<String> wrong = new ArrayList<>();
        for (String path : consolePaths()) {
            if (!routes(officials, path)) {
                wrong.add(path + " is served by admin-console but not routed by its Ingress");
            }
        }
        // The officials' host carries the console, not the citizens' pages or the API (apps use the public host).
        for (String path : List.of("/api/passport/v1/applications", "/api/emergency/v1/reports", "/my", "/my/passport",
                "/report-119", "/login", "/q/metrics", "/q/health/ready")) {
            if (routes(officials, path)) {
                wrong.add(path + " must not be routed on the officials' host");
            }
        }
        assertEquals(List.of(), wrong, overlay + ": Ingress " + OFFICIALS + " " + paths(officials));
    }

    @Test
    void pathsMatchAsTheIngressApiSays() {
        Ingress ingress = new io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder()
                .withNewSpec().addNewRule().withHost("h").withNewHttp()
                .addNewPath().withPath("/my").withPathType("Prefix").endPath()
                .addNewPath().withPath("/assets/").withPathType("Prefix").endPath()
                .addNewPath().withPath("/").withPathType("Exact").endPath()
                .endHttp().endRule().endSpec().build();
        assertEquals(List.of("/my/x", "/", "/api/land/x", "/admin", "/krds/x"),
                Stream.of("/my/*", "/", "/api/land/", "/admin", "/krds*").map(IngressRoutingTest::concrete).toList());
        for (String yes : List.of("/my", "/my/", "/my/passport", "/", "/assets", "/assets/a.css")) {
            assertTrue(routes(ingress, yes), yes);
        }
        for (String no : List.of("/myx", "/admin", "/x", "/assetsx")) {
            assertFalse(routes(ingress, no), no);
        }
    }

    /**
     * Paths served to the public: citizen-web's (its permission paths) and the gateway's (its permission paths and
     * route prefixes), except management endpoints and anything under /admin (the console's).
     */
    static List<String> publicPaths() {
        List<String> paths = new ArrayList<>();
        paths.addAll(servedPaths(QuarkusApp.named("citizen-web")));
        QuarkusApp gateway = QuarkusApp.named("gateway");
        paths.addAll(servedPaths(gateway));
        ProdProfile.of(gateway.properties()).listsOf("portal\\.gateway\\.routes\\.[^.]+\\.path-prefix(es)?")
                .forEach(prefix -> paths.add(concrete(prefix)));
        return paths.stream().filter(p -> !p.equals("/admin") && !p.startsWith("/admin/")).distinct().toList();
    }

    /** The paths admin-console serves (its permission paths: /admin and the assets), management endpoints left out. */
    static List<String> consolePaths() {
        List<String> paths = servedPaths(QuarkusApp.named("admin-console"));
        assertTrue(paths.contains("/admin"), "admin-console serves /admin: " + paths);
        return paths;
    }

    /** An app's quarkus.http.auth.permission.*.paths (every path it serves has a policy), /q/* left out. */
    private static List<String> servedPaths(QuarkusApp app) {
        return ProdProfile.of(app.properties()).listsOf("quarkus\\.http\\.auth\\.permission\\.[^.]+\\.paths").stream()
                .filter(p -> !p.equals("/q/*") && !p.startsWith("/q/"))
                .map(IngressRoutingTest::concrete).distinct().toList();
    }

    /** A request path a pattern covers: {@code /my/*} becomes {@code /my/x}, a prefix {@code /api/land/} /api/land/x. */
    private static String concrete(String pattern) {
        String path = pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) : pattern;
        if (path.equals(pattern) && (path.length() == 1 || !path.endsWith("/"))) {
            return path;
        }
        return (path.endsWith("/") ? path : path + "/") + "x";
    }

    static boolean routes(Ingress ingress, String path) {
        return ingress.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream())
                .anyMatch(p -> matches(p, path));
    }

    private static boolean matches(HTTPIngressPath rule, String path) {
        String type = rule.getPathType();
        if ("Exact".equals(type)) {
            return rule.getPath().equals(path);
        }
        assertEquals("Prefix", type, "path " + rule.getPath() + ": only Exact and Prefix have defined semantics");
        // Prefix: matched element by element on '/'; a trailing slash is ignored.
        String prefix = rule.getPath().replaceAll("/+$", "");
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static Ingress ingress(String overlay, String name) {
        return WorkloadPolicyTest.manifests(overlay).find(Ingress.class, name)
                .orElseThrow(() -> new AssertionError(overlay + ": no Ingress " + name));
    }

    private static String host(Ingress ingress) {
        return ingress.getSpec().getRules().getFirst().getHost();
    }

    private static List<String> paths(Ingress ingress) {
        return ingress.getSpec().getRules().getFirst().getHttp().getPaths().stream()
                .map(p -> p.getPathType() + " " + p.getPath()).toList();
    }
}
