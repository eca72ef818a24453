package org.borderwatch.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counter series whose tags are known in advance exist at 0 from start-up, so Prometheus' increase() sees the first
 * event after a start (a series that first appears at 1 shows no increase).
 */
class AlertMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private Counter counter(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        assertThat(c).as(name + " " + String.join(",", tags)).isNotNull();
        return c;
    }

    @Test
    void everyDeliveryChannelAndOutcomeStartsAtZero() {
        new AlertMetrics(registry);
        for (String channel : new String[] {"webhook", "email", "kafka"}) {
            for (String outcome : new String[] {"delivered", "retried", "circuit_open", "rate_limited", "failed"}) {
                assertThat(counter(AlertMetrics.DELIVERIES, "channel", channel, "outcome", outcome).count()).isZero();
            }
        }
        assertThat(registry.find(AlertMetrics.DELIVERIES).tag("channel", "stream").counters())
                .as("the live stream counts no deliveries").isEmpty();
        assertThat(registry.find(AlertMetrics.DELIVERIES).counters()).hasSize(15);
    }

    @Test
    void assessmentOutcomesMutingReasonsAndAlertEventsStartAtZero() {
        new AlertMetrics(registry);
        for (String outcome : new String[] {"stored", "duplicate", "invalid"}) {
            assertThat(counter(AlertMetrics.ASSESSMENTS, "outcome", outcome).count()).isZero();
        }
        assertThat(counter(AlertMetrics.MUTED, "reason", "inhibited").count()).isZero();
        assertThat(counter(AlertMetrics.MUTED, "reason", "silenced").count()).isZero();
        assertThat(counter(AlertMetrics.ALERTS, "event", "fired", "severity", "critical").count()).isZero();
        assertThat(counter(AlertMetrics.ALERTS, "event", "resolved", "severity", "info").count()).isZero();
        assertThat(registry.find(AlertMetrics.ALERTS).counters()).hasSize(4 * 5);
    }

    @Test
    void recordingCountsOnThePreRegisteredSeries() {
        AlertMetrics metrics = new AlertMetrics(registry);
        metrics.delivery("WEBHOOK", "failed", 2);
        metrics.assessment("invalid");
        metrics.muted("silenced");
        assertThat(counter(AlertMetrics.DELIVERIES, "channel", "webhook", "outcome", "failed").count()).isEqualTo(2);
        assertThat(counter(AlertMetrics.ASSESSMENTS, "outcome", "invalid").count()).isEqualTo(1);
        assertThat(counter(AlertMetrics.MUTED, "reason", "silenced").count()).isEqualTo(1);
        assertThat(registry.find(AlertMetrics.DELIVERIES).counters()).as("no new series").hasSize(15);
    }

    @Test
    void droppedStreamClientsAreCountedFromZero() {
        AlertMetrics metrics = new AlertMetrics(registry);
        Counter dropped = counter(AlertMetrics.STREAM_DROPPED);
        assertThat(dropped.count()).as("registered at start-up").isZero();
        assertThat(dropped.getId().getName()).isEqualTo("borderwatch.alert.stream.dropped");
        metrics.streamDropped();
        metrics.streamDropped();
        assertThat(counter(AlertMetrics.STREAM_DROPPED).count()).isEqualTo(2);
    }

    @Test
    void theRepeatBacklogIsAGaugeFromZeroSetByTheRepeatJob() {
        AlertMetrics metrics = new AlertMetrics(registry);
        var backlog = registry.find("borderwatch.alert.repeat.backlog").gauge();
        assertThat(backlog).as("registered at start-up").isNotNull();
        assertThat(backlog.value()).isZero();
        metrics.repeatBacklog(7);
        assertThat(backlog.value()).isEqualTo(7);
        metrics.repeatBacklog(0);
        assertThat(backlog.value()).isZero();
    }

    @Test
    void theRelayBacklogIsAGaugeFromZeroSetByTheRelayJobApartFromTheRepeatOne() {
        AlertMetrics metrics = new AlertMetrics(registry);
        var backlog = registry.find("borderwatch.alert.relay.backlog").gauge();
        assertThat(backlog).as("registered at start-up").isNotNull();
        assertThat(backlog.value()).isZero();
        metrics.relayBacklog(4);
        assertThat(backlog.value()).isEqualTo(4);
        assertThat(registry.find("borderwatch.alert.repeat.backlog").gauge().value()).isZero();
        metrics.relayBacklog(0);
        assertThat(backlog.value()).isZero();
    }
}
