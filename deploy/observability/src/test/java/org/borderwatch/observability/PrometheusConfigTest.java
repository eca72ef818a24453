package org.borderwatch.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** prometheus.yml scrapes every service; the rules name only exported metrics and each alert is unit tested. */
class PrometheusConfigTest {

    private final JsonNode config = Repo.yaml("deploy/prometheus/prometheus.yml");
    private final JsonNode rules = Repo.yaml("deploy/prometheus/rules/borderwatch-rules.yml");
    private final ExportedMetrics exported = ExportedMetrics.load();

    @Test
    void oneScrapeJobPerServiceOnItsActuatorEndpoint() {
        ComposeTest.SERVICES.forEach((service, port) -> {
            List<JsonNode> jobs = new ArrayList<>();
            for (JsonNode job : config.path("scrape_configs")) {
                for (JsonNode sc : job.path("static_configs")) {
                    for (JsonNode target : sc.path("targets")) {
                        if (target.asString().equals(service + ":" + port)) {
                            jobs.add(job);
                        }
                    }
                }
            }
            assertThat(jobs).as("jobs scraping %s:%d", service, port).hasSize(1);
            assertThat(jobs.get(0).path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
            assertThat(jobs.get(0).path("job_name").asString()).startsWith("borderwatch-");
            JsonNode labels = jobs.get(0).path("static_configs").get(0).path("labels");
            assertThat(labels.path("service").asString()).as("target label service of %s", service).isEqualTo(service);
        });
    }

    @Test
    void theAvailabilityRuleSelectsEveryServiceByItsServiceLabelNotByAJobName() {
        // job names differ between compose (borderwatch-ingest) and a PodMonitor (<namespace>/<name>): a rule on
        // the job would page nobody in Kubernetes
        JsonNode down = allRules().stream().filter(r -> r.path("alert").asString().equals("BorderWatchServiceDown"))
                .findFirst().orElseThrow();
        String expr = down.path("expr").asString();
        assertThat(expr).doesNotContain("job");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("up\\{service=~\"([^\"]+)\"}").matcher(expr);
        assertThat(m.find()).as(expr).isTrue();
        assertThat(List.of(m.group(1).split("\\|"))).containsExactlyInAnyOrderElementsOf(ComposeTest.SERVICES.keySet());
    }

    @Test
    void theOutboxBacklogIsTheStoresCountSoRulesTakeItsMaximumOverReplicas() {
        // every replica exports the same store-wide count: a bare or summed series doubles it and pages twice
        List<JsonNode> using = allRules().stream()
                .filter(r -> r.path("expr").asString().contains("borderwatch_alert_outbox_backlog")).toList();
        assertThat(using).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode rule : using) {
            String rest = rule.path("expr").asString().replaceAll("\\s+", " ")
                    .replace("max by (application) (borderwatch_alert_outbox_backlog)", "")
                    .replace("max by (application) (delta(borderwatch_alert_outbox_backlog[15m]))", "");
            assertThat(rest).as(rule.path("alert").asString()).doesNotContain("borderwatch_alert_outbox_backlog");
        }
    }

    @Test
    void ruleFilesAreThere() {
        assertThat(config.path("rule_files")).isNotEmpty();
        config.path("rule_files").forEach(f -> Repo.file("deploy/prometheus/" + f.asString()));
    }

    @Test
    void rulesUseOnlyExportedMetrics() {
        List<String> unknown = new ArrayList<>();
        for (JsonNode rule : allRules()) {
            for (String metric : PromQl.metricNames(rule.path("expr").asString())) {
                if (!exported.known(metric)) {
                    unknown.add(rule.path("alert").asString() + ": " + metric);
                }
            }
            PromQl.metricsPinnedToApplication(rule.path("expr").asString()).stream()
                    .filter(pair -> !exported.exportedBy(pair.split(" ")[0], pair.split(" ")[1]))
                    .forEach(pair -> unknown.add(rule.path("alert").asString() + ": not exported by that service: " + pair));
        }
        assertThat(unknown).as("metrics not in exported-metrics.txt").isEmpty();
    }

    @Test
    void everyAlertHasASeverityASummaryAndAUnitTest() {
        JsonNode tests = Repo.yaml("deploy/prometheus/rules/borderwatch-rules.test.yml");
        Set<String> tested = new HashSet<>();
        for (JsonNode t : tests.path("tests")) {
            for (JsonNode a : t.path("alert_rule_test")) {
                if (!a.path("exp_alerts").isEmpty()) {
                    tested.add(a.path("alertname").asString());
                }
            }
        }
        Set<String> names = new HashSet<>();
        for (JsonNode rule : allRules()) {
            String name = rule.path("alert").asString();
            assertThat(names.add(name)).as("alert %s defined once", name).isTrue();
            assertThat(rule.path("labels").path("severity").asString()).as(name).isIn("critical", "warning", "info");
            assertThat(rule.path("annotations").path("summary").asString()).as(name).isNotBlank();
            assertThat(tested).as("alerts with a firing case in borderwatch-rules.test.yml").contains(name);
        }
        assertThat(names).contains("BorderWatchServiceDown", "BorderWatchRejectedReportsHigh",
                "BorderWatchOutboxBacklogGrowing", "BorderWatchDeliveriesFailing", "BorderWatchCircuitBreakerOpen",
                "BorderWatchLateReports", "BorderWatchNoAssessments", "BorderWatchConsumerLag");
    }

    private List<JsonNode> allRules() {
        List<JsonNode> all = new ArrayList<>();
        rules.path("groups").forEach(g -> g.path("rules").forEach(all::add));
        assertThat(all).isNotEmpty();
        return all;
    }
}
