package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.PrometheusSamples;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The meters operators watch, as Prometheus scrapes them. */
class MetricsIT extends AlertServiceITSupport {

    private static final Duration GROUP_WAIT = Duration.ofMinutes(10);

    @AfterEach
    void realTime() {
        clock.reset();
    }

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
                .containsPattern("borderwatch_alert_silences_active\\{[^}]*mutes_critical=\"false\"")
                .containsPattern("borderwatch_alert_repeat_backlog\\{")
                .containsPattern("borderwatch_alert_relay_backlog\\{");
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

    private String scrape() {
        return call("GET", "/actuator/prometheus", null, null, "text/plain").body();
    }

    private double backlog() {
        return PrometheusSamples.sample(scrape(), "borderwatch_alert_outbox_backlog");
    }

    /**
     * Test audit T1: the values move with what happened, compared with values read before (every series exists at 0
     * from start-up, so their presence proves nothing). The subscription waits ten minutes to group, and the clock
     * is ten minutes behind while the assessment arrives: its row waits in the outbox (the backlog counts it) until
     * the clock is put back, and its delivery latency, measured from receipt, is those ten minutes.
     */
    @Test
    void anAlertIsCountedItsDeliveryTimedFromReceiptAndTheBacklogRisesAndFalls() {
        clock.shift(GROUP_WAIT.negated());
        String path = "/metrics/" + UUID.randomUUID();
        var created = post("/api/v1/subscriptions", "staff1", """
                {"name":"metrics desk","channel":{"type":"webhook","url":"%s","secret":"%s"},
                 "filter":{"segments":["SYUNIK_EAST"],"minSeverity":"HIGH"},"groupWait":"PT10M"}"""
                .formatted(RECEIVER.url(path), SECRET));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String subscription = Json.tree(created.body().getBytes(StandardCharsets.UTF_8)).get("id").asString();
        String before = scrape();
        double fired = PrometheusSamples.sample(before, "borderwatch_alerts_total", "event", "fired",
                "severity", "high");
        double latencyCount = PrometheusSamples.sample(before, "borderwatch_alert_delivery_latency_seconds_count");
        double latencySum = PrometheusSamples.sample(before, "borderwatch_alert_delivery_latency_seconds_sum");
        double delivered = PrometheusSamples.sample(before, "borderwatch_deliveries_total", "channel", "webhook",
                "outcome", "delivered");
        UUID incident = UUID.randomUUID();
        UUID alertId = AlertLifecycle.alertIdOf(incident);

        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.SYUNIK_EAST, Severity.HIGH,
                Occurrence.CONFIRMED, false, Fixtures.EVENT_TIME.plusYears(7)));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryStore.byAlert(alertId).stream()
                .anyMatch(r -> r.subscriptionId().equals(subscription) && r.status() == DeliveryStatus.PENDING));
        // waiting in the outbox: the backlog gauge counts it
        await().atMost(Duration.ofSeconds(10)).until(() -> backlog() >= 1);
        double waiting = backlog();
        assertThat(RECEIVER.requests(path)).isEmpty();
        assertThat(PrometheusSamples.sample(scrape(), "borderwatch_alerts_total", "event", "fired", "severity",
                "high")).as("one FIRED HIGH message").isEqualTo(fired + 1);

        clock.reset();
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(path).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> backlog() < waiting);
        // every subscription's copy of this message (others' subscriptions may match it too) has ended
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryStore.byAlert(alertId).stream()
                .allMatch(r -> r.status() == DeliveryStatus.DELIVERED || r.status() == DeliveryStatus.FAILED));
        List<OutboxRow> rows = deliveryStore.byAlert(alertId);
        long deliveredRows = rows.stream().filter(r -> r.status() == DeliveryStatus.DELIVERED).count();
        long deliveredWebhooks = rows.stream()
                .filter(r -> r.status() == DeliveryStatus.DELIVERED && r.channel().equals("WEBHOOK")).count();
        String after = scrape();
        assertThat(PrometheusSamples.sample(after, "borderwatch_alert_delivery_latency_seconds_count") - latencyCount)
                // at least: the timer is the whole context's, and other tests' late deliveries may land meanwhile
                .as("a latency per delivered copy").isGreaterThanOrEqualTo(deliveredRows);
        assertThat(PrometheusSamples.sample(after, "borderwatch_alert_delivery_latency_seconds_sum") - latencySum)
                .as("this subscription's copy waited the group wait after its receipt")
                .isGreaterThanOrEqualTo(GROUP_WAIT.minusSeconds(30).toSeconds());
        assertThat(PrometheusSamples.sample(after, "borderwatch_deliveries_total", "channel", "webhook", "outcome",
                "delivered") - delivered).isGreaterThanOrEqualTo(deliveredWebhooks);
        assertThat(PrometheusSamples.sample(after, "borderwatch_alerts_total", "event", "fired", "severity", "high"))
                .as("a delivery is no new message").isEqualTo(fired + 1);
    }

    /**
     * The series dashboards and alert rules read, with the histogram buckets the latency percentiles need. The
     * feed's producer and a target's rate limiter are made at their first send, and their meters appear with them:
     * this test delivers a message of its own to a webhook and to border.alerts first, so that it does not depend on
     * other tests having done so before it (alone, with {@code -Dit.test=MetricsIT}, it failed).
     */
    @Test
    void prometheusExposesTheLatencyHistogramAndTheResilienceMeters() {
        String subscription = subscribeWebhook("staff1", RECEIVER.url("/metrics-meters/" + UUID.randomUUID()),
                "{\"segments\":[\"VAYOTS_DZOR_EAST\"]}");
        UUID incident = UUID.randomUUID();
        UUID alertId = AlertLifecycle.alertIdOf(incident);
        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.VAYOTS_DZOR_EAST, Severity.HIGH,
                Occurrence.CONFIRMED, false, Fixtures.EVENT_TIME.plusYears(8)));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> List.of(subscription,
                    AlertDispatcher.FEED_SUBSCRIPTION).stream().allMatch(s -> deliveryStore.byAlert(alertId).stream()
                    .anyMatch(r -> r.subscriptionId().equals(s) && r.status() == DeliveryStatus.DELIVERED)));
        } finally {
            call("DELETE", "/api/v1/subscriptions/" + subscription, "staff1", null, null);
        }
        String scrape = scrape();
        assertThat(scrape)
                .containsPattern("borderwatch_alert_delivery_latency_seconds_bucket\\{[^}]*le=\"0.01\"")
                .contains("resilience4j_circuitbreaker_state")
                .contains("resilience4j_retry_calls")
                .contains("resilience4j_ratelimiter_available_permissions")
                .contains("application=\"alert-service\"")
                // the border.alerts feed's own producer reports its client metrics like the binder's
                .containsPattern("kafka_producer_record_send_total\\{[^}]*client_id=\"alert-service-feed");
    }
}
