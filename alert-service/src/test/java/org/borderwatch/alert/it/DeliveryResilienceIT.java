package org.borderwatch.alert.it;

import io.micrometer.core.instrument.MeterRegistry;
import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.testkit.WebhookReceiver;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Retries, a circuit breaker per target host, recovery, and FAILED deliveries with their reason. */
class DeliveryResilienceIT extends AlertServiceITSupport {

    /** Separate servers, so their circuits are their own and do not slow other tests' deliveries. */
    private static final WebhookReceiver FLAKY = new WebhookReceiver();
    private static final WebhookReceiver BROKEN = new WebhookReceiver();

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void stop() {
        FLAKY.close();
        BROKEN.close();
    }

    private double count(String channel, String outcome) {
        var c = meters.find(AlertMetrics.DELIVERIES).tag("channel", channel).tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    private List<OutboxRow> webhookRows(UUID incident, String subscriptionId) {
        return deliveryStore.byAlert(AlertLifecycle.alertIdOf(incident)).stream()
                .filter(r -> r.subscriptionId().equals(subscriptionId)).toList();
    }

    @Test
    void failingTargetIsRetriedTheCircuitOpensAndAfterRecoveryItIsDeliveredExactlyOnce() {
        String path = "/flaky";
        FLAKY.failFirst(path, 3, 503);
        String sub = subscribeWebhook("staff1", FLAKY.url(path), "{\"segments\":[\"VAYOTS_DZOR_EAST\"]}");
        double circuitOpenBefore = count("webhook", "circuit_open");
        UUID incident = UUID.randomUUID();

        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.VAYOTS_DZOR_EAST, Severity.HIGH,
                Occurrence.UNVERIFIED, false));

        await().atMost(Duration.ofSeconds(40)).until(() -> webhookRows(incident, sub).stream()
                .anyMatch(r -> r.status() == DeliveryStatus.DELIVERED));
        OutboxRow row = webhookRows(incident, sub).get(0);
        assertThat(row.attempts()).isGreaterThanOrEqualTo(4);
        assertThat(FLAKY.requests(path)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(FLAKY.accepted(path)).hasSize(1);
        assertThat(FLAKY.requests(path)).extracting(r -> r.header("X-BorderWatch-Delivery"))
                .containsOnly(row.id());
        assertThat(count("webhook", "circuit_open")).as("the circuit opened in between")
                .isGreaterThan(circuitOpenBefore);
        // nothing more arrives after the success
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> FLAKY.accepted(path).size() == 1);
    }

    @Test
    void aTargetThatNeverRecoversEndsFailedWithTheReason() {
        String path = "/broken";
        BROKEN.failFirst(path, Integer.MAX_VALUE, 500);
        String sub = subscribeWebhook("staff1", BROKEN.url(path), "{\"segments\":[\"ARARAT\"]}");
        // the counter is the whole context's: what this test's delivery adds is compared with a value taken now
        double failedBefore = count("webhook", "failed");
        UUID incident = UUID.randomUUID();

        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.ARARAT, Severity.LOW, Occurrence.UNVERIFIED,
                false));

        await().atMost(Duration.ofSeconds(40)).until(() -> webhookRows(incident, sub).stream()
                .anyMatch(r -> r.status() == DeliveryStatus.FAILED));
        OutboxRow row = webhookRows(incident, sub).get(0);
        assertThat(row.lastError()).startsWith("gave up after").contains("4 rounds; last failure: ");
        // the status code belongs to the last failure the reason names: the receiver's 500, or none when the target's
        // circuit refused the last round's call
        if (row.lastError().endsWith("HTTP 500 Internal Server Error")) {
            assertThat(row.statusCode()).as(row.lastError()).isEqualTo(500);
        } else {
            assertThat(row.lastError()).contains("circuit for 127.0.0.1:");
            assertThat(row.statusCode()).as(row.lastError()).isNull();
        }
        var api = get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident) + "/deliveries", "staff1").body();
        assertThat(api).contains("\"status\":\"FAILED\"").contains("gave up after");
        assertThat(count("webhook", "failed") - failedBefore).as("this delivery's give-up is counted")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPermanentRefusalFailsAtOnce() {
        String path = "/gone";
        FLAKY.failFirst(path, Integer.MAX_VALUE, 404);
        String sub = subscribeWebhook("staff1", FLAKY.url(path), "{\"segments\":[\"KARABAKH\"]}");
        UUID incident = UUID.randomUUID();

        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.KARABAKH, Severity.LOW, Occurrence.UNVERIFIED,
                false));

        await().atMost(Duration.ofSeconds(30)).until(() -> webhookRows(incident, sub).stream()
                .anyMatch(r -> r.status() == DeliveryStatus.FAILED));
        OutboxRow row = webhookRows(incident, sub).get(0);
        assertThat(row.lastError()).isEqualTo("HTTP 404 Not Found");
        assertThat(row.statusCode()).isEqualTo(404);
        assertThat(FLAKY.requests(path)).hasSize(1);
    }
}
