package org.borderwatch.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The versioned dashboards parse, are uniquely identified, use the provisioned datasource and real metric names. */
class GrafanaDashboardsTest {

    private final ExportedMetrics exported = ExportedMetrics.load();
    private final String datasourceUid = provisionedDatasourceUid();

    @Test
    void everyDashboardHasAUniqueUidAndTitle() {
        Set<String> uids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Path file : dashboardFiles()) {
            JsonNode d = Repo.json(file);
            assertThat(d.path("uid").asString()).as(file.toString()).matches("[a-z0-9-]{1,40}");
            assertThat(uids.add(d.path("uid").asString())).as("uid of %s is unique", file).isTrue();
            assertThat(titles.add(d.path("title").asString())).as("title of %s is unique", file).isTrue();
            assertThat(d.path("panels")).as(file.toString()).isNotEmpty();
        }
        assertThat(uids).contains("borderwatch-overview");
    }

    @Test
    void everyPanelTargetAndVariableUsesTheProvisionedDatasource() {
        List<String> wrong = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            JsonNode d = Repo.json(file);
            for (JsonNode panel : panels(d)) {
                if (panel.path("type").asString().equals("row")) {
                    continue;
                }
                check(wrong, file, panel.path("title").asString(), panel.path("datasource"));
                panel.path("targets").forEach(t -> check(wrong, file, panel.path("title").asString(), t.path("datasource")));
            }
            d.path("templating").path("list").forEach(v -> {
                if (v.path("type").asString().equals("query")) {
                    check(wrong, file, "variable " + v.path("name").asString(), v.path("datasource"));
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyQueryNamesOnlyExportedMetrics() {
        List<String> unknown = new ArrayList<>();
        int queries = 0;
        for (Path file : dashboardFiles()) {
            JsonNode d = Repo.json(file);
            List<String> exprs = new ArrayList<>();
            for (JsonNode panel : panels(d)) {
                panel.path("targets").forEach(t -> exprs.add(t.path("expr").asString()));
            }
            d.path("templating").path("list").forEach(v -> {
                if (v.path("type").asString().equals("query")) {
                    exprs.add(v.path("query").isObject() ? v.path("query").path("query").asString()
                            : v.path("query").asString());
                }
            });
            for (String expr : exprs) {
                queries++;
                assertThat(expr).as("a query in %s", file.getFileName()).isNotBlank();
                PromQl.metricNames(expr).stream().filter(m -> !exported.known(m))
                        .forEach(m -> unknown.add(file.getFileName() + ": " + m + " in " + expr));
                PromQl.metricsPinnedToApplication(expr).stream()
                        .filter(pair -> !exported.exportedBy(pair.split(" ")[0], pair.split(" ")[1]))
                        .forEach(pair -> unknown.add(file.getFileName() + ": not exported by that service: " + pair));
            }
        }
        assertThat(queries).isGreaterThan(20);
        assertThat(unknown).as("metrics not in exported-metrics.txt").isEmpty();
    }

    @Test
    void theOverviewCoversThePipeline() {
        JsonNode d = Repo.json(Repo.file("deploy/grafana/dashboards/borderwatch-overview.json"));
        Set<String> metrics = new HashSet<>();
        panels(d).forEach(p -> p.path("targets").forEach(t -> metrics.addAll(PromQl.metricNames(t.path("expr").asString()))));
        assertThat(metrics).contains("borderwatch_reports_received_total", "borderwatch_reports_normalized_total",
                "borderwatch_reports_rejected_total", "borderwatch_reports_duplicates_total",
                "borderwatch_assessments_total", "borderwatch_signals_total", "borderwatch_classifier_incidents_open",
                "borderwatch_classifier_reports_late_total", "borderwatch_classifier_latency_seconds_sum",
                "borderwatch_alerts_total", "borderwatch_deliveries_total", "borderwatch_alert_outbox_backlog",
                "resilience4j_circuitbreaker_state", "jvm_memory_used_bytes", "borderwatch_alert_repeat_backlog",
                "borderwatch_alert_relay_backlog");
    }

    @Test
    void perTopicKafkaClientQueriesLeaveOutTheDeprecatedUnderscoreCopies() {
        // Kafka clients report each per-partition fetch metric of a dotted topic twice: once as border.reports.raw.statement
        // and once under the deprecated name border_reports_raw_statement. A query grouping by topic must keep one.
        List<String> doubled = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            for (JsonNode panel : panels(Repo.json(file))) {
                panel.path("targets").forEach(t -> {
                    String expr = t.path("expr").asString();
                    boolean perTopic = expr.contains("kafka_consumer_fetch_manager_records_lag")
                            || expr.contains("kafka_consumer_fetch_manager_records_lead");
                    boolean onePinnedTopic = expr.matches("(?s).*topic=\"[^\"]*\\..*");
                    if (perTopic && !onePinnedTopic && !expr.contains("topic!~\"border_.+\"")) {
                        doubled.add(file.getFileName() + " / " + panel.path("title").asString() + ": " + expr);
                    }
                });
            }
        }
        assertThat(doubled).isEmpty();
    }

    @Test
    void panelIdsAreUniqueWithinADashboard() {
        for (Path file : dashboardFiles()) {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode p : panels(Repo.json(file))) {
                assertThat(ids.add(p.path("id").asInt())).as("panel id %s in %s", p.path("id"), file).isTrue();
            }
        }
    }

    private void check(List<String> wrong, Path file, String where, JsonNode datasource) {
        if (!datasource.path("uid").asString("").equals(datasourceUid)) {
            wrong.add(file.getFileName() + " / " + where + ": datasource " + datasource);
        }
    }

    private static String provisionedDatasourceUid() {
        JsonNode sources = Repo.yaml("deploy/grafana/provisioning/datasources/prometheus.yml").path("datasources");
        assertThat(sources).hasSize(1);
        assertThat(sources.get(0).path("type").asString()).isEqualTo("prometheus");
        return sources.get(0).path("uid").asString();
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            all.add(p);
            p.path("panels").forEach(all::add);
        }
        return all;
    }

    private static List<Path> dashboardFiles() {
        try (Stream<Path> files = Files.list(Repo.root().resolve("deploy/grafana/dashboards"))) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(list).isNotEmpty();
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
