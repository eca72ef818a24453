package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.testkit.WebhookReceiver;
import org.borderwatch.alert.delivery.Grouping;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The repeat job through the real service: a still-firing HIGH alert is sent again once per
 * {@code alert.lifecycle.repeat-interval} (1 h in the shared IT configuration, checked every 200 ms), a LOW alert
 * and a resolved one never are. Time passes through the shared context's {@link org.borderwatch.alert.ShiftableClock}:
 * the alerts fire two hours "ago", then the clock moves forward an hour at a time back to real time.
 */
class RepeatIT extends AlertServiceITSupport {

    private static final OffsetDateTime WHEN = Fixtures.EVENT_TIME.plusYears(30);
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Duration SEVERAL_CHECKS = Duration.ofMillis(1200);

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static Assessment assessment(UUID incident, long version, Severity severity, boolean closed) {
        return Fixtures.assessment(incident, version, BorderSegment.VAYOTS_DZOR_EAST, severity, Occurrence.CONFIRMED,
                closed, WHEN);
    }

    private static List<String> received(String path) {
        List<String> out = new ArrayList<>();
        for (WebhookReceiver.Request r : RECEIVER.accepted(path)) {
            for (Alert a : notificationAlerts(r)) {
                out.add(a.incidentId() + " #" + a.sequence() + " " + a.event());
            }
        }
        return out;
    }

    @Test
    void aStillFiringHighAlertIsRepeatedOncePerIntervalLowAndResolvedOnesNever() {
        clock.shift(INTERVAL.multipliedBy(-2));
        String path = "/repeat/" + UUID.randomUUID();
        String subscription = subscribeWebhook("staff1", RECEIVER.url(path), "{\"segments\":[\"VAYOTS_DZOR_EAST\"]}");
        UUID high = UUID.randomUUID();
        UUID low = UUID.randomUUID();
        UUID resolved = UUID.randomUUID();

        sendAssessments(assessment(high, 1, Severity.HIGH, false), assessment(low, 1, Severity.LOW, false),
                assessment(resolved, 1, Severity.HIGH, false));
        sendAssessments(assessment(resolved, 2, Severity.HIGH, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> received(path).size() == 4);
        // nothing is due while less than an interval has passed
        await().during(SEVERAL_CHECKS).atMost(SEVERAL_CHECKS.plusSeconds(5))
                .until(() -> received(path).size() == 4);

        clock.shift(INTERVAL);
        await().atMost(Duration.ofSeconds(30)).until(() -> received(path).size() == 5);
        await().during(SEVERAL_CHECKS).atMost(SEVERAL_CHECKS.plusSeconds(5))
                .until(() -> received(path).size() == 5);
        assertThat(received(path).get(4)).isEqualTo(high + " #2 UPDATED");

        clock.shift(INTERVAL);
        assertThat(clock.offset()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> received(path).size() == 6);
        await().during(SEVERAL_CHECKS).atMost(SEVERAL_CHECKS.plusSeconds(5))
                .until(() -> received(path).size() == 6);

        assertThat(received(path)).containsExactlyInAnyOrder(high + " #1 FIRED", low + " #1 FIRED",
                resolved + " #1 FIRED", resolved + " #2 RESOLVED", high + " #2 UPDATED", high + " #3 UPDATED");
        // each repeat is a new message, sent on its own: its own idempotency key, signed like any other delivery
        List<WebhookReceiver.Request> repeats = RECEIVER.accepted(path).stream()
                .filter(r -> notificationAlerts(r).stream().anyMatch(a -> a.event() == AlertEvent.UPDATED)).toList();
        assertThat(repeats).hasSize(2);
        for (WebhookReceiver.Request r : repeats) {
            assertThat(notificationAlerts(r)).hasSize(1);
            Alert a = notificationAlerts(r).get(0);
            assertThat(a.incidentId()).isEqualTo(high);
            assertThat(a.assessmentVersion()).isEqualTo(1);
            assertThat(r.header("X-BorderWatch-Delivery")).isEqualTo(Grouping.itemKey(subscription, a));
        }
        assertThat(RECEIVER.accepted(path)).allSatisfy(r -> assertThat(r.header("X-BorderWatch-Signature"))
                .isEqualTo(signatureOf(SECRET, r.header("X-BorderWatch-Timestamp"), r.body())));
        // the repeats are an hour apart, and the alert's history says why they were sent
        long first = Long.parseLong(repeats.get(0).header("X-BorderWatch-Timestamp"));
        long second = Long.parseLong(repeats.get(1).header("X-BorderWatch-Timestamp"));
        assertThat(second - first).isBetween(INTERVAL.toSeconds(), INTERVAL.toSeconds() + 60);
        JsonNode alert = Json.tree(get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(high), "staff1").body()
                .getBytes(StandardCharsets.UTF_8));
        List<String> reasons = new ArrayList<>();
        alert.get("messages").forEach(m -> reasons.add(m.get("event").asString() + ": " + m.get("reason").asString()));
        assertThat(reasons).containsExactly("FIRED: first version", "UPDATED: repeat: still firing after PT1H",
                "UPDATED: repeat: still firing after PT1H");
    }
}
