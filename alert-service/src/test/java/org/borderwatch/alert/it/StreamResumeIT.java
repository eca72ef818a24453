package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.SseClient;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.StreamLogStore;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live stream is resumable: event ids are cursors of the stream log in MongoDB; a client that reconnects with
 * Last-Event-ID first gets the messages it missed that match its filter, in order, then the live ones, with no
 * gap and no duplicate at the switch-over. Read with a real HTTP client.
 */
class StreamResumeIT extends AlertServiceITSupport {

    private static final String KARABAKH = "/api/v1/alerts/stream?segments=KARABAKH&minSeverity=MEDIUM";
    private static final OffsetDateTime WHEN = Fixtures.EVENT_TIME.plusYears(20);

    @Autowired
    StreamLogStore streamLog;

    private static org.borderwatch.common.model.Assessment karabakh(UUID incident, long version, Severity severity,
                                                                      SignalType... signals) {
        return Fixtures.assessment(incident, version, BorderSegment.KARABAKH, severity, Occurrence.UNVERIFIED, false,
                WHEN, signals);
    }

    private static List<String> messages(List<SseClient.Frame> frames) {
        return frames.stream().map(f -> f.alert().incidentId() + " " + f.alert().event()).toList();
    }

    private static List<Long> ids(List<SseClient.Frame> frames) {
        return frames.stream().map(f -> Long.parseLong(f.id())).toList();
    }

