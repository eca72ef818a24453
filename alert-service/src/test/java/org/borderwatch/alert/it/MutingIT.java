package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Inhibition in event time and silences, end to end; acknowledgements with the audit. */
class MutingIT extends AlertServiceITSupport {

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode alert(UUID incident) {
        return json(get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident), "staff1").body());
    }

    @Test
    void aCriticalIncidentMutesLesserOnesNearItInEventTimeOnly() {
        String path = "/muting/" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(path), "{\"segments\":[\"VAYOTS_DZOR_WEST\"]}");
        var t = Fixtures.EVENT_TIME.plusYears(5);
        UUID critical = UUID.randomUUID();
        UUID near = UUID.randomUUID();
        UUID replayedOld = UUID.randomUUID();

        sendAssessments(Fixtures.assessment(critical, 1, BorderSegment.VAYOTS_DZOR_WEST, Severity.CRITICAL,
                Occurrence.CONFIRMED, false, t));
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(path).size() == 1);
        sendAssessments(
                Fixtures.assessment(near, 1, BorderSegment.VAYOTS_DZOR_WEST, Severity.LOW, Occurrence.UNVERIFIED,
                        false, t.plusHours(3)),
                Fixtures.assessment(replayedOld, 1, BorderSegment.VAYOTS_DZOR_WEST, Severity.LOW,
                        Occurrence.UNVERIFIED, false, t.minusDays(30)));

        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(path).size() == 2
                && get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(near), "staff1").statusCode() == 200);
        assertThat(alert(near).get("messages").get(0).get("muted").asString())
                .startsWith("inhibited by CRITICAL incident " + critical);
        assertThat(alert(replayedOld).get("messages").get(0).path("muted").isNull()
                || alert(replayedOld).get("messages").get(0).path("muted").isMissingNode()).isTrue();
        assertThat(new String(RECEIVER.accepted(path).get(1).body(), StandardCharsets.UTF_8))
                .contains(replayedOld.toString()).doesNotContain(near.toString());
    }

    @Test
    void aSilenceMutesMatchingAlertsAndIsAudited() {
        String path = "/silenced/" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(path), "{\"segments\":[\"GEGHARKUNIK\"],\"minSeverity\":\"HIGH\"}");
        var created = post("/api/v1/silences", "staff2", """
                {"segments":["GEGHARKUNIK"],"sources":["az-mod"],"endsAt":"%s","reason":"known exercise near Sotk"}"""
                .formatted(Instant.now().plus(Duration.ofHours(2))));
        assertThat(created.statusCode()).isEqualTo(201);
        String silenceId = json(created.body()).get("id").asString();
        UUID incident = UUID.randomUUID();

        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.GEGHARKUNIK, Severity.HIGH,
                Occurrence.DISPUTED, false, Fixtures.EVENT_TIME.plusYears(6)));

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/alerts/"
                + AlertLifecycle.alertIdOf(incident), "staff1").statusCode() == 200);
        assertThat(alert(incident).get("messages").get(0).get("muted").asString())
                .contains("silenced by " + silenceId).contains("known exercise");
        assertThat(RECEIVER.accepted(path)).isEmpty();
        assertThat(call("DELETE", "/api/v1/silences/" + silenceId, "staff1", null, null).statusCode())
                .as("only its author or an admin ends a silence").isEqualTo(403);
        assertThat(call("DELETE", "/api/v1/silences/" + silenceId, "staff2", null, null).statusCode()).isEqualTo(204);
        assertThat(json(get("/api/v1/silences/" + silenceId, "staff1").body()).get("active").asBoolean()).isFalse();

        // the incident's id where the alert's is meant: a 404 that says so and names the alert's id
        var byIncident = post("/api/v1/alerts/" + incident + "/ack", "staff1", "{\"comment\":\"wrong id\"}");
        assertThat(byIncident.statusCode()).isEqualTo(404);
        assertThat(json(byIncident.body()).get("type").asString()).isEqualTo("urn:borderwatch:problem:not-found");
        assertThat(json(byIncident.body()).get("detail").asString())
                .isEqualTo("alert " + incident + " does not exist: " + incident + " is an incident id; the alert of "
                        + "that incident is " + AlertLifecycle.alertIdOf(incident));
        assertThat(json(get("/api/v1/alerts/" + incident + "/deliveries", "staff1").body()).get("detail")
                .asString()).contains("is an incident id").contains(AlertLifecycle.alertIdOf(incident).toString());
        // ... and the opposite mistake: the alert's id where the incident's is meant
        UUID alertId = AlertLifecycle.alertIdOf(incident);
        var byAlert = post("/api/v1/verdicts/" + alertId + "/review", "staff1",
                "{\"occurrence\":\"CONFIRMED\",\"note\":\"wrong id\"}");
        assertThat(byAlert.statusCode()).isEqualTo(404);
        assertThat(json(byAlert.body()).get("detail").asString()).isEqualTo("incident " + alertId + " does not "
                + "exist: " + alertId + " is an alert id; the incident of that alert is " + incident);
        assertThat(json(get("/api/v1/verdicts/" + alertId, "staff1").body()).get("detail").asString())
                .contains("is an alert id").contains(incident.toString());
        UUID unknown = UUID.randomUUID();
        assertThat(json(post("/api/v1/alerts/" + unknown + "/ack", "staff1", "{\"comment\":\"x\"}").body())
                .get("detail").asString()).isEqualTo("alert " + unknown + " does not exist");
        var auditByIncident = get("/api/v1/alerts/" + incident + "/audit", "staff1");
        assertThat(auditByIncident.statusCode()).as("nothing acknowledged under the incident's id").isEqualTo(404);
        assertThat(json(auditByIncident.body()).get("detail").asString()).contains("is an incident id")
                .doesNotContain("wrong id");
        assertThat(get("/api/v1/alerts/" + UUID.randomUUID() + "/audit", "staff1").statusCode()).isEqualTo(404);

        var ack = post("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident) + "/ack", "staff1",
                "{\"comment\":\"seen, watching Sotk\"}");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(json(ack.body()).get("acks").get(0).get("by").asString()).isEqualTo("staff1");
        assertThat(get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident) + "/audit", "staff1").body())
                .contains("\"action\":\"ack\"").contains("seen, watching Sotk");
    }
}
