package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.testkit.WebhookReceiver;
import org.borderwatch.alert.delivery.Grouping;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Grouping through the real service: the shared IT configuration sends at once ({@code group-wait: 0s}); a
 * subscription with its own {@code groupWait} collects one segment's messages arriving within the wait into ONE
 * signed notification, whose idempotency key is derived from its items. Same Spring context as every other IT.
 * Time passes through the shared {@link org.borderwatch.alert.ShiftableClock} (test audit T6): the messages arrive
 * while the clock is the group wait behind, so however slowly a busy machine handles them they are within the wait;
 * putting the clock back to real time ends the wait.
 */
class GroupingIT extends AlertServiceITSupport {

    private static final OffsetDateTime WHEN = Fixtures.EVENT_TIME.plusYears(40);
    private static final Duration WAIT = Duration.ofMinutes(10);

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static Assessment assessment(UUID incident, BorderSegment segment, Severity severity) {
        return Fixtures.assessment(incident, 1, segment, severity, Occurrence.DISPUTED, false, WHEN);
    }

    private Alert storedMessage(UUID incident) {
        var response = get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident), "staff1");
        return response.statusCode() == 200 ? Json.convert(Json.tree(response.body()
                .getBytes(StandardCharsets.UTF_8)).get("latest"), Alert.class) : null;
    }

    @Test
    void twoIncidentsOfOneSegmentWithinTheWaitArriveAsOneSignedNotification() {
        String path = "/grouped/" + UUID.randomUUID();
        var created = post("/api/v1/subscriptions", "staff1", """
                {"name":"grouped desk","channel":{"type":"webhook","url":"%s","secret":"%s"},
                 "filter":{"segments":["SYUNIK_WEST","ARARAT"]},"groupWait":"PT10M"}"""
                .formatted(RECEIVER.url(path), SECRET));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode subscription = Json.tree(created.body().getBytes(StandardCharsets.UTF_8));
        assertThat(subscription.get("groupWait").asString()).isEqualTo("PT10M");
        String subscriptionId = subscription.get("id").asString();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();

        clock.shift(WAIT.negated());
        Instant start = clock.instant();
        sendAssessments(assessment(first, BorderSegment.SYUNIK_WEST, Severity.HIGH));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedMessage(first) != null);
        // the first message is stored and waiting: nothing is sent before the group wait is over
        assertThat(RECEIVER.requests(path)).isEmpty();
        sendAssessments(assessment(second, BorderSegment.SYUNIK_WEST, Severity.MEDIUM));
        sendAssessments(assessment(elsewhere, BorderSegment.ARARAT, Severity.HIGH));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedMessage(second) != null
                && storedMessage(elsewhere) != null);
        // nothing is sent while the group waits
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> RECEIVER.requests(path).isEmpty());

        clock.reset();
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(path).size() == 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> RECEIVER.requests(path).size() == 2);
        WebhookReceiver.Request grouped = RECEIVER.accepted(path).stream()
                .filter(r -> notificationAlerts(r).size() == 2).findFirst().orElseThrow();
        WebhookReceiver.Request single = RECEIVER.accepted(path).stream().filter(r -> r != grouped).findFirst()
                .orElseThrow();

        Alert firstMessage = storedMessage(first);
        Alert secondMessage = storedMessage(second);
        assertThat(notificationAlerts(grouped)).extracting(Alert::incidentId).containsExactly(first, second);
        JsonNode body = Json.tree(grouped.body());
        assertThat(body.get("groupKey").asString()).isEqualTo(subscriptionId + "|SYUNIK_WEST");
        assertThat(body.get("mode").asString()).isEqualTo("IMMEDIATE");
        // the idempotency key of a batch is derived from its items' keys; the signature covers the whole body
        String batchKey = Grouping.batchKey(List.of(Grouping.itemKey(subscriptionId, firstMessage),
                Grouping.itemKey(subscriptionId, secondMessage)));
        assertThat(grouped.header("X-BorderWatch-Delivery")).isEqualTo(batchKey);
        assertThat(body.get("deliveryId").asString()).isEqualTo(batchKey);
        assertThat(grouped.header("X-BorderWatch-Signature"))
                .isEqualTo(signatureOf(SECRET, grouped.header("X-BorderWatch-Timestamp"), grouped.body()));
        assertThat(Long.parseLong(grouped.header("X-BorderWatch-Timestamp")))
                .as("sent after the group wait").isGreaterThanOrEqualTo(start.plus(WAIT).getEpochSecond() - 1);
        // both rows of the batch are recorded as delivered under that key
        for (UUID incident : List.of(first, second)) {
            JsonNode rows = Json.tree(get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident) + "/deliveries",
                    "staff1").body().getBytes(StandardCharsets.UTF_8));
            // this subscription's row (other tests' subscriptions on the segment may have rows too)
            JsonNode webhook = rows.valueStream()
                    .filter(r -> r.get("subscriptionId").asString().equals(subscriptionId)).findFirst().orElseThrow();
            assertThat(webhook.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(webhook.get("batchKey").asString()).isEqualTo(batchKey);
        }

        // another segment is another group
        assertThat(notificationAlerts(single)).extracting(Alert::incidentId).containsExactly(elsewhere);
        assertThat(single.header("X-BorderWatch-Delivery"))
                .isEqualTo(Grouping.itemKey(subscriptionId, storedMessage(elsewhere)));

        // once a group was sent, the segment's next message opens a new one
        UUID later = UUID.randomUUID();
        clock.shift(WAIT.negated());
        sendAssessments(assessment(later, BorderSegment.SYUNIK_WEST, Severity.HIGH));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedMessage(later) != null);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> RECEIVER.requests(path).size() == 2);
        clock.reset();
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(path).size() == 3);
        assertThat(notificationAlerts(RECEIVER.accepted(path).get(2))).extracting(Alert::incidentId)
                .containsExactly(later);
    }

    @Test
    void aGroupWaitMustFitTheSubscription() {
        for (String bad : List.of("\"mode\":\"digest\",\"groupWait\":\"PT5S\"", "\"groupWait\":\"PT-1S\"",
                "\"groupWait\":\"PT11M\"")) {
            var response = post("/api/v1/subscriptions", "staff1", """
                    {"name":"bad","channel":{"type":"email","address":"desk@example.org"},%s}""".formatted(bad));
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).contains("groupWait");
        }
    }
}
