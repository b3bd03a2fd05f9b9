package kr.civilportal.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard use only metrics listed in infra/observability/README.md, and the metrics
 * listed there as exported by emergency-report are the names its code registers.
 */
class ObservabilityTest {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z_:][a-z0-9_:]*)` \\| (gauge|counter|histogram) \\| ([^|]+) \\| ([^|]+) \\|.*$");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on",
            "ignoring", "group_left", "group_right", "offset", "inf", "nan");
    private static final List<String> REQUIRED_ALERTS = List.of("PortalAppDown", "PortalHighErrorRatio",
            "PortalSlowP99", "PortalCircuitOpen", "PortalWaitingRoomLong", "EmergencyAcknowledgementSlow");

    record Family(String name, String type, String exportedBy, String status) {
        boolean hasSample(String sample) {
            List<String> suffixes = switch (type) {
                case "histogram" -> List.of("", "_bucket", "_count", "_sum", "_max");
                case "counter" -> List.of("_total", "");
                default -> List.of("");
            };
            return suffixes.stream().anyMatch(s -> sample.equals(name + s));
        }
    }

    static Map<String, Family> documentedFamilies() {
        Map<String, Family> families = new LinkedHashMap<>();
        for (String line : Repo.read("infra/observability/README.md").split("\n")) {
            Matcher row = TABLE_ROW.matcher(line.trim());
            if (row.matches()) {
                families.put(row.group(1), new Family(row.group(1), row.group(2), row.group(3).trim(), row.group(4).trim()));
            }
        }
        return families;
    }

    /** The metric names a PromQL expression reads (labels, strings, ranges, grouping and functions removed). */
    static Set<String> metricsIn(String promql) {
        String e = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\boffset\\s+\\w+", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher token = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(e);
        while (token.find()) {
            if (token.group(2) == null && !PROMQL_WORDS.contains(token.group(1).toLowerCase())) {
                names.add(token.group(1));
            }
        }
        return names;
    }

    private static List<String> undocumented(String where, String promql, Map<String, Family> families) {
        List<String> missing = new ArrayList<>();
        Set<String> used = metricsIn(promql);
        if (used.isEmpty()) {
            missing.add(where + ": reads no metric: " + promql);
        }
        for (String metric : used) {
            if (families.values().stream().noneMatch(f -> f.hasSample(metric))) {
                missing.add(where + ": " + metric);
            }
        }
        return missing;
    }

    @Test
    void theExtractionFindsMetricsAndNothingElse() {
        assertEquals(Set.of("http_server_requests_seconds_count"), metricsIn(
                "sum by (job) (rate(http_server_requests_seconds_count{status=~\"5..\", uri!~\"/q/.*\"}[5m])) > 0.05"));
        assertEquals(Set.of("a_bucket", "b"), metricsIn("histogram_quantile(0.99, sum by (le) (rate(a_bucket[5m]))) / on(x) b"));
    }

    @Test
    void everyAlertUsesDocumentedMetricsAndTheRequiredAlertsExist() {
        JsonNode rules = Manifests.documents(Repo.read("infra/observability/prometheus/alert-rules.yml")).getFirst();
        Map<String, Family> families = documentedFamilies();
        assertTrue(families.size() >= 5, "the metric table in infra/observability/README.md: " + families.keySet());
        List<String> problems = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                alerts.add(alert);
                problems.addAll(undocumented(alert, rule.path("expr").asText(), families));
                if (rule.path("labels").path("severity").asText().isEmpty()) {
                    problems.add(alert + ": no severity");
                }
                if (rule.path("annotations").path("summary").asText().isEmpty()) {
                    problems.add(alert + ": no summary");
                }
                if (!rule.path("for").asText().matches("\\d+[smh]")) {
                    problems.add(alert + ": no 'for' duration (a single bad scrape must not page anyone)");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(alerts.containsAll(REQUIRED_ALERTS), "alerts " + alerts + " lack some of " + REQUIRED_ALERTS);
    }

    @Test
    void theClusterGetsTheSameAlertRules() {
        JsonNode rules = Manifests.documents(Repo.read("infra/observability/prometheus/alert-rules.yml")).getFirst();
        JsonNode inCluster = Manifests.documents(Kustomize.overlay("prod")).stream()
                .filter(d -> d.path("kind").asText().equals("PrometheusRule")).findFirst()
                .orElseThrow(() -> new AssertionError("no PrometheusRule in the prod overlay"));
        assertEquals(rules.path("groups"), inCluster.path("spec").path("groups"),
                "k8s/base/monitoring/prometheusrule.yaml is stale: run k8s/base/monitoring/sync-rules.sh");
    }

    @Test
    void everyDashboardPanelUsesDocumentedMetrics() throws IOException {
        JsonNode dashboard = Manifests.JSON.readTree(Repo.path("infra/observability/grafana/dashboards/civil-portal.json").toFile());
        assertFalse(dashboard.path("uid").asText().isEmpty());
        Map<String, Family> families = documentedFamilies();
        List<String> problems = new ArrayList<>();
        int targets = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                targets++;
                problems.addAll(undocumented(panel.path("title").asText(), target.path("expr").asText(), families));
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(targets >= 10, "dashboard queries: " + targets);
    }

    @Test
    void prometheusScrapesEveryAppOnItsPortAndMetricsPath() {
        JsonNode config = Manifests.documents(Repo.read("infra/observability/prometheus/prometheus.yml")).getFirst();
        Map<String, JsonNode> jobs = new LinkedHashMap<>();
        config.path("scrape_configs").forEach(j -> jobs.put(j.path("job_name").asText(), j));
        for (QuarkusApp app : QuarkusApp.ALL) {
            JsonNode job = jobs.get(app.name());
            assertTrue(job != null, "no scrape job " + app.name());
            assertEquals("/q/metrics", job.path("metrics_path").asText(), app.name());
            assertEquals(app.name() + ":" + app.port(), job.path("static_configs").get(0).path("targets").get(0).asText());
        }
        assertTrue(config.path("rule_files").toString().contains("alert-rules.yml"));
    }

    /** Every {@code job=~"a|b|..."} selector in the rules and the dashboard lists every app, no more. */
    @Test
    void appListsInAlertsAndDashboardNameEveryApp() throws IOException {
        List<String> expressions = new ArrayList<>();
        JsonNode rules = Manifests.documents(Repo.read("infra/observability/prometheus/alert-rules.yml")).getFirst();
        rules.path("groups").forEach(g -> g.path("rules").forEach(r -> expressions.add(r.path("expr").asText())));
        JsonNode dashboard = Manifests.JSON.readTree(Repo.path("infra/observability/grafana/dashboards/civil-portal.json").toFile());
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        Set<String> apps = new java.util.TreeSet<>(QuarkusApp.ALL.stream().map(QuarkusApp::name).toList());
        Matcher jobs = Pattern.compile("job=~\"([^\"]+)\"").matcher("");
        int lists = 0;
        List<String> wrong = new ArrayList<>();
        for (String expression : expressions) {
            jobs.reset(expression);
            while (jobs.find()) {
                lists++;
                Set<String> listed = new java.util.TreeSet<>(List.of(jobs.group(1).split("\\|")));
                if (!listed.equals(apps)) {
                    wrong.add(expression + " lists " + listed + ", the apps are " + apps);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(lists >= 3, "the app-down alerts and the replicas panel list the apps: " + lists);
    }

    @Test
    void emergencyReportMetricsInTheTableAreTheNamesItsCodeRegisters() {
        Set<String> registered = new LinkedHashSet<>();
        Pattern counter = Pattern.compile("\\.counter\\(\"([a-z.]+)\"");
        Pattern timer = Pattern.compile("NAME = \"([a-z.]+)\"[\\s\\S]*Timer\\.builder\\(NAME\\)");
        try (Stream<Path> files = Files.walk(Repo.path("services/emergency-report/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher c = counter.matcher(source);
                while (c.find()) {
                    registered.add(c.group(1).replace('.', '_') + "_total");
                }
                Matcher t = timer.matcher(source);
                while (t.find()) {
                    registered.add(t.group(1).replace('.', '_') + "_seconds");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> documented = documentedFamilies().values().stream()
                .filter(f -> f.exportedBy().startsWith("emergency-report")).map(Family::name).toList();
        assertFalse(documented.isEmpty());
        for (String family : documented) {
            assertTrue(registered.contains(family) || registered.contains(family + "_total"),
                    family + " is not registered by emergency-report's code (found " + registered + ")");
        }
    }
}