    @Test
    void aReconnectingClientGetsExactlyTheMissedMessagesInOrderThenLiveOnes() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        UUID low = UUID.randomUUID();
        // a second client stays connected the whole time: what everyone was sent, with the same ids
        try (SseClient watcher = SseClient.connect(port, KARABAKH, "staff2", null)) {
            SseClient wallboard = SseClient.connect(port, KARABAKH, "staff1", null);
            assertThat(wallboard.frames().get(0).id()).as("the first frame already carries a cursor").isNotNull();
            sendAssessments(karabakh(first, 1, Severity.HIGH));
            await().atMost(Duration.ofSeconds(30)).until(() -> wallboard.alerts().size() == 1);
            String lastSeen = wallboard.lastEventId();
            assertThat(wallboard.alerts().get(0).alert().incidentId()).isEqualTo(first);
            assertThat(lastSeen).isEqualTo(wallboard.alerts().get(0).id()).matches("\\d+");
            wallboard.close();

            // while the wallboard is away: two matching incidents, an update, and two that do not match its filter
            sendAssessments(karabakh(second, 1, Severity.HIGH),
                    Fixtures.assessment(elsewhere, 1, BorderSegment.ARARAT, Severity.HIGH, Occurrence.UNVERIFIED,
                            false, WHEN),
                    karabakh(low, 1, Severity.LOW),
                    karabakh(third, 1, Severity.MEDIUM),
                    karabakh(second, 2, Severity.CRITICAL));
            await().atMost(Duration.ofSeconds(30)).until(() -> watcher.alerts().size() == 4);

            try (SseClient back = SseClient.connect(port, KARABAKH, "staff1", lastSeen)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> back.alerts().size() == 3);
                assertThat(messages(back.alerts())).containsExactly(second + " FIRED", third + " FIRED",
                        second + " UPDATED");
                assertThat(back.alerts()).extracting(SseClient.Frame::id)
                        .containsExactlyElementsOf(watcher.alerts().subList(1, 4).stream()
                                .map(SseClient.Frame::id).toList());

                // then live, straight after the replay: nothing twice, nothing lost
                UUID fourth = UUID.randomUUID();
                sendAssessments(karabakh(fourth, 1, Severity.HIGH), karabakh(third, 2, Severity.HIGH));
                await().atMost(Duration.ofSeconds(30)).until(() -> back.alerts().size() == 5);
                assertThat(messages(back.alerts()).subList(3, 5)).containsExactly(fourth + " FIRED",
                        third + " UPDATED");
                assertThat(ids(back.alerts())).isSorted().doesNotHaveDuplicates()
                        .allMatch(id -> id > Long.parseLong(lastSeen));
                await().atMost(Duration.ofSeconds(30)).until(() -> watcher.alerts().size() == 6);
                assertThat(back.alerts()).extracting(SseClient.Frame::id).containsExactlyElementsOf(
                        watcher.alerts().subList(1, 6).stream().map(SseClient.Frame::id).toList());
            }
        }
    }

    @Test
    void messagesProducedWhileAClientReconnectsAreNeitherLostNorRepeated() {
        try (SseClient watcher = SseClient.connect(port, KARABAKH, "staff2", null)) {
            String from = watcher.lastEventId();
            List<UUID> incidents = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            sendAssessments(karabakh(incidents.get(0), 1, Severity.HIGH), karabakh(incidents.get(1), 1, Severity.HIGH));
            await().atMost(Duration.ofSeconds(30)).until(() -> watcher.alerts().size() == 2);
            // the query parameter, for clients that cannot set headers; the rest arrives during the switch-over
            var sender = new Thread(() -> {
                for (int i = 2; i < incidents.size(); i++) {
                    sendAssessments(karabakh(incidents.get(i), 1, Severity.HIGH));
                }
            });
            sender.start();
            try (SseClient back = SseClient.connect(port, KARABAKH + "&lastEventId=" + from, "staff1", null)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> watcher.alerts().size() == 6
                        && back.alerts().size() >= 6);
                assertThat(back.alerts()).extracting(SseClient.Frame::id)
                        .containsExactlyElementsOf(watcher.alerts().stream().map(SseClient.Frame::id).toList());
                assertThat(back.alerts()).extracting(f -> f.alert().incidentId())
                        .containsExactlyElementsOf(incidents);
            }
        }
    }

    @Test
    void aMalformedOrUnknownLastEventIdStartsLiveWithAResetEventSayingWhy() {
        for (String bad : List.of("4f6b1d2e-3a8c-5c1e-9a51-0f7b6a3f4c21-3", "999999999999")) {
            try (SseClient client = SseClient.connect(port, KARABAKH, "staff1", bad)) {
                SseClient.Frame reset = client.frames().get(0);
                assertThat(reset.event()).isEqualTo("reset");
                assertThat(reset.id()).matches("\\d+");
                assertThat(Json.tree(reset.data().getBytes()).get("lastEventId").asString()).isEqualTo(bad);
                assertThat(Json.tree(reset.data().getBytes()).get("reason").asString())
                        .contains(bad.length() > 12 ? "is not a stream cursor" : "is ahead of the stream");
                assertThat(reset.comments()).anyMatch(c -> c.contains("resume refused"));

                UUID incident = UUID.randomUUID();
                sendAssessments(karabakh(incident, 1, Severity.HIGH));
                await().atMost(Duration.ofSeconds(30)).until(() -> client.alerts().size() == 1);
                assertThat(client.alerts().get(0).alert().incidentId()).isEqualTo(incident);
                assertThat(Long.parseLong(client.alerts().get(0).id())).isGreaterThan(Long.parseLong(reset.id()));
            }
        }
    }

    @Test
    void anExpiredLastEventIdStartsLiveWithAResetAndMessagesOfOtherReplicasArriveLive() {
        String old;
        try (SseClient client = SseClient.connect(port, KARABAKH, "staff1", null)) {
            sendAssessments(karabakh(UUID.randomUUID(), 1, Severity.HIGH));
            await().atMost(Duration.ofSeconds(30)).until(() -> client.alerts().size() == 1);
            old = client.lastEventId();
        }
        sendAssessments(karabakh(UUID.randomUUID(), 1, Severity.HIGH));
        await().atMost(Duration.ofSeconds(30)).until(() -> streamLog.head() > Long.parseLong(old));
        // the expiry job deletes what is older than the replay window: here, everything so far
        assertThat(streamLog.expire(Instant.now().plusSeconds(1))).isPositive();
        assertThat(streamLog.bounds().purgedThrough()).isGreaterThan(Long.parseLong(old));

        try (SseClient client = SseClient.connect(port, KARABAKH, "staff1", old)) {
            SseClient.Frame reset = client.frames().get(0);
            assertThat(reset.event()).isEqualTo("reset");
            assertThat(reset.data()).contains("past the replay window");
            assertThat(client.alerts()).isEmpty();

            // a message appended by another instance (same store) reaches this instance's clients live
            UUID incident = UUID.randomUUID();
            Alert alert = new Alert(Alert.SCHEMA_VERSION, AlertLifecycle.alertIdOf(incident), incident, 1, 1,
                    AlertEvent.FIRED, AlertStatus.FIRING, BorderSegment.KARABAKH, Severity.HIGH,
                    Occurrence.UNVERIFIED, null, List.of(), null, List.of(), "from another replica", List.of(), null,
                    OffsetDateTime.now(ZoneOffset.UTC));
            long cursor = streamLog.append(alert, Json.write(alert), Instant.now());
            assertThat(streamLog.append(alert, Json.write(alert), Instant.now())).as("idempotent").isEqualTo(cursor);
            await().atMost(Duration.ofSeconds(30)).until(() -> client.alerts().size() == 1);
            assertThat(client.alerts().get(0).id()).isEqualTo(Long.toString(cursor));
            assertThat(client.alerts().get(0).alert().summary()).isEqualTo("from another replica");
        }
    }
}
