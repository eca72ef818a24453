package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code changes} per subscriber, through the real broker, store, worker and webhook receiver: each subscriber is
 * told what changed since the last message of the alert <em>it</em> received. A desk whose filter ({@code minSeverity
 * HIGH}) first matches at the third message is told about the incident as news (FIRED, no {@code changes}), not that
 * the severity rose from a MEDIUM it never saw; a desk that did not receive a leave notice sent to another is told
 * what differs from the message it last got, not from the leave notice. Each incident version reaches each desk
 * once; the {@code border.alerts} copy (the alert's latest message) keeps the alert's own {@code changes}.
 */
class SubscriberChangesIT extends AlertServiceITSupport {

    private static Assessment v(UUID incident, long version, Severity severity, Occurrence occurrence,
                                SignalType... signals) {
        return Fixtures.assessment(incident, version, BorderSegment.SYUNIK_EAST, severity, occurrence, false,
                Fixtures.EVENT_TIME.plusYears(95), signals);
    }

    private String subscribe(String path, String filter) {
        var response = post("/api/v1/subscriptions", "staff1", """
                {"name":"%s","channel":{"type":"webhook","url":"%s","secret":"%s"},"filter":%s}"""
                .formatted(path, RECEIVER.url(path), SECRET, filter));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.tree(response.body().getBytes(StandardCharsets.UTF_8)).get("id").asString();
    }

    /** The alert messages of this incident a path received (signature checked), as raw JSON, by sequence. */
    private static List<JsonNode> received(String path, UUID incident) {
        List<JsonNode> out = new ArrayList<>();
        for (WebhookReceiver.Request r : RECEIVER.accepted(path)) {
            assertThat(r.header("X-BorderWatch-Signature"))
                    .isEqualTo(signatureOf(SECRET, r.header("X-BorderWatch-Timestamp"), r.body()));
            Json.tree(r.body()).get("alerts").forEach(a -> {
                if (a.get("incidentId").asString().equals(incident.toString())) {
                    out.add(a);
                }
            });
        }
        out.sort(Comparator.comparingLong(a -> a.get("sequence").asLong()));
        return out;
    }

    private static List<Long> sequences(String path, UUID incident) {
        return received(path, incident).stream().map(a -> a.get("sequence").asLong()).toList();
    }

    private static Alert message(String path, UUID incident, long sequence) {
        return received(path, incident).stream().filter(a -> a.get("sequence").asLong() == sequence)
                .map(a -> Json.convert(a, Alert.class)).findFirst().orElseThrow();
    }

    @Test
    void eachSubscriberIsToldWhatChangedSinceTheLastMessageItReceived() {
        String id = UUID.randomUUID().toString();
        String allPath = "/subscriber-changes/all-" + id;
        String highPath = "/subscriber-changes/high-" + id;
        subscribe(allPath, "{\"segments\":[\"SYUNIK_EAST\"]}");
        subscribe(highPath, "{\"segments\":[\"SYUNIK_EAST\"],\"minSeverity\":\"HIGH\"}");
        UUID incident = UUID.randomUUID();

        // 1 FIRED (MEDIUM), 2 the occurrence confirmed: the HIGH desk hears neither
        sendAssessments(v(incident, 1, Severity.MEDIUM, Occurrence.DISPUTED));
        await().atMost(Duration.ofSeconds(30)).until(() -> sequences(allPath, incident).equals(List.of(1L)));
        sendAssessments(v(incident, 2, Severity.MEDIUM, Occurrence.CONFIRMED));
        await().atMost(Duration.ofSeconds(30)).until(() -> sequences(allPath, incident).equals(List.of(1L, 2L)));

        // 3 severity MEDIUM -> HIGH: the HIGH desk's first word about the incident is news
        sendAssessments(v(incident, 3, Severity.HIGH, Occurrence.CONFIRMED));
        await().atMost(Duration.ofSeconds(30)).until(() -> sequences(allPath, incident).equals(List.of(1L, 2L, 3L))
                && sequences(highPath, incident).equals(List.of(3L)));
        JsonNode firstForHigh = received(highPath, incident).get(0);
        assertThat(firstForHigh.get("event").asString()).as("news, not an update").isEqualTo("FIRED");
        assertThat(firstForHigh.has("changes")).as("a first message says no changes: " + firstForHigh).isFalse();
        assertThat(firstForHigh.get("severity").asString()).isEqualTo("HIGH");
        assertThat(message(allPath, incident, 3).event()).isEqualTo(AlertEvent.UPDATED);
        assertThat(message(allPath, incident, 3).changes()).as("it saw message 2: the alert's own words")
                .containsExactly("severity MEDIUM -> HIGH");

        // 4 severity down: a leave notice for the HIGH desk alone (the other desk still matches: not news for it)
        sendAssessments(v(incident, 4, Severity.MEDIUM, Occurrence.CONFIRMED));
        await().atMost(Duration.ofSeconds(30)).until(() -> sequences(highPath, incident).equals(List.of(3L, 4L)));
        assertThat(message(highPath, incident, 4).changes()).containsExactly("severity HIGH -> MEDIUM");

        // 5 HIGH again with a new signal: the HIGH desk got message 4, so the alert's words are its words; the other
        // desk last saw message 3 (HIGH): for it only the signal is new
        sendAssessments(v(incident, 5, Severity.HIGH, Occurrence.CONFIRMED, SignalType.FATALITIES));
        await().atMost(Duration.ofSeconds(30)).until(() -> sequences(highPath, incident).equals(List.of(3L, 4L, 5L))
                && sequences(allPath, incident).equals(List.of(1L, 2L, 3L, 5L)));
        assertThat(message(highPath, incident, 5).changes())
                .containsExactly("severity MEDIUM -> HIGH", "new signal FATALITIES");
        Alert fifthForAll = message(allPath, incident, 5);
        assertThat(fifthForAll.event()).isEqualTo(AlertEvent.UPDATED);
        assertThat(fifthForAll.changes()).as("measured against message 3, the last it received")
                .containsExactly("new signal FATALITIES");

        // the alert's own copy (as on border.alerts and the live stream) keeps the alert's words
        JsonNode alert = Json.tree(get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident), "staff1").body()
                .getBytes(StandardCharsets.UTF_8));
        List<String> latestChanges = new ArrayList<>();
        alert.get("latest").get("changes").forEach(c -> latestChanges.add(c.asString()));
        assertThat(alert.get("latest").get("sequence").asLong()).isEqualTo(5);
        assertThat(latestChanges).containsExactly("severity MEDIUM -> HIGH", "new signal FATALITIES");

        // every version once per desk: no sequence twice at either receiver
        assertThat(sequences(allPath, incident)).doesNotHaveDuplicates();
        assertThat(sequences(highPath, incident)).doesNotHaveDuplicates();
    }
}
