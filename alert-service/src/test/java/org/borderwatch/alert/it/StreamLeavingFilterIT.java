package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.SseClient;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live stream tells a client whose filter an incident leaves, once, as the other channels do: a real HTTP
 * client reads the stream while an incident is downgraded below its minSeverity (a version with nothing that matters
 * as a whole, no subscription leaving) or refuted out of its occurrences, also across a reconnect.
 */
class StreamLeavingFilterIT extends AlertServiceITSupport {

    private static List<SseClient.Frame> of(SseClient client, UUID incident) {
        return client.alerts().stream().filter(f -> f.alert().incidentId().equals(incident)).toList();
    }

    private static JsonNode data(SseClient.Frame f) {
        return Json.tree(f.data().getBytes(StandardCharsets.UTF_8));
    }

    private void awaitStored(UUID incident, long version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var r = get("/api/v1/verdicts/" + incident, "staff1");
            return r.statusCode() == 200 && Json.tree(r.body().getBytes(StandardCharsets.UTF_8)).get("latest")
                    .get("version").asLong() == version;
        });
    }

    private static Assessment v(UUID incident, long version, Severity severity, Occurrence occurrence,
                                boolean closed, BorderSegment segment, OffsetDateTime at) {
        return Fixtures.assessment(incident, version, segment, severity, occurrence, closed, at);
    }

    @Test
    void aDowngradedIncidentIsTheLastWordOfTheStreamWatchingCritical() {
        // far from other tests' incidents in event time: this CRITICAL incident mutes none of theirs
        OffsetDateTime at = Fixtures.EVENT_TIME.plusYears(70);
        UUID incident = UUID.randomUUID();
        String q = "/api/v1/alerts/stream?segment=ARARAT&timeoutMillis=120000&minSeverity=";
        try (SseClient critical = SseClient.connect(port, q + "CRITICAL", "staff1", null);
             SseClient high = SseClient.connect(port, q + "HIGH", "staff2", null);
             SseClient elsewhere = SseClient.connect(port,
                     "/api/v1/alerts/stream?segment=TAVUSH&minSeverity=CRITICAL", "staff1", null)) {
            sendAssessments(v(incident, 1, Severity.CRITICAL, Occurrence.CONFIRMED, false, BorderSegment.ARARAT, at));
            await().atMost(Duration.ofSeconds(30)).until(() -> of(critical, incident).size() == 1
                    && of(high, incident).size() == 1);
            assertThat(of(critical, incident).get(0).event()).isEqualTo("fired");

            // severity CRITICAL -> HIGH: nothing that matters as a whole, and no subscription leaves; the stream
            // watching CRITICAL gets the current state once more, marked as its last word
            sendAssessments(v(incident, 2, Severity.HIGH, Occurrence.CONFIRMED, false, BorderSegment.ARARAT, at));
            await().atMost(Duration.ofSeconds(30)).until(() -> of(critical, incident).size() == 2
                    && of(high, incident).size() == 2);
            SseClient.Frame last = of(critical, incident).get(1);
            assertThat(last.event()).isEqualTo("updated");
            assertThat(last.alert().severity()).isEqualTo(Severity.HIGH);
            JsonNode mark = data(last).get("noLongerMatching");
            assertThat(mark.get("alertId").asString()).isEqualTo(AlertLifecycle.alertIdOf(incident).toString());
            assertThat(mark.get("sequence").asLong()).isEqualTo(last.alert().sequence()).isEqualTo(2);
            assertThat(mark.get("why").asString()).isEqualTo("severity HIGH is below minSeverity CRITICAL");
            assertThat(Long.parseLong(last.id())).isGreaterThan(Long.parseLong(of(critical, incident).get(0).id()));
            // for the stream watching HIGH it is an ordinary update, unmarked
            assertThat(data(of(high, incident).get(1)).has("noLongerMatching")).isFalse();
            // the alert's history says why the version became a message
            JsonNode alert = Json.tree(get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident), "staff1").body()
                    .getBytes(StandardCharsets.UTF_8));
            JsonNode notice = alert.get("messages").get(1);
            assertThat(notice.get("leaveNotice").asBoolean()).isTrue();
            assertThat(notice.get("reason").asString())
                    .contains("may leave live-stream filters (severity CRITICAL -> HIGH)");

            // further down: nothing more for the CRITICAL stream; the HIGH stream's last word now
            sendAssessments(v(incident, 3, Severity.MEDIUM, Occurrence.CONFIRMED, false, BorderSegment.ARARAT, at));
            await().atMost(Duration.ofSeconds(30)).until(() -> of(high, incident).size() == 3);
            assertThat(data(of(high, incident).get(2)).get("noLongerMatching").get("why").asString())
                    .isEqualTo("severity MEDIUM is below minSeverity HIGH");
            assertThat(of(critical, incident)).hasSize(2);

            // back to CRITICAL: it matches again (an update, unmarked); then closed as LOW: the resolution
            // reaches the streams it was in, although LOW matches neither
            sendAssessments(v(incident, 4, Severity.CRITICAL, Occurrence.CONFIRMED, false, BorderSegment.ARARAT, at));
            await().atMost(Duration.ofSeconds(30)).until(() -> of(critical, incident).size() == 3);
            assertThat(of(critical, incident).get(2).alert().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(data(of(critical, incident).get(2)).has("noLongerMatching")).isFalse();
            sendAssessments(v(incident, 5, Severity.LOW, Occurrence.CONFIRMED, true, BorderSegment.ARARAT, at));
            await().atMost(Duration.ofSeconds(30)).until(() -> of(critical, incident).size() == 4
                    && of(high, incident).size() == 5);
            assertThat(of(critical, incident).get(3).event()).isEqualTo("resolved");
            assertThat(data(of(critical, incident).get(3)).has("noLongerMatching")).isFalse();
            assertThat(of(high, incident)).extracting(SseClient.Frame::event)
                    .containsExactly("fired", "updated", "updated", "updated", "resolved");

            // a stream never told about the incident hears nothing of it
            assertThat(of(elsewhere, incident)).isEmpty();
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                    .until(() -> of(critical, incident).size() == 4);
        }
    }

    @Test
    void aRefutedIncidentIsTheLastWordAlsoForAClientThatReconnects() {
        OffsetDateTime at = Fixtures.EVENT_TIME.plusYears(71);
        UUID incident = UUID.randomUUID();
        String q = "/api/v1/alerts/stream?segment=SYUNIK_WEST&occurrences=CONFIRMED,DISPUTED&timeoutMillis=120000";
        String resumeFrom;
        try (SseClient before = SseClient.connect(port, q, "staff1", null)) {
            sendAssessments(v(incident, 1, Severity.HIGH, Occurrence.CONFIRMED, false, BorderSegment.SYUNIK_WEST,
                    at));
            await().atMost(Duration.ofSeconds(30)).until(() -> of(before, incident).size() == 1);
            resumeFrom = of(before, incident).get(0).id();
        }
        // while the client is away: refuted (material: an update) and then lower (no message for this client)
        sendAssessments(v(incident, 2, Severity.HIGH, Occurrence.REFUTED, false, BorderSegment.SYUNIK_WEST, at));
        awaitStored(incident, 2);
        try (SseClient after = SseClient.connect(port, q, "staff1", resumeFrom)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> of(after, incident).size() == 1);
            SseClient.Frame last = of(after, incident).get(0);
            assertThat(last.event()).isEqualTo("updated");
            assertThat(last.alert().occurrence()).isEqualTo(Occurrence.REFUTED);
            assertThat(data(last).get("noLongerMatching").get("why").asString())
                    .isEqualTo("occurrence REFUTED is not one of CONFIRMED, DISPUTED");

            sendAssessments(v(incident, 3, Severity.MEDIUM, Occurrence.REFUTED, false, BorderSegment.SYUNIK_WEST,
                    at));
            awaitStored(incident, 3);
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3))
                    .until(() -> of(after, incident).size() == 1);
        }
        // a fresh connection was never told: the incident's later messages do not reach it unless they match
        try (SseClient fresh = SseClient.connect(port, q, "staff2", null)) {
            sendAssessments(v(incident, 4, Severity.LOW, Occurrence.REFUTED, false, BorderSegment.SYUNIK_WEST, at));
            awaitStored(incident, 4);
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3))
                    .until(() -> of(fresh, incident).isEmpty());
        }
    }
}
