package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.AlertStore;
import org.borderwatch.alert.store.StoredAlert;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acknowledgements name the message they acknowledge, on the real store through the REST API: a material update
 * after an acknowledgement makes the alert unacknowledged again; a repeated identical acknowledgement is stored and
 * audited once; a sequence the alert has no message for, or older than the caller's own, is refused.
 */
class AcknowledgementIT extends AlertServiceITSupport {

    @Autowired
    AlertStore store;

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode alert(String alertId) {
        return json(get("/api/v1/alerts/" + alertId, "staff1").body());
    }

    private List<String> ackAudit(String alertId) {
        List<String> details = new ArrayList<>();
        json(get("/api/v1/alerts/" + alertId + "/audit", "staff1").body()).forEach(e -> {
            if ("ack".equals(e.get("action").asString())) {
                details.add(e.get("actor").asString() + " " + e.get("detail").asString());
            }
        });
        return details;
    }

    @Test
    void aMaterialUpdateAfterAnAckMakesTheAlertUnacknowledgedUntilItIsAcknowledgedAgain() {
        UUID incident = UUID.randomUUID();
        String alertId = AlertLifecycle.alertIdOf(incident).toString();
        var t = Fixtures.EVENT_TIME.plusYears(21);
        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.LACHIN_CORRIDOR, Severity.MEDIUM,
                Occurrence.DISPUTED, false, t));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/alerts/" + alertId, "staff1")
                .statusCode() == 200);
        JsonNode fresh = alert(alertId);
        assertThat(fresh.get("acknowledged").asBoolean()).isFalse();
        assertThat(fresh.get("materialSequence").asLong()).isEqualTo(1);

        var first = post("/api/v1/alerts/" + alertId + "/ack", "staff1", "{\"comment\":\"seen, watching\"}");
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode acked = json(first.body());
        assertThat(acked.get("acknowledged").asBoolean()).isTrue();
        assertThat(acked.get("acks")).hasSize(1);
        assertThat(acked.get("acks").get(0).get("sequence").asLong()).isEqualTo(1);
        assertThat(acked.get("acks").get(0).get("by").asString()).isEqualTo("staff1");

        // the same acknowledgement again: 200 with the alert as it is, no second entry, no second audit row
        var again = post("/api/v1/alerts/" + alertId + "/ack", "staff1", "{\"comment\":\" seen, watching \"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again.body()).get("acks")).hasSize(1);
        assertThat(json(again.body()).get("acknowledged").asBoolean()).isTrue();
        assertThat(ackAudit(alertId)).containsExactly("staff1 message 1: seen, watching");

        // a material update (DISPUTED -> CONFIRMED, severity up): the old acknowledgement no longer covers it
        sendAssessments(Fixtures.assessment(incident, 2, BorderSegment.LACHIN_CORRIDOR, Severity.HIGH,
                Occurrence.CONFIRMED, false, t));
        await().atMost(Duration.ofSeconds(30)).until(() -> alert(alertId).get("sequence").asLong() == 2);
        JsonNode updated = alert(alertId);
        assertThat(updated.get("acknowledged").asBoolean()).isFalse();
        assertThat(updated.get("materialSequence").asLong()).isEqualTo(2);
        assertThat(updated.get("acks")).hasSize(1);
        assertThat(updated.get("acks").get(0).get("sequence").asLong()).isEqualTo(1);

        // refused: no such message (409), not a sequence (400)
        var future = post("/api/v1/alerts/" + alertId + "/ack", "staff1", "{\"comment\":\"x\",\"sequence\":3}");
        assertThat(future.statusCode()).isEqualTo(409);
        assertThat(future.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                assertThat(v).startsWith("application/problem+json"));
        assertThat(json(future.body()).get("detail").asString()).contains("has no message 3")
                .contains("latest message is 2");
        var zero = post("/api/v1/alerts/" + alertId + "/ack", "staff1", "{\"comment\":\"x\",\"sequence\":0}");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(json(zero.body()).get("detail").asString()).contains("sequence must be 1 or more");

        // the re-acknowledgement (no sequence: the latest) covers the current state again
        var reack = post("/api/v1/alerts/" + alertId + "/ack", "staff1", "{\"comment\":\"confirmed, desk told\"}");
        assertThat(reack.statusCode()).isEqualTo(200);
        JsonNode reacked = json(reack.body());
        assertThat(reacked.get("acknowledged").asBoolean()).isTrue();
        assertThat(reacked.get("acks")).hasSize(2);
        assertThat(reacked.get("acks").get(1).get("sequence").asLong()).isEqualTo(2);

        // going back to an older message than one's own acknowledgement is refused; another user's old one is not
        var back = post("/api/v1/alerts/" + alertId + "/ack", "staff1", "{\"comment\":\"late\",\"sequence\":1}");
        assertThat(back.statusCode()).isEqualTo(409);
        assertThat(json(back.body()).get("detail").asString()).contains("already acknowledged message 2");
        var colleague = post("/api/v1/alerts/" + alertId + "/ack", "staff2", "{\"comment\":\"saw the first\","
                + "\"sequence\":1}");
        assertThat(colleague.statusCode()).isEqualTo(200);
        assertThat(json(colleague.body()).get("acks")).hasSize(3);
        assertThat(json(colleague.body()).get("acknowledged").asBoolean()).isTrue();

        assertThat(ackAudit(alertId)).containsExactlyInAnyOrder("staff1 message 1: seen, watching",
                "staff1 message 2: confirmed, desk told", "staff2 message 1: saw the first");
    }

    @Test
    void anAckIsStoredOnlyOnTheAlertAsReadAndMakesAConcurrentReplaceOfTheAlertTryAgain() {
        UUID incident = UUID.randomUUID();
        UUID alertId = AlertLifecycle.alertIdOf(incident);
        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.LACHIN_CORRIDOR, Severity.LOW,
                Occurrence.UNVERIFIED, false, Fixtures.EVENT_TIME.plusYears(22)));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(alertId).isPresent());
        StoredAlert read = store.find(alertId).orElseThrow();
        var ack = new StoredAlert.Ack("staff1", "seen", Instant.now().truncatedTo(ChronoUnit.MILLIS), 1);

        assertThat(store.addAck(new StoredAlert(read.state(), read.rev() - 1, read.messages(), read.told(),
                read.clocks(), read.acks(), read.pending()), ack)).as("a stale read stores nothing").isFalse();
        assertThat(store.find(alertId).orElseThrow().acks()).isEmpty();
        assertThat(store.addAck(read, ack)).isTrue();
        StoredAlert acked = store.find(alertId).orElseThrow();
        assertThat(acked.acks()).containsExactly(ack);
        assertThat(acked.rev()).isEqualTo(read.rev() + 1);
        // the intake replacing the alert it read before the ack (without it) fails and reads again
        assertThat(store.write(read, read.rev())).isFalse();
        assertThat(store.find(alertId).orElseThrow().acks()).hasSize(1);
    }
}
