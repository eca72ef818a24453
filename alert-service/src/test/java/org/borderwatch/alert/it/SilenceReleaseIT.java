package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.testkit.WebhookReceiver;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An alert that started firing while silenced is announced when the silence ends — deleted, or by its end time —
 * once, to the subscribers that were never told its current version.
 */
class SilenceReleaseIT extends AlertServiceITSupport {

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static final String FILTER = "{\"segments\":[\"LACHIN_CORRIDOR\"],\"signals\":[\"SPREAD\"]}";

    @Autowired
    AlertDispatcher dispatcher;

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode alert(UUID incident) {
        return json(get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident), "staff1").body());
    }

    /** The copies of this incident's messages the receiver accepted on the path. */
    private List<Alert> received(String path, UUID incident) {
        return RECEIVER.accepted(path).stream().map(AlertServiceITSupport::notificationAlerts)
                .flatMap(List::stream).filter(a -> a.incidentId().equals(incident)).toList();
    }

    private String silence(Instant endsAt) {
        var created = post("/api/v1/silences", "staff1", """
                {"segments":["LACHIN_CORRIDOR"],"signals":["SPREAD"],"endsAt":"%s","reason":"drill in the corridor"}"""
                .formatted(endsAt));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created.body()).get("id").asString();
    }

    private UUID sendMuted(String silenceId, int years) {
        UUID incident = UUID.randomUUID();
        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.LACHIN_CORRIDOR, Severity.MEDIUM,
                Occurrence.UNVERIFIED, false, Fixtures.EVENT_TIME.plusYears(years), SignalType.SPREAD));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/alerts/"
                + AlertLifecycle.alertIdOf(incident), "staff1").statusCode() == 200);
        assertThat(alert(incident).get("messages").get(0).get("muted").asString())
                .contains("silenced by " + silenceId);
        return incident;
    }

    @Test
    void deletingASilenceAnnouncesTheAlertsItHeldBackOnce() {
        String path = "/released/" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(path), FILTER);
        String silenceId = silence(Instant.now().plus(Duration.ofHours(1)));
        UUID incident = sendMuted(silenceId, 14);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> received(path, incident).isEmpty());

        assertThat(call("DELETE", "/api/v1/silences/" + silenceId, "staff1", null, null).statusCode())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(15)).until(() -> !received(path, incident).isEmpty());
        dispatcher.releaseSilenced();
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> received(path, incident).size() == 1);
        Alert announced = received(path, incident).get(0);
        assertThat(announced.sequence()).as("the current version's message, not a new one").isEqualTo(1);
        assertThat(announced.changes()).as("a late message says it was held back")
                .containsExactly("released: held back by silence " + silenceId + ", which has ended");
        WebhookReceiver.Request request = RECEIVER.accepted(path).get(0);
        assertThat(request.header("X-BorderWatch-Signature"))
                .isEqualTo(signatureOf(SECRET, request.header("X-BorderWatch-Timestamp"), request.body()));
        JsonNode messages = alert(incident).get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).get("reason").asString()).startsWith("released: " + silenceId);
    }

    @Test
    void aSilenceThatRunsOutAnnouncesTheAlertsItHeldBack() {
        String path = "/ran-out/" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(path), FILTER);
        // test audit T8: the silence runs by the service's clock, an hour behind while the assessment arrives; the
        // silence ends half an hour later by that clock, so however slow the machine it holds until the clock is put
        // back to real time, and then it has run out
        clock.shift(Duration.ofHours(-1));
        String silenceId = silence(clock.instant().plus(Duration.ofMinutes(30)));
        UUID incident = sendMuted(silenceId, 15);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> received(path, incident).isEmpty());

        clock.reset();
        await().atMost(Duration.ofSeconds(30)).until(() -> !received(path, incident).isEmpty());
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> received(path, incident).size() == 1);
        assertThat(alert(incident).get("messages").get(1).get("reason").asString()).contains("has ended");
    }

    /**
     * A subscriber silenced through FIRED and the UPDATE after it gets only the released UPDATE: it must make sense
     * on its own — every message carries the alert's whole current state (severity, occurrence, signals, event
     * time, summary, rationale), not a difference to the message before. It is the subscriber's first word about
     * the incident, so it comes as news: event FIRED (sequence 2 all the same), no changes against the FIRED it never
     * received, only that it was held back.
     */
    @Test
    void aReleasedUpdateStandsOnItsOwnForASubscriberThatMissedTheFiring() {
        String path = "/released-update/" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(path), FILTER);
        String silenceId = silence(Instant.now().plus(Duration.ofHours(1)));
        UUID incident = sendMuted(silenceId, 16);
        sendAssessments(Fixtures.assessment(incident, 2, BorderSegment.LACHIN_CORRIDOR, Severity.HIGH,
                Occurrence.CONFIRMED, false, Fixtures.EVENT_TIME.plusYears(16), SignalType.SPREAD));
        await().atMost(Duration.ofSeconds(30)).until(() -> alert(incident).get("messages").size() == 2);
        assertThat(alert(incident).get("messages").get(1).get("muted").asString()).contains("silenced by " + silenceId);

        assertThat(call("DELETE", "/api/v1/silences/" + silenceId, "staff1", null, null).statusCode())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(15)).until(() -> !received(path, incident).isEmpty());
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> received(path, incident).size() == 1);
        Alert update = received(path, incident).get(0);
        assertThat(update.sequence()).as("only the current message, not the missed FIRED").isEqualTo(2);
        assertThat(update.event()).as("its first word: news, not an update")
                .isEqualTo(org.borderwatch.common.model.AlertEvent.FIRED);
        assertThat(update.status()).isEqualTo(org.borderwatch.common.model.AlertStatus.FIRING);
        assertThat(update.severity()).isEqualTo(Severity.HIGH);
        assertThat(update.occurrence()).isEqualTo(Occurrence.CONFIRMED);
        assertThat(update.signals()).containsExactly(SignalType.SPREAD);
        assertThat(update.window()).isNotNull();
        assertThat(update.window().from().toInstant())
                .isEqualTo(Fixtures.EVENT_TIME.plusYears(16).toInstant());
        assertThat(update.summary()).contains("HIGH").contains("LACHIN_CORRIDOR").contains("CONFIRMED")
                .contains("SPREAD");
        assertThat(update.rationale()).isNotEmpty()
                .contains("AZ MoD claimed small-arms fire at 10:40 near Sotk");
        assertThat(update.casualties()).isNotEmpty();
        assertThat(update.changes()).as("nothing measured against a FIRED it never got; that it was held back")
                .containsExactly("released: held back by silence " + silenceId + ", which has ended");
        assertThat(alert(incident).get("latest").get("changes").toString()).as("the alert's own copy keeps its words")
                .contains("severity MEDIUM -> HIGH", "occurrence UNVERIFIED -> CONFIRMED");
    }
}
