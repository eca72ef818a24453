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
        });
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
