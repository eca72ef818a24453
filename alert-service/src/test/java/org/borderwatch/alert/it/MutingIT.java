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

    /**
     * Security review F3: a STAFF member's silence lasts at most alert.silences.staff-max-duration (12 h) and never
     * mutes a CRITICAL message; an ADMIN's may do both. The incidents carry a source id of their own, which is what
     * the silences match, so no other test's alert is muted.
     */
    @Test
    void aStaffSilenceIsShortAndLetsCriticalThroughAnAdminsMutesIt() {
        String source = "f3-" + UUID.randomUUID().toString().substring(0, 8);
        String tooLong = post("/api/v1/silences", "staff1", """
                {"segments":["KARABAKH"],"sources":["%s"],"endsAt":"%s","reason":"night shift"}"""
                .formatted(source, Instant.now().plus(Duration.ofHours(13)))).body();
        assertThat(json(tooLong).get("status").asInt()).isEqualTo(400);
        assertThat(json(tooLong).get("detail").asString())
                .contains("a STAFF member's silence may last at most 12 hours (PT12H); an ADMIN's up to 7 days");
        var staffs = post("/api/v1/silences", "staff1", """
                {"segments":["KARABAKH"],"sources":["%s"],"endsAt":"%s","reason":"night shift"}"""
                .formatted(source, Instant.now().plus(Duration.ofHours(11))));
        assertThat(staffs.statusCode()).isEqualTo(201);
        assertThat(json(staffs.body()).get("mutesCritical").asBoolean()).isFalse();
        String staffSilence = json(staffs.body()).get("id").asString();

        UUID high = UUID.randomUUID();
        UUID critical = UUID.randomUUID();
        // an event time of their own: the CRITICAL incident inhibits nobody else's
        var eventTime = java.time.OffsetDateTime.parse("2017-08-01T03:00:00+04:00");
        sendAssessments(
                Fixtures.withSources(Fixtures.assessment(high, 1, BorderSegment.KARABAKH, Severity.HIGH,
                        Occurrence.DISPUTED, false, eventTime), source),
                Fixtures.withSources(Fixtures.assessment(critical, 1, BorderSegment.KARABAKH, Severity.CRITICAL,
                        Occurrence.DISPUTED, false, eventTime.plusMinutes(5)), source));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(critical),
                "staff1").statusCode() == 200 && get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(high), "staff1")
                .statusCode() == 200);
        assertThat(alert(high).get("messages").get(0).path("muted").asString()).contains("silenced by " + staffSilence);
        assertThat(alert(critical).get("messages").get(0).path("muted").isMissingNode()
                || alert(critical).get("messages").get(0).path("muted").isNull())
                .as("a STAFF silence never mutes a CRITICAL message").isTrue();

        var admins = post("/api/v1/silences", "admin", """
                {"segments":["KARABAKH"],"sources":["%s"],"endsAt":"%s","reason":"known exercise, checked"}"""
                .formatted(source, Instant.now().plus(Duration.ofDays(6))));
        assertThat(admins.statusCode()).isEqualTo(201);
        assertThat(json(admins.body()).get("mutesCritical").asBoolean()).isTrue();
        UUID critical2 = UUID.randomUUID();
        sendAssessments(Fixtures.withSources(Fixtures.assessment(critical2, 1, BorderSegment.KARABAKH,
                Severity.CRITICAL, Occurrence.DISPUTED, false, eventTime.plusMinutes(10)), source));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/alerts/"
                + AlertLifecycle.alertIdOf(critical2), "staff1").statusCode() == 200);
        assertThat(alert(critical2).get("messages").get(0).path("muted").asString())
                .contains("silenced by " + json(admins.body()).get("id").asString());
        assertThat(call("DELETE", "/api/v1/silences/" + json(admins.body()).get("id").asString(), "admin", null,
                null).statusCode()).isEqualTo(204);
        assertThat(call("DELETE", "/api/v1/silences/" + staffSilence, "staff1", null, null).statusCode())
                .isEqualTo(204);
    }

    /**
     * Review finding C12: a silence's answer says which firing alerts it mutes at once — a silence on a signal mutes
     * whole incidents, and the answer shows which (a STAFF silence: not the CRITICAL one).
     */
    @Test
    void creatingASilenceSaysWhichFiringAlertsItMutesNow() {
        String source = "c12-" + UUID.randomUUID().toString().substring(0, 8);
        var eventTime = java.time.OffsetDateTime.parse("2016-04-02T05:00:00+04:00");
        UUID surge = UUID.randomUUID();
        UUID surge2 = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        UUID critical = UUID.randomUUID();
        sendAssessments(
                Fixtures.withSources(Fixtures.assessment(surge, 1, BorderSegment.KARABAKH, Severity.HIGH,
                        Occurrence.DISPUTED, false, eventTime, org.borderwatch.common.model.SignalType.CLAIM_SURGE),
                        source),
                Fixtures.withSources(Fixtures.assessment(surge2, 1, BorderSegment.KARABAKH, Severity.HIGH,
                        Occurrence.UNVERIFIED, false, eventTime.plusMinutes(3),
                        org.borderwatch.common.model.SignalType.CLAIM_SURGE), source),
                Fixtures.withSources(Fixtures.assessment(quiet, 1, BorderSegment.KARABAKH, Severity.HIGH,
                        Occurrence.DISPUTED, false, eventTime.plusMinutes(6)), source),
                Fixtures.withSources(Fixtures.assessment(critical, 1, BorderSegment.KARABAKH, Severity.CRITICAL,
                        Occurrence.DISPUTED, false, eventTime.plusMinutes(9),
                        org.borderwatch.common.model.SignalType.CLAIM_SURGE), source));
        for (UUID incident : java.util.List.of(surge, surge2, quiet, critical)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/alerts/"
                    + AlertLifecycle.alertIdOf(incident), "staff1").statusCode() == 200);
        }

        var created = post("/api/v1/silences", "staff1", """
                {"signals":["CLAIM_SURGE"],"sources":["%s"],"endsAt":"%s","reason":"surge of claims, being checked"}"""
                .formatted(source, Instant.now().plus(Duration.ofHours(1))));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode muting = json(created.body()).get("mutingNow");
        assertThat(muting.get("count").asInt()).isEqualTo(2);
        java.util.List<String> ids = new java.util.ArrayList<>();
        muting.get("alertIds").forEach(id -> ids.add(id.asString()));
        assertThat(ids).containsExactlyInAnyOrder(AlertLifecycle.alertIdOf(surge).toString(),
                AlertLifecycle.alertIdOf(surge2).toString());
        String id = json(created.body()).get("id").asString();
        assertThat(json(get("/api/v1/silences/" + id, "staff1").body()).get("mutingNow").get("count").asInt())
                .isEqualTo(2);
        assertThat(get("/api/v1/silences", "staff1").body()).as("not computed for the whole list")
                .doesNotContain("mutingNow");
        assertThat(call("DELETE", "/api/v1/silences/" + id, "staff1", null, null).statusCode()).isEqualTo(204);
        assertThat(json(get("/api/v1/silences/" + id, "staff1").body()).get("mutingNow").get("count").asInt())
                .as("ended: mutes nothing").isZero();
    }

    /** A silence stored before the rule (no mutesCritical) reads as one that mutes no CRITICAL message. */
    @Test
    void aSilenceStoredBeforeTheCriticalRuleMutesNoCriticalMessage() {
        String id = UUID.randomUUID().toString();
        mongo.getCollection("silences").insertOne(new org.bson.Document("_id", id)
                .append("segments", java.util.List.of("KARABAKH")).append("signals", java.util.List.of())
                .append("sources", java.util.List.of("f3-old-" + id.substring(0, 8)))
                .append("startsAt", java.util.Date.from(Instant.now().minusSeconds(60)))
                .append("endsAt", java.util.Date.from(Instant.now().plus(Duration.ofHours(1))))
                .append("author", "admin").append("reason", "stored before").append("createdAt",
                        java.util.Date.from(Instant.now().minusSeconds(60))));
        var read = get("/api/v1/silences/" + id, "staff1");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read.body()).get("mutesCritical").asBoolean()).isFalse();
        assertThat(json(read.body()).get("active").asBoolean()).isTrue();
        assertThat(call("DELETE", "/api/v1/silences/" + id, "admin", null, null).statusCode()).isEqualTo(204);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.data.mongodb.core.MongoTemplate mongo;
}
