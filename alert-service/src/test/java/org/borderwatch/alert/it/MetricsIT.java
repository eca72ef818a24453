package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The meters operators watch, as Prometheus scrapes them. */
class MetricsIT extends AlertServiceITSupport {

    @Test
    void readinessGaugeIsOneOnceTheServiceIsReady() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(call("GET", "/actuator/health/readiness", null, null, "application/json").statusCode())
                    .isEqualTo(200);
            assertThat(call("GET", "/actuator/prometheus", null, null, "text/plain").body())
                    .contains("borderwatch_readiness{application=\"alert-service\"} 1");
        });
    }

    @Test
    void countersWithTagsKnownInAdvanceAreScrapedFromStartUp() {
        // outcomes this suite never (or not necessarily) produces are still on the scrape, so increase() sees the first
        String scrape = call("GET", "/actuator/prometheus", null, null, "text/plain").body();
        assertThat(scrape)
                .containsPattern("borderwatch_deliveries_total\\{[^}]*channel=\"kafka\"[^}]*outcome=\"rate_limited\"")
                .containsPattern("borderwatch_deliveries_total\\{[^}]*channel=\"email\"[^}]*outcome=\"failed\"")
                .containsPattern("borderwatch_alert_assessments_total\\{[^}]*outcome=\"invalid\"")
                .containsPattern("borderwatch_alerts_total\\{[^}]*event=\"resolved\"[^}]*severity=\"info\"")
                .containsPattern("borderwatch_alert_muted_total\\{[^}]*reason=\"silenced\"")
                .containsPattern("borderwatch_alert_stream_dropped_total\\{")
                .containsPattern("borderwatch_alert_silences_active\\{[^}]*mutes_critical=\"true\"")
                .containsPattern("borderwatch_alert_silences_active\\{[^}]*mutes_critical=\"false\"");
    }

    /** Security review F3: the active silences are counted, those that mute CRITICAL messages apart. */
    @Test
    void activeSilencesAreCountedAfterEachCreateAndDelete() {
        java.util.function.Supplier<Double> admins = () -> gauge("true");
        double before = admins.get();
        var created = post("/api/v1/silences", "admin", """
                {"segments":["KARABAKH"],"sources":["metrics-%s"],"endsAt":"%s","reason":"gauge test"}"""
                .formatted(java.util.UUID.randomUUID().toString().substring(0, 8),
                        java.time.Instant.now().plus(java.time.Duration.ofHours(1))));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(admins.get()).isEqualTo(before + 1);
        String id = org.borderwatch.common.json.Json.tree(created.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .get("id").asString();
        assertThat(call("DELETE", "/api/v1/silences/" + id, "admin", null, null).statusCode()).isEqualTo(204);
        assertThat(admins.get()).isEqualTo(before);
    }

    private double gauge(String mutesCritical) {
        String scrape = call("GET", "/actuator/prometheus", null, null, "text/plain").body();
        var m = java.util.regex.Pattern.compile("(?m)^borderwatch_alert_silences_active\\{[^}]*mutes_critical=\""
                + mutesCritical + "\"[^}]*} ([0-9.eE+-]+)$").matcher(scrape);
        assertThat(m.find()).as("gauge on the scrape").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void prometheusExposesAlertDeliveryLatencyBacklogAndResilienceMeters() {
        String path = "/metrics/" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(path), "{\"segments\":[\"SYUNIK_EAST\"],\"minSeverity\":\"HIGH\"}");
        sendAssessments(Fixtures.assessment(UUID.randomUUID(), 1, BorderSegment.SYUNIK_EAST, Severity.HIGH,
                Occurrence.CONFIRMED, false, Fixtures.EVENT_TIME.plusYears(7)));
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(path).size() == 1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String scrape = call("GET", "/actuator/prometheus", null, null, "text/plain").body();
            assertThat(scrape)
                    .containsPattern("borderwatch_alerts_total\\{[^}]*event=\"fired\"[^}]*severity=\"high\"")
                    .containsPattern("borderwatch_deliveries_total\\{[^}]*channel=\"webhook\"[^}]*outcome=\"delivered\"")
                    .containsPattern("borderwatch_alert_delivery_latency_seconds_bucket\\{[^}]*le=\"0.01\"")
                    .contains("borderwatch_alert_delivery_latency_seconds_count")
                    .contains("borderwatch_alert_outbox_backlog")
                    .contains("resilience4j_circuitbreaker_state")
                    .contains("resilience4j_retry_calls")
                    .contains("resilience4j_ratelimiter_available_permissions")
                    .contains("application=\"alert-service\"")
                    // the border.alerts feed's own producer reports its client metrics like the binder's
                    .containsPattern("kafka_producer_record_send_total\\{[^}]*client_id=\"alert-service-feed");
        });
    }
}
