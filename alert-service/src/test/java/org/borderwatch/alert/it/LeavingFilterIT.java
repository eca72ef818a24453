package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.testkit.WebhookReceiver;
import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.alert.delivery.webhook.WebhookChannel;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.schema.JsonSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscriber told about an incident whose filter a later version no longer matches hears it once more, marked as
 * its last word, through the real broker, store, worker and webhook receiver: a severity that drops below its
 * minimum (a version that matters to nobody else: a leave notice made for it alone, also through a grouped and a
 * digest subscription), an occurrence that becomes REFUTED, a signal it filtered on that disappears. Afterwards it
 * hears nothing more about the incident, not the resolution either; a subscriber still matching hears exactly what
 * it did before (no leave notices), and one never told hears nothing.
 */
class LeavingFilterIT extends AlertServiceITSupport {

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(StandardCharsets.UTF_8));
    }

    private String subscribe(String path, String filter, String extra) {
        var response = post("/api/v1/subscriptions", "staff1", """
                {"name":"%s","channel":{"type":"webhook","url":"%s","secret":"%s"},"filter":%s%s}"""
                .formatted(path, RECEIVER.url(path), SECRET, filter, extra));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response.body()).get("id").asString();
    }

    /** The notifications a path received (signature checked), each with its alerts of this incident. */
    private static List<Notification> received(String path, UUID incident) {
        List<Notification> out = new ArrayList<>();
        for (WebhookReceiver.Request r : RECEIVER.accepted(path)) {
            assertThat(r.header("X-BorderWatch-Signature"))
                    .isEqualTo(signatureOf(SECRET, r.header("X-BorderWatch-Timestamp"), r.body()));
            // the common Notification schema still holds with the added noLongerMatching list
            assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION, new String(r.body(), StandardCharsets.UTF_8)))
                    .isEmpty();
            Notification n = Json.read(r.body(), Notification.class);
            if (n.alerts().stream().anyMatch(a -> a.incidentId().equals(incident))) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<Long> sequences(String path, UUID incident) {
        return received(path, incident).stream().flatMap(n -> n.alerts().stream())
                .filter(a -> a.incidentId().equals(incident)).map(Alert::sequence).sorted().toList();
    }

    /** Per subscription id, the sequences it has outbox rows for, and why each no longer matched (or "-"). */
    private Map<String, Map<Long, String>> routed(UUID incident) {
        Map<String, Map<Long, String>> out = new TreeMap<>();
        for (JsonNode d : json(get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident) + "/deliveries",
                "staff1").body())) {
            JsonNode why = d.path("noLongerMatching");
            out.computeIfAbsent(d.get("subscriptionId").asString(), k -> new TreeMap<>())
                    .put(d.get("sequence").asLong(), why.isMissingNode() || why.isNull() ? "-" : why.asString());
        }
        return out;
    }

    private static Assessment v(UUID incident, long version, Severity severity, Occurrence occurrence,
                                boolean closed, SignalType... signals) {
        return Fixtures.assessment(incident, version, BorderSegment.GEGHARKUNIK, severity, occurrence, closed,
                Fixtures.EVENT_TIME.plusYears(80), signals);
    }

    @Test
    void eachSubscriberWhoseFilterTheIncidentLeavesHearsItOnceMarkedAndThenNothingMore() {
        String id = UUID.randomUUID().toString();
        String highPath = "/leaving/high-" + id;
        String groupedPath = "/leaving/grouped-" + id;
        String digestPath = "/leaving/digest-" + id;
        String confirmedPath = "/leaving/confirmed-" + id;
        String fatalPath = "/leaving/fatal-" + id;
        String allPath = "/leaving/all-" + id;
        String laterPath = "/leaving/later-" + id;
        String highFilter = "{\"segments\":[\"GEGHARKUNIK\"],\"minSeverity\":\"HIGH\"}";
        String high = subscribe(highPath, highFilter, "");
        String capPath = "/leaving/cap-" + id;
        var capCreated = post("/api/v1/subscriptions", "staff1", """
                {"name":"cap desk","channel":{"type":"webhook","url":"%s","secret":"%s","format":"cap"},"filter":%s}"""
                .formatted(RECEIVER.url(capPath), SECRET, highFilter));
        assertThat(capCreated.statusCode()).isEqualTo(201);
        String grouped = subscribe(groupedPath, highFilter, ",\"groupWait\":\"PT1S\"");
        String digest = subscribe(digestPath, highFilter, ",\"mode\":\"digest\",\"digestInterval\":\"PT2S\"");
        String confirmed = subscribe(confirmedPath,
                "{\"segments\":[\"GEGHARKUNIK\"],\"occurrences\":[\"CONFIRMED\",\"DISPUTED\"]}", "");
        String fatal = subscribe(fatalPath, "{\"segments\":[\"GEGHARKUNIK\"],\"signals\":[\"FATALITIES\"]}", "");
        String all = subscribe(allPath, "{\"segments\":[\"GEGHARKUNIK\"]}", "");
        UUID incident = UUID.randomUUID();
        UUID alertId = AlertLifecycle.alertIdOf(incident);

        sendAssessments(v(incident, 1, Severity.HIGH, Occurrence.CONFIRMED, false, SignalType.FATALITIES));
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(highPath, groupedPath, digestPath, confirmedPath,
                fatalPath, allPath).stream().allMatch(p -> sequences(p, incident).equals(List.of(1L))));
        // told nothing yet: subscribed after the FIRED, never matching anything later either
        String later = subscribe(laterPath, "{\"segments\":[\"GEGHARKUNIK\"],\"minSeverity\":\"CRITICAL\"}", "");

        // 2: severity down — nothing that matters as a whole, but it leaves the HIGH desks' filters
        sendAssessments(v(incident, 2, Severity.MEDIUM, Occurrence.CONFIRMED, false, SignalType.FATALITIES));
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(highPath, groupedPath, digestPath).stream()
                .allMatch(p -> sequences(p, incident).equals(List.of(1L, 2L))));
        String severityWhy = "severity MEDIUM is below minSeverity HIGH";
        for (String path : List.of(highPath, groupedPath, digestPath)) {
            Notification last = received(path, incident).get(received(path, incident).size() - 1);
            Alert notice = last.alerts().stream().filter(a -> a.sequence() == 2).findFirst().orElseThrow();
            assertThat(notice.event()).as(path).isEqualTo(AlertEvent.UPDATED);
            assertThat(notice.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(last.noLongerMatching()).as(path)
                    .containsExactly(new Notification.NoLongerMatching(alertId, 2, severityWhy));
        }
        // CAP has no place for it: the CAP webhook's Update says it in a header
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(capPath).size() == 2);
        assertThat(RECEIVER.accepted(capPath).get(0).header(WebhookChannel.HEADER_NO_LONGER_MATCHING)).isNull();
        WebhookReceiver.Request capNotice = RECEIVER.accepted(capPath).get(1);
        assertThat(new String(capNotice.body(), StandardCharsets.UTF_8)).contains("<msgType>Update</msgType>");
        assertThat(capNotice.header(WebhookChannel.HEADER_NO_LONGER_MATCHING)).isEqualTo(severityWhy);
        JsonNode history = json(get("/api/v1/alerts/" + alertId, "staff1").body()).get("messages");
        assertThat(history.get(1).get("leaveNotice").asBoolean()).isTrue();
        assertThat(history.get(1).get("reason").asString()).startsWith("no longer matches '")
                .contains("(" + severityWhy + ")").endsWith("; nothing that matters changed");

        // 3: REFUTED and the signal gone — material: an update for those still matching, the last word for two more
        sendAssessments(v(incident, 3, Severity.MEDIUM, Occurrence.REFUTED, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> sequences(allPath, incident).equals(List.of(1L, 3L))
                && sequences(confirmedPath, incident).equals(List.of(1L, 3L))
                && sequences(fatalPath, incident).equals(List.of(1L, 3L)));
        assertThat(received(confirmedPath, incident).get(1).noLongerMatching()).containsExactly(
                new Notification.NoLongerMatching(alertId, 3, "occurrence REFUTED is not one of CONFIRMED, DISPUTED"));
        assertThat(received(fatalPath, incident).get(1).noLongerMatching()).containsExactly(
                new Notification.NoLongerMatching(alertId, 3, "no signal any more (signals FATALITIES)"));
        assertThat(received(allPath, incident).get(1).noLongerMatching()).isEmpty();

        // 4: closed — the resolution reaches the one still in; the others had their last word already
        sendAssessments(v(incident, 4, Severity.MEDIUM, Occurrence.REFUTED, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> sequences(allPath, incident).equals(List.of(1L, 3L, 4L)));
        // a redelivered version 2 changes nothing
        sendAssessments(v(incident, 2, Severity.MEDIUM, Occurrence.CONFIRMED, false, SignalType.FATALITIES));
        UUID marker = UUID.randomUUID();
        sendAssessments(Fixtures.assessment(marker, 1, BorderSegment.UNRESOLVED, Severity.INFO,
                Occurrence.UNVERIFIED, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/verdicts/" + marker, "staff1")
                .statusCode() == 200);

        // what was routed to whom: decided when each message was made, so nothing more can come
        Map<String, Map<Long, String>> routed = routed(incident);
        assertThat(routed.get(high)).isEqualTo(Map.of(1L, "-", 2L, severityWhy));
        assertThat(routed.get(grouped)).isEqualTo(Map.of(1L, "-", 2L, severityWhy));
        assertThat(routed.get(digest)).isEqualTo(Map.of(1L, "-", 2L, severityWhy));
        assertThat(routed.get(confirmed)).isEqualTo(Map.of(1L, "-",
                3L, "occurrence REFUTED is not one of CONFIRMED, DISPUTED"));
        assertThat(routed.get(fatal)).isEqualTo(Map.of(1L, "-", 3L, "no signal any more (signals FATALITIES)"));
        assertThat(routed.get(all)).as("still matching: no leave notice").isEqualTo(Map.of(1L, "-", 3L, "-",
                4L, "-"));
        assertThat(routed).doesNotContainKey(later);
        assertThat(json(get("/api/v1/alerts/" + alertId, "staff1").body()).get("messages")).hasSize(4);
        assertThat(sequences(highPath, incident)).containsExactly(1L, 2L);
        assertThat(RECEIVER.accepted(capPath)).hasSize(2);
        assertThat(sequences(laterPath, incident)).isEmpty();
    }

    @Test
    void aMutedLeaveNoticeIsReleasedToTheLeavingSubscriberAloneWhenTheSilenceEnds() {
        String id = UUID.randomUUID().toString();
        String highPath = "/leaving/silenced-high-" + id;
        String allPath = "/leaving/silenced-all-" + id;
        String high = subscribe(highPath, "{\"segments\":[\"SYUNIK_WEST\"],\"minSeverity\":\"HIGH\"}", "");
        String all = subscribe(allPath, "{\"segments\":[\"SYUNIK_WEST\"],\"signals\":[\"QUIET_BROKEN\"]}", "");
        UUID incident = UUID.randomUUID();
        UUID alertId = AlertLifecycle.alertIdOf(incident);
        var t = Fixtures.EVENT_TIME.plusYears(85);
        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.SYUNIK_WEST, Severity.HIGH,
                Occurrence.CONFIRMED, false, t, SignalType.QUIET_BROKEN));
        await().atMost(Duration.ofSeconds(30)).until(() -> sequences(highPath, incident).equals(List.of(1L))
                && sequences(allPath, incident).equals(List.of(1L)));

        var created = post("/api/v1/silences", "staff1", """
                {"segments":["SYUNIK_WEST"],"signals":["QUIET_BROKEN"],"endsAt":"%s","reason":"patrol exercise"}"""
                .formatted(java.time.Instant.now().plus(Duration.ofHours(1))));
        assertThat(created.statusCode()).isEqualTo(201);
        String silenceId = json(created.body()).get("id").asString();
        try {
            sendAssessments(Fixtures.assessment(incident, 2, BorderSegment.SYUNIK_WEST, Severity.MEDIUM,
                    Occurrence.CONFIRMED, false, t, SignalType.QUIET_BROKEN));
            await().atMost(Duration.ofSeconds(30)).until(() -> json(get("/api/v1/alerts/" + alertId, "staff1")
                    .body()).get("messages").size() == 2);
            JsonNode notice = json(get("/api/v1/alerts/" + alertId, "staff1").body()).get("messages").get(1);
            assertThat(notice.get("leaveNotice").asBoolean()).isTrue();
            assertThat(notice.get("muted").asString()).startsWith("silenced by " + silenceId);
            assertThat(routed(incident).get(high)).as("muted: not routed yet").isEqualTo(Map.of(1L, "-"));
        } finally {
            assertThat(call("DELETE", "/api/v1/silences/" + silenceId, "staff1", null, null).statusCode())
                    .isEqualTo(204);
        }

        // released: to the subscriber it leaves, marked; not to the one still matching (not news for it)
        await().atMost(Duration.ofSeconds(30)).until(() -> sequences(highPath, incident).equals(List.of(1L, 2L)));
        Notification released = received(highPath, incident).get(1);
        assertThat(released.noLongerMatching()).containsExactly(new Notification.NoLongerMatching(alertId, 2,
                "severity MEDIUM is below minSeverity HIGH"));
        JsonNode messages = json(get("/api/v1/alerts/" + alertId, "staff1").body()).get("messages");
        assertThat(messages.get(messages.size() - 1).get("reason").asString())
                .isEqualTo("released: " + silenceId + " has ended");
        assertThat(routed(incident).get(all)).isEqualTo(Map.of(1L, "-"));
        assertThat(routed(incident).get(high)).isEqualTo(Map.of(1L, "-", 2L,
                "severity MEDIUM is below minSeverity HIGH"));
    }
}
