package org.borderwatch.alert.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.testkit.WebhookReceiver;
import org.borderwatch.alert.delivery.Grouping;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.schema.JsonSchemas;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka assessment → verdict stored → lifecycle → a signed webhook at a real HTTP server, and border.alerts. */
class AssessmentToWebhookIT extends AlertServiceITSupport {

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(StandardCharsets.UTF_8));
    }

    /** What a receiver does, written here independently of the service's code. */
    private static String hmac(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private List<Alert> alertsIn(WebhookReceiver.Request r) {
        JsonNode body = Json.tree(r.body());
        List<Alert> out = new ArrayList<>();
        body.get("alerts").forEach(a -> out.add(Json.convert(a, Alert.class)));
        return out;
    }

    @Test
    void assessmentsBecomeSignedWebhooksOnlyWhenSomethingMatters() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        String subscriptionId = subscribeWebhook("staff1", RECEIVER.url(path),
                "{\"segments\":[\"SYUNIK_EAST\"],\"minSeverity\":\"LOW\"}");
        UUID incident = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        var v1 = Fixtures.assessment(incident, 1, BorderSegment.SYUNIK_EAST, Severity.MEDIUM, Occurrence.DISPUTED,
                false);
        var elsewhere = Fixtures.assessment(other, 1, BorderSegment.TAVUSH, Severity.CRITICAL, Occurrence.CONFIRMED,
                false);
        sendAssessments(v1, elsewhere);

        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(path).size() == 1);
        WebhookReceiver.Request first = RECEIVER.accepted(path).get(0);
        String ts = first.header("X-BorderWatch-Timestamp");
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts))).isLessThan(60);
        assertThat(first.header("X-BorderWatch-Signature")).isEqualTo(hmac(SECRET, ts, first.body()));
        assertThat(first.header("Content-Type")).startsWith("application/json");
        // plain HTTP/1.1 to an http: target: no cleartext HTTP/2 upgrade offered on a POST with a body
        assertThat(first.header("Upgrade")).as("no h2c upgrade offered").isNull();
        assertThat(first.header("HTTP2-Settings")).isNull();
        assertThat(first.header("Connection")).satisfiesAnyOf(c -> assertThat(c).isNull(),
                c -> assertThat(c).doesNotContainIgnoringCase("upgrade"));
        Alert fired = alertsIn(first).get(0);
        assertThat(fired.incidentId()).isEqualTo(incident);
        assertThat(fired.event()).isEqualTo(AlertEvent.FIRED);
        assertThat(fired.alertId()).isEqualTo(AlertLifecycle.alertIdOf(incident));
        assertThat(first.header("X-BorderWatch-Delivery")).isEqualTo(Grouping.itemKey(subscriptionId, fired));
        // the first message has nothing to compare with: no changes, and the field left out of the body
        assertThat(fired.changes()).isEmpty();
        assertThat(Json.tree(first.body()).get("alerts").get(0).has("changes")).isFalse();

        // the verdict is stored with its history and rationale
        JsonNode verdict = json(get("/api/v1/verdicts/" + incident, "staff1").body());
        assertThat(verdict.get("latest").get("version").asLong()).isEqualTo(1);
        assertThat(verdict.get("rationale").get(0).asString()).contains("AZ MoD claimed");

        // a redelivered version, and a version where nothing that matters changed (severity down, still within the
        // filter — one that left it would be told: LeavingFilterIT): no webhook
        sendAssessments(v1);
        sendAssessments(Fixtures.assessment(incident, 2, BorderSegment.SYUNIK_EAST, Severity.LOW,
                Occurrence.DISPUTED, false));
        // an aborted transaction must never be read (read_committed)
        sendAssessments(false, Fixtures.assessment(incident, 3, BorderSegment.SYUNIK_EAST, Severity.CRITICAL,
                Occurrence.CONFIRMED, false));
        // a new signal matters
        sendAssessments(Fixtures.assessment(incident, 4, BorderSegment.SYUNIK_EAST, Severity.MEDIUM,
                Occurrence.DISPUTED, false, SignalType.CLAIM_SURGE));

        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(path).size() >= 2);
        Alert updated = alertsIn(RECEIVER.accepted(path).get(1)).get(0);
        assertThat(updated.event()).isEqualTo(AlertEvent.UPDATED);
        assertThat(updated.assessmentVersion()).isEqualTo(4);
        assertThat(updated.signals()).containsExactly(SignalType.CLAIM_SURGE);
        // measured against the last message this subscriber received (1, MEDIUM), not the alert's previous one —
        // version 2's leave notice for live-stream filters (LOW), which it did not get: only the signal is new to it
        // (the sequence gap, 1 then 3, tells it a message came between)
        assertThat(updated.sequence()).isEqualTo(3);
        assertThat(updated.changes()).containsExactly("new signal CLAIM_SURGE");
        assertThat(RECEIVER.accepted(path)).hasSize(2);

        // the occurrence changed: the update says so, against the previous message
        sendAssessments(Fixtures.assessment(incident, 5, BorderSegment.SYUNIK_EAST, Severity.MEDIUM,
                Occurrence.REFUTED, false, SignalType.CLAIM_SURGE));
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(path).size() >= 3);
        WebhookReceiver.Request refutedRequest = RECEIVER.accepted(path).get(2);
        assertThat(refutedRequest.header("X-BorderWatch-Signature"))
                .isEqualTo(hmac(SECRET, refutedRequest.header("X-BorderWatch-Timestamp"), refutedRequest.body()));
        Alert refuted = alertsIn(refutedRequest).get(0);
        assertThat(refuted.event()).isEqualTo(AlertEvent.UPDATED);
        assertThat(refuted.occurrence()).isEqualTo(Occurrence.REFUTED);
        assertThat(refuted.changes()).containsExactly("occurrence DISPUTED -> REFUTED");
        assertThat(Json.tree(refutedRequest.body()).get("alerts").get(0).get("changes").get(0).asString())
                .isEqualTo("occurrence DISPUTED -> REFUTED");
        JsonNode history = json(get("/api/v1/verdicts/" + incident, "staff1").body()).get("history");
        assertThat(history).hasSize(4); // versions 1, 2, 4 and 5; 3 was aborted
        // the alert's own record of its messages says the same as what the subscriber received
        JsonNode stored = json(get("/api/v1/alerts/" + fired.alertId(), "staff1").body()).get("messages");
        assertThat(stored.toString()).contains("occurrence DISPUTED -> REFUTED");

        // a staff review is stored beside the verdict, shown first, audited and sent as an update
        var reviewed = post("/api/v1/verdicts/" + incident + "/review", "staff1",
                "{\"occurrence\":\"REFUTED\",\"attribution\":\"CONTESTED\",\"note\":\"EUMA patrol saw nothing\"}");
        assertThat(reviewed.statusCode()).isEqualTo(200);
        assertThat(reviewed.body()).startsWith("{\"review\":");
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(path).size() >= 4);
        Alert review = alertsIn(RECEIVER.accepted(path).get(3)).get(0);
        assertThat(review.event()).isEqualTo(AlertEvent.REVIEWED);
        assertThat(review.review().occurrence()).isEqualTo(Occurrence.REFUTED);
        assertThat(review.review().reviewer()).isEqualTo("staff1");
        assertThat(review.changes()).containsExactly("reviewed by staff1: REFUTED");

        // closing resolves
        sendAssessments(Fixtures.assessment(incident, 6, BorderSegment.SYUNIK_EAST, Severity.MEDIUM,
                Occurrence.REFUTED, true, SignalType.CLAIM_SURGE));
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(path).size() >= 5);
        Alert resolved = alertsIn(RECEIVER.accepted(path).get(4)).get(0);
        assertThat(resolved.event()).isEqualTo(AlertEvent.RESOLVED);
        assertThat(resolved.changes()).containsExactly("incident closed");

        // every delivery is in the audit, each idempotency key once
        JsonNode deliveries = json(get("/api/v1/alerts/" + fired.alertId() + "/deliveries", "staff1").body());
        List<String> webhookIds = new ArrayList<>();
        deliveries.forEach(d -> {
            if (d.get("channel").asString().equals("webhook")) {
                assertThat(d.get("status").asString()).isEqualTo("DELIVERED");
                assertThat(d.get("statusCode").asInt()).isEqualTo(204);
                assertThat(d.has("nextAttemptAt")).as("DELIVERED: nothing is due").isFalse();
                webhookIds.add(d.get("id").asString());
            }
        });
        assertThat(webhookIds).hasSize(5).doesNotHaveDuplicates();
        assertThat(RECEIVER.accepted(path)).extracting(r -> r.header("X-BorderWatch-Delivery"))
                .containsExactlyInAnyOrderElementsOf(webhookIds);

        // and every message went to border.alerts for partner systems, valid against the Alert schema — including
        // the one version 2 (severity down) became for live-stream filters it may leave, sent to no subscriber here
        List<Alert> feed = readFeed(incident, 6);
        assertThat(feed).extracting(Alert::event).containsExactly(AlertEvent.FIRED, AlertEvent.UPDATED,
                AlertEvent.UPDATED, AlertEvent.UPDATED, AlertEvent.REVIEWED, AlertEvent.RESOLVED);
        assertThat(feed).extracting(Alert::assessmentVersion).containsExactly(1L, 2L, 4L, 5L, 5L, 6L);
        // each record on border.alerts says what changed since the alert's previous message (the webhook: since the
        // subscriber's last one, the same here except message 3)
        assertThat(feed).extracting(Alert::changes).containsExactly(List.of(), List.of("severity MEDIUM -> LOW"),
                List.of("severity LOW -> MEDIUM", "new signal CLAIM_SURGE"), List.of("occurrence DISPUTED -> REFUTED"),
                List.of("reviewed by staff1: REFUTED"), List.of("incident closed"));
        // nothing was sent about the other segment's incident to this subscriber
        assertThat(RECEIVER.accepted(path)).allMatch(r -> alertsIn(r).stream()
                .noneMatch(a -> a.incidentId().equals(other)));
    }

    private List<Alert> readFeed(UUID incident, int expected) {
        List<Alert> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.bytes(Topics.ALERTS.name())
                .matching(r -> r.key() != null && r.key().equals(incident.toString())).read(expected)) {
            assertThat(JsonSchemas.validate(JsonSchemas.ALERT, r.value())).isEmpty();
            found.add(Json.read(r.value(), Alert.class));
        }
        return found;
    }
}
