package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The classifier's corrected final version (a closed version after the closed one) through the real broker and
 * store: those told about the incident hear the correction once, as an UPDATED with status RESOLVED — one whose
 * filter it no longer matches too, marked as its last word; a redelivery sends nothing; a subscriber the correction
 * newly matches is not told; a silence mutes a correction like any update, and its end does not release it (the
 * alert is resolved).
 */
class CorrectionAfterClosureIT extends AlertServiceITSupport {

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(StandardCharsets.UTF_8));
    }

    private List<Alert> alertsOf(String path, UUID incident) {
        List<Alert> out = new ArrayList<>();
        RECEIVER.accepted(path).forEach(r -> notificationAlerts(r).stream()
                .filter(a -> a.incidentId().equals(incident)).forEach(out::add));
        return out;
    }

    private JsonNode alert(UUID incident) {
        return json(get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident), "staff1").body());
    }

    /** Deliveries of the incident's alert to the given subscriptions (other tests' subscriptions may match too). */
    private long deliveries(UUID incident, String... subscriptionIds) {
        List<String> ids = List.of(subscriptionIds);
        JsonNode rows = json(get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident) + "/deliveries", "staff1")
                .body());
        long n = 0;
        for (JsonNode row : rows) {
            if (ids.contains(row.get("subscriptionId").asString())) {
                n++;
            }
        }
        return n;
    }

    /** Waits until a marker assessment sent after {@code before} is stored: one partition, so all before it are. */
    private void awaitConsumedUpTo(Assessment before) {
        UUID marker = UUID.randomUUID();
        sendAssessments(before, Fixtures.assessment(marker, 1, BorderSegment.UNRESOLVED, Severity.INFO,
                Occurrence.UNVERIFIED, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/verdicts/" + marker, "staff1")
                .statusCode() == 200);
    }

    private Assessment v(UUID incident, long version, Severity severity, Occurrence occurrence, boolean closed,
                         SignalType... signals) {
        return Fixtures.assessment(incident, version, BorderSegment.ARARAT, severity, occurrence, closed,
                Fixtures.EVENT_TIME.plusYears(6), signals);
    }

    @Test
    void aCorrectedFinalVersionReachesThoseToldOnceAndARedeliverySendsNothing() {
        String toldPath = "/hooks/told-" + UUID.randomUUID();
        String unverifiedPath = "/hooks/unverified-" + UUID.randomUUID();
        String highPath = "/hooks/high-" + UUID.randomUUID();
        String told = subscribeWebhook("staff1", RECEIVER.url(toldPath), "{\"segments\":[\"ARARAT\"]}");
        String unverified = subscribeWebhook("staff1", RECEIVER.url(unverifiedPath),
                "{\"segments\":[\"ARARAT\"],\"occurrences\":[\"UNVERIFIED\"]}");
        String high = subscribeWebhook("staff1", RECEIVER.url(highPath),
                "{\"segments\":[\"ARARAT\"],\"minSeverity\":\"HIGH\"}");
        UUID incident = UUID.randomUUID();

        sendAssessments(v(incident, 1, Severity.MEDIUM, Occurrence.UNVERIFIED, false));
        sendAssessments(v(incident, 2, Severity.MEDIUM, Occurrence.UNVERIFIED, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsOf(toldPath, incident).size() == 2
                && alertsOf(unverifiedPath, incident).size() == 2);
        assertThat(alertsOf(toldPath, incident)).extracting(Alert::event)
                .containsExactly(AlertEvent.FIRED, AlertEvent.RESOLVED);

        // a late denial: the classifier's corrected final version, DISPUTED and now HIGH, still closed
        Assessment corrected = v(incident, 3, Severity.HIGH, Occurrence.DISPUTED, true);
        sendAssessments(corrected);

        await().atMost(Duration.ofSeconds(30)).until(() -> alertsOf(toldPath, incident).size() == 3);
        Alert correction = alertsOf(toldPath, incident).get(2);
        assertThat(correction.event()).isEqualTo(AlertEvent.UPDATED);
        assertThat(correction.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(correction.sequence()).isEqualTo(3);
        assertThat(correction.assessmentVersion()).isEqualTo(3);
        assertThat(correction.occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(correction.summary()).contains("corrected after closure");

        JsonNode stored = alert(incident);
        assertThat(stored.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(stored.get("messages").get(2).get("reason").asString())
                .startsWith("corrected after closure").contains("occurrence UNVERIFIED -> DISPUTED");

        // the CAP form: an Update of the two earlier messages, urgency Past
        String cap = call("GET", "/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident), "staff1", null,
                "application/cap+xml").body();
        assertThat(cap).contains("<msgType>Update</msgType>", "<urgency>Past</urgency>",
                "-" + AlertLifecycle.alertIdOf(incident) + "-1,", "-" + AlertLifecycle.alertIdOf(incident) + "-2,");

        // a redelivery of the corrected version changes nothing
        awaitConsumedUpTo(corrected);
        assertThat(alert(incident).get("messages")).hasSize(3);
        assertThat(deliveries(incident, told, unverified, high)).as("2 + 2 + the correction to both told")
                .isEqualTo(6);
        assertThat(alertsOf(toldPath, incident)).hasSize(3);
        // told before, no longer matching (UNVERIFIED only): the correction is its last word, marked so
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsOf(unverifiedPath, incident).size() == 3);
        var last = RECEIVER.accepted(unverifiedPath).stream()
                .map(r -> Json.read(r.body(), org.borderwatch.alert.delivery.Notification.class))
                .filter(n -> n.alerts().stream().anyMatch(a -> a.incidentId().equals(incident) && a.sequence() == 3))
                .findFirst().orElseThrow();
        assertThat(last.noLongerMatching()).extracting(n -> n.why())
                .containsExactly("occurrence DISPUTED is not one of UNVERIFIED");
        assertThat(alertsOf(toldPath, incident).get(2).status()).isEqualTo(AlertStatus.RESOLVED);
        // newly matching (HIGH, never told): does not hear of it through a correction
        assertThat(alertsOf(highPath, incident)).isEmpty();
    }

    @Test
    void aSilenceMutesACorrectionAndItsEndDoesNotReleaseIt() {
        String path = "/hooks/silenced-" + UUID.randomUUID();
        String subscription = subscribeWebhook("staff1", RECEIVER.url(path), "{\"segments\":[\"ARARAT\"]}");
        UUID incident = UUID.randomUUID();
        sendAssessments(v(incident, 1, Severity.LOW, Occurrence.UNVERIFIED, false),
                v(incident, 2, Severity.LOW, Occurrence.UNVERIFIED, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsOf(path, incident).size() == 2);

        var created = post("/api/v1/silences", "staff1", """
                {"segments":["ARARAT"],"signals":["FATALITIES"],"endsAt":"%s","reason":"casualty figures under review"}"""
                .formatted(Instant.now().plus(Duration.ofHours(1))));
        assertThat(created.statusCode()).isEqualTo(201);
        String silenceId = json(created.body()).get("id").asString();
        try {
            Assessment corrected = v(incident, 3, Severity.LOW, Occurrence.UNVERIFIED, true, SignalType.FATALITIES);
            sendAssessments(corrected);
            await().atMost(Duration.ofSeconds(30)).until(() -> alert(incident).get("messages").size() == 3);
            assertThat(alert(incident).get("messages").get(2).get("muted").asString()).startsWith("silenced by");
        } finally {
            assertThat(call("DELETE", "/api/v1/silences/" + silenceId, "staff1", null, null).statusCode())
                    .isEqualTo(204);
        }
        awaitConsumedUpTo(v(incident, 3, Severity.LOW, Occurrence.UNVERIFIED, true, SignalType.FATALITIES));
        assertThat(alert(incident).get("messages")).as("no release entry for a resolved alert").hasSize(3);
        assertThat(deliveries(incident, subscription)).isEqualTo(2);
        assertThat(alertsOf(path, incident)).hasSize(2);
    }
}
