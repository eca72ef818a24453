package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.SseClient;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
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
 * An alert held back only by inhibition is released, like after a silence, when the inhibiting incident stops
 * qualifying: a later version lowers its severity, or a review refutes it. Through the real broker, store, worker
 * and a real webhook receiver; the live stream read by a real HTTP client.
 */
class InhibitionReleaseIT extends AlertServiceITSupport {

    private static final BorderSegment SEGMENT = BorderSegment.VAYOTS_DZOR_EAST;
    private static final String FILTER = "{\"segments\":[\"VAYOTS_DZOR_EAST\"]}";

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode messages(UUID incident) {
        return json(get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident), "staff1").body()).get("messages");
    }

    private List<Alert> received(String path, UUID incident) {
        return RECEIVER.accepted(path).stream().map(AlertServiceITSupport::notificationAlerts)
                .flatMap(List::stream).filter(a -> a.incidentId().equals(incident)).toList();
    }

    private static List<Alert> streamed(SseClient sse, UUID incident) {
        return sse.alerts().stream().map(SseClient.Frame::alert).filter(a -> a.incidentId().equals(incident))
                .toList();
    }

    /** A critical incident that reaches the webhook, then a LOW one 3 h later in event time that it mutes. */
    private UUID[] criticalAndMuted(String path, OffsetDateTime t) {
        UUID critical = UUID.randomUUID();
        UUID near = UUID.randomUUID();
        sendAssessments(Fixtures.assessment(critical, 1, SEGMENT, Severity.CRITICAL, Occurrence.CONFIRMED, false, t));
        await().atMost(Duration.ofSeconds(30)).until(() -> received(path, critical).size() == 1);
        sendAssessments(Fixtures.assessment(near, 1, SEGMENT, Severity.LOW, Occurrence.UNVERIFIED, false,
                t.plusHours(3)));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(near),
                "staff1").statusCode() == 200);
        assertThat(messages(near).get(0).get("muted").asString())
                .isEqualTo("inhibited by CRITICAL incident " + critical);
        return new UUID[] {critical, near};
    }

    @Test
    void aLowerSeverityVersionOfTheSourceReleasesWhatItHeldBackOnce() {
        String path = "/inhibition-lowered/" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(path), FILTER);
        OffsetDateTime t = Fixtures.EVENT_TIME.plusYears(50);
        try (SseClient sse = SseClient.connect(port, "/api/v1/alerts/stream?segments=VAYOTS_DZOR_EAST", "staff1",
                null)) {
            UUID[] ids = criticalAndMuted(path, t);
            UUID critical = ids[0];
            UUID near = ids[1];
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                    .until(() -> received(path, near).isEmpty() && streamed(sse, near).isEmpty());

            // the critical incident turns out HIGH: a lower severity is not sent, but it no longer inhibits
            sendAssessments(Fixtures.assessment(critical, 2, SEGMENT, Severity.HIGH, Occurrence.CONFIRMED, false, t));

            await().atMost(Duration.ofSeconds(30)).until(() -> received(path, near).size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> streamed(sse, near).size() == 1);
            Alert released = received(path, near).get(0);
            assertThat(released.sequence()).as("the held-back message itself").isEqualTo(1);
            assertThat(released.event()).isEqualTo(AlertEvent.FIRED);
            assertThat(streamed(sse, near).get(0).sequence()).isEqualTo(1);
            JsonNode history = messages(near);
            assertThat(history).hasSize(2);
            assertThat(history.get(1).get("reason").asString())
                    .isEqualTo("released: inhibition by " + critical + " ended");

            // a further version of the former source, and the periodic release job, send nothing again
            sendAssessments(Fixtures.assessment(critical, 3, SEGMENT, Severity.MEDIUM, Occurrence.CONFIRMED, false,
                    t));
            await().atMost(Duration.ofSeconds(30)).until(() -> json(get("/api/v1/verdicts/" + critical, "staff1")
                    .body()).get("latest").get("version").asLong() == 3);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> received(path, near).size() == 1 && streamed(sse, near).size() == 1);
            assertThat(messages(near)).hasSize(2);
            assertThat(received(path, critical)).as("the critical alert's own lower versions are not sent")
                    .hasSize(1);
        }
    }

    @Test
    void aReviewThatRefutesTheSourceReleasesWhatItHeldBack() {
        String path = "/inhibition-refuted/" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(path), FILTER);
        UUID[] ids = criticalAndMuted(path, Fixtures.EVENT_TIME.plusYears(51));
        UUID critical = ids[0];
        UUID near = ids[1];

        var reviewed = post("/api/v1/verdicts/" + critical + "/review", "staff1",
                "{\"occurrence\":\"REFUTED\",\"note\":\"EUMA patrol saw nothing\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> received(path, near).size() == 1);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> received(path, near).size() == 1);
        assertThat(received(path, near).get(0).sequence()).isEqualTo(1);
        assertThat(messages(near).get(1).get("reason").asString())
                .isEqualTo("released: inhibition by " + critical + " ended");
        assertThat(received(path, critical)).extracting(Alert::event)
                .containsExactly(AlertEvent.FIRED, AlertEvent.REVIEWED);
    }

    @Test
    void anAlertAlsoSilencedWaitsForTheSilenceThenIsReleasedOnce() {
        String path = "/inhibition-and-silence/" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(path), FILTER);
        OffsetDateTime t = Fixtures.EVENT_TIME.plusYears(52);
        UUID critical = UUID.randomUUID();
        sendAssessments(Fixtures.assessment(critical, 1, SEGMENT, Severity.CRITICAL, Occurrence.CONFIRMED, false, t));
        await().atMost(Duration.ofSeconds(30)).until(() -> received(path, critical).size() == 1);
        // a silence for LOW-level noise from one source, created after the critical alert went out
        var created = post("/api/v1/silences", "staff1", """
                {"segments":["VAYOTS_DZOR_EAST"],"sources":["am-mod"],"endsAt":"%s","reason":"known drill"}"""
                .formatted(Instant.now().plus(Duration.ofHours(1))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String silenceId = json(created.body()).get("id").asString();
        UUID near = UUID.randomUUID();
        sendAssessments(Fixtures.assessment(near, 1, SEGMENT, Severity.LOW, Occurrence.UNVERIFIED, false,
                t.plusHours(3)));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(near),
                "staff1").statusCode() == 200);
        assertThat(messages(near).get(0).get("muted").asString()).startsWith("inhibited by CRITICAL incident");

        sendAssessments(Fixtures.assessment(critical, 2, SEGMENT, Severity.HIGH, Occurrence.CONFIRMED, false, t));

        await().atMost(Duration.ofSeconds(30)).until(() -> messages(near).size() == 2);
        JsonNode held = messages(near).get(1);
        assertThat(held.get("reason").asString()).isEqualTo("still held back: inhibition by " + critical + " ended");
        assertThat(held.get("muted").asString()).startsWith("silenced by " + silenceId);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> received(path, near).isEmpty());

        assertThat(call("DELETE", "/api/v1/silences/" + silenceId, "staff1", null, null).statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> received(path, near).size() == 1);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> received(path, near).size() == 1);
        assertThat(messages(near).get(2).get("reason").asString()).isEqualTo("released: " + silenceId + " has ended");
    }
}
