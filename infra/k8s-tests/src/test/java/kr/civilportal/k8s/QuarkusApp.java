package kr.civilportal.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * What a portal application serves, read from its {@code application.properties} as the prod profile sees it:
 * the HTTP port, the health endpoints, the graceful-shutdown delay and drain time-out, its database (null for an
 * app without one).
 */
record QuarkusApp(String name, String module, int port, String livenessPath, String readinessPath,
                  String startupPath, Duration shutdownDelay, Duration shutdownTimeout, String database,
                  String image, Long imageUser) {

    static final List<QuarkusApp> ALL = List.of(
            load("gateway", "gateway", "gateway"),
            load("residency", "services/residency", "residency"),
            load("passport", "services/passport", "passport"),
            load("land-registry", "services/land-registry", "land"),
            load("emergency-report", "services/emergency-report", "emergency"),
            load("notification", "services/notification", "notification"),
            load("citizen-web", "services/citizen-web", "citizenweb"),
            load("admin-console", "services/admin-console", null));

    static QuarkusApp named(String name) {
        return ALL.stream().filter(a -> a.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No portal app " + name));
    }

    boolean hasDatabase() {
        return database != null;
    }

    /** The raw application.properties, all profiles. */
    Properties properties() {
        return read(module);
    }

    static String propertiesPath(String module) {
        return module + "/src/main/resources/application.properties";
    }

    private static Properties read(String module) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repo.read(propertiesPath(module))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static QuarkusApp load(String name, String module, String database) {
        Properties properties = read(module);
        String declaredName = prod(properties, "quarkus.application.name", null);
        if (!name.equals(declaredName)) {
            throw new IllegalStateException(module + " calls itself " + declaredName + ", expected " + name);
        }
        boolean datasource = prod(properties, "quarkus.datasource.db-kind", null) != null;
        if (datasource != (database != null)) {
            throw new IllegalStateException(module + (datasource ? " has a datasource: name its database here"
                    : " has no datasource, but a database " + database + " is expected"));
        }
        int port = Integer.parseInt(prod(properties, "quarkus.http.port", "8080"));
        if (Boolean.parseBoolean(prod(properties, "quarkus.management.enabled", "false"))) {
            throw new IllegalStateException(module + " serves health on a management port: teach the k8s tests");
        }
        String root = "/" + trim(prod(properties, "quarkus.http.non-application-root-path", "q")) + "/"
                + trim(prod(properties, "quarkus.smallrye-health.root-path", "health"));
        String live = root + "/" + trim(prod(properties, "quarkus.smallrye-health.liveness-path", "live"));
        String ready = root + "/" + trim(prod(properties, "quarkus.smallrye-health.readiness-path", "ready"));
        String started = root + "/" + trim(prod(properties, "quarkus.smallrye-health.startup-path", "started"));
        boolean delayEnabled = Boolean.parseBoolean(prod(properties, "quarkus.shutdown.delay-enabled", "false"));
        Duration delay = delayEnabled ? duration(prod(properties, "quarkus.shutdown.delay", "0s")) : Duration.ZERO;
        Duration timeout = duration(prod(properties, "quarkus.shutdown.timeout", "30s"));
        // The image the build makes (quarkus-container-image): group/name, and the user it runs as.
        String group = prod(properties, "quarkus.container-image.group", null);
        String imageName = prod(properties, "quarkus.container-image.name", name);
        String image = group == null ? null : group + "/" + imageName;
        String user = prod(properties, "quarkus.jib.user", null);
        return new QuarkusApp(name, module, port, live, ready, started, delay, timeout, database, image,
                user == null ? null : Long.valueOf(user));
    }

    /** The value as the prod profile sees it: {@code %prod.key} wins over {@code key}. */
    private static String prod(Properties p, String key, String fallback) {
        String value = p.getProperty("%prod." + key);
        if (value == null) {
            value = p.getProperty(key, fallback);
        }
        return value == null ? null : value.trim();
    }

    private static String trim(String path) {
        return path.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    /** Quarkus durations: {@code 5s}, {@code 500ms}, {@code 1m}, or ISO-8601 ({@code PT5S}). */
    static Duration duration(String text) {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("p")) {
            return Duration.parse(t);
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        char unit = t.charAt(t.length() - 1);
        if (Character.isDigit(unit)) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (Character.toLowerCase(unit)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("Not a Quarkus duration: " + text);
        };
    }
}
