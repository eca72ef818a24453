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
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.borderwatch.alert.store.AlertStore;
import org.borderwatch.alert.store.StoredAlert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
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

    @Autowired
    AlertStore alerts;
    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static Assessment assessment(UUID incident, long version, Severity severity, boolean closed) {
        return assessment(incident, version, BorderSegment.VAYOTS_DZOR_EAST, severity, closed);
    }

    private static Assessment assessment(UUID incident, long version, BorderSegment segment, Severity severity,
                                         boolean closed) {
        return Fixtures.assessment(incident, version, segment, severity, Occurrence.CONFIRMED, closed, WHEN);
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

    /** What a receiver was sent of one incident: {@code #sequence EVENT}, a repeat and a leave notice named so. */
    private static List<String> received(String path, UUID incident) {
        List<String> out = new ArrayList<>();
        for (WebhookReceiver.Request r : RECEIVER.accepted(path)) {
            String marked = Json.tree(r.body()).path("noLongerMatching").isEmpty() ? "" : " (last word)";
            for (Alert a : notificationAlerts(r)) {
                if (a.incidentId().equals(incident)) {
                    out.add("#" + a.sequence() + " " + (a.changes().stream().anyMatch(c -> c.startsWith("repeat"))
                            ? "repeat" : a.event().name()) + marked);
                }
            }
        }
        return out;
    }

    /** Lets a few repeat checks pass and expects nothing more at either receiver. */
    private static void nothingMore(String pathA, String pathB, UUID incident) {
        int a = received(pathA, incident).size();
        int b = received(pathB, incident).size();
        await().during(SEVERAL_CHECKS).atMost(SEVERAL_CHECKS.plusSeconds(5))
                .until(() -> received(pathA, incident).size() == a && received(pathB, incident).size() == b);
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

    @Test
    void eachSubscriptionIsRepeatedAnIntervalAfterItsOwnLastMessageNotAfterALeaveNoticeToAnother() {
        clock.shift(INTERVAL.multipliedBy(-2));
        String critical = "/repeat/critical/" + UUID.randomUUID();
        String high = "/repeat/high/" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(critical),
                "{\"segments\":[\"VAYOTS_DZOR_WEST\"],\"minSeverity\":\"CRITICAL\"}");
        String highDesk = subscribeWebhook("staff1", RECEIVER.url(high),
                "{\"segments\":[\"VAYOTS_DZOR_WEST\"],\"minSeverity\":\"HIGH\"}");
        UUID incident = UUID.randomUUID();

        sendAssessments(assessment(incident, 1, BorderSegment.VAYOTS_DZOR_WEST, Severity.CRITICAL, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> received(critical, incident).size() == 1
                && received(high, incident).size() == 1);
        // half an interval later the severity drops: a leave notice for the CRITICAL desk alone
        clock.shift(INTERVAL.dividedBy(2));
        sendAssessments(assessment(incident, 2, BorderSegment.VAYOTS_DZOR_WEST, Severity.HIGH, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> received(critical, incident).size() == 2);
        nothingMore(critical, high, incident);

        // an interval after the FIRED, half an interval after the leave notice: the HIGH desk's clock is due (the
        // alert's, which counts the leave notice, would not be)
        clock.shift(INTERVAL.dividedBy(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> received(high, incident).size() == 2);
        nothingMore(critical, high, incident);
        assertThat(received(critical, incident)).containsExactly("#1 FIRED", "#2 UPDATED (last word)");
        assertThat(received(high, incident)).containsExactly("#1 FIRED", "#3 repeat");

        // its own clock restarted with the repeat: the next one an interval later, still to the HIGH desk alone
        clock.shift(INTERVAL);
        assertThat(clock.offset()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> received(high, incident).size() == 3);
        nothingMore(critical, high, incident);
        assertThat(received(high, incident)).containsExactly("#1 FIRED", "#3 repeat", "#4 repeat");
        assertThat(received(critical, incident)).hasSize(2);
        List<WebhookReceiver.Request> repeats = RECEIVER.accepted(high).stream()
                .filter(r -> notificationAlerts(r).stream().anyMatch(a -> a.incidentId().equals(incident)
                        && a.sequence() > 1)).toList();
        assertThat(repeats).hasSize(2).allSatisfy(r -> assertThat(r.header("X-BorderWatch-Delivery"))
                .isEqualTo(Grouping.itemKey(highDesk, notificationAlerts(r).get(0))));
        assertThat(repeats.get(0).header("X-BorderWatch-Delivery"))
                .isNotEqualTo(repeats.get(1).header("X-BorderWatch-Delivery"));
        long first = Long.parseLong(repeats.get(0).header("X-BorderWatch-Timestamp"));
        long second = Long.parseLong(repeats.get(1).header("X-BorderWatch-Timestamp"));
        assertThat(second - first).isBetween(INTERVAL.toSeconds(), INTERVAL.toSeconds() + 60);
    }

    @Test
    void anAlertStoredBeforePerSubscriptionClocksIsRepeatedAnIntervalAfterItsLastMessage() {
        clock.shift(INTERVAL.multipliedBy(-2));
        String one = "/repeat/old-a/" + UUID.randomUUID();
        String two = "/repeat/old-b/" + UUID.randomUUID();
        String filter = "{\"segments\":[\"SYUNIK_EAST\"],\"minSeverity\":\"HIGH\"}";
        String deskOne = subscribeWebhook("staff1", RECEIVER.url(one), filter);
        String deskTwo = subscribeWebhook("staff1", RECEIVER.url(two), filter);
        UUID incident = UUID.randomUUID();
        sendAssessments(assessment(incident, 1, BorderSegment.SYUNIK_EAST, Severity.HIGH, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> received(one, incident).size() == 1
                && received(two, incident).size() == 1);
        String alertId = AlertLifecycle.alertIdOf(incident).toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts.find(AlertLifecycle.alertIdOf(incident))
                .orElseThrow().pending().isEmpty());
        // as written before repeats were counted per subscription: no clocks, no oldest clock, no repeat's desks
        mongo.getCollection("alerts").updateOne(Filters.eq("_id", alertId), Updates.combine(
                Updates.unset("toldAt"), Updates.unset("repeatFrom"), Updates.unset("messages.0.repeatTo")));
        StoredAlert old = alerts.find(AlertLifecycle.alertIdOf(incident)).orElseThrow();
        assertThat(mongo.getCollection("alerts").find(Filters.eq("_id", alertId)).first())
                .doesNotContainKeys("toldAt", "repeatFrom");
        assertThat(old.clocks().lastSentAt()).containsOnlyKeys(deskOne, deskTwo)
                .allSatisfy((desk, at) -> assertThat(at).isEqualTo(old.state().lastNotifiedAt()));

        clock.shift(INTERVAL.dividedBy(2));
        nothingMore(one, two, incident);
        clock.shift(INTERVAL.dividedBy(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> received(one, incident).size() == 2
                && received(two, incident).size() == 2);
        nothingMore(one, two, incident);
        assertThat(received(one, incident)).containsExactly("#1 FIRED", "#2 repeat");
        assertThat(received(two, incident)).containsExactly("#1 FIRED", "#2 repeat");
        // written again with a clock per desk, restarted by the repeat (stored to the millisecond)
        StoredAlert now = alerts.find(AlertLifecycle.alertIdOf(incident)).orElseThrow();
        assertThat(now.clocks().lastSentAt()).containsOnlyKeys(deskOne, deskTwo)
                .allSatisfy((desk, at) -> assertThat(at).isBetween(now.state().lastNotifiedAt().minusSeconds(1),
                        now.state().lastNotifiedAt().plusSeconds(1)));
        assertThat(mongo.getCollection("alerts").find(Filters.eq("_id", alertId)).first())
                .containsKeys("toldAt", "repeatFrom");
    }
}
