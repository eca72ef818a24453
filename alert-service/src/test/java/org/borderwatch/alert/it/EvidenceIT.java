package org.borderwatch.alert.it;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.bson.Document;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Evidence;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.schema.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Review finding C15: the statements behind a verdict and the link to it reach every channel — through the real
 * broker, the real store, a real HTTP receiver and a real SMTP server — and what was stored before they existed
 * still reads.
 */
class EvidenceIT extends AlertServiceITSupport {

    /** {@code alert.public-base-url} of the integration tests' profile. */
    private static final String BASE = "https://alerts.borderwatch.invalid";

    @Autowired
    private MongoTemplate mongo;

    /**
     * The other integration tests share the context: these incidents (TAVUSH, MEDIUM, CONFIRMED, event times of
     * their own) match none of their subscriptions, and this test counts only its own incidents' messages.
     */
    private static final String FILTER = "{\"segments\":[\"TAVUSH\"],\"occurrences\":[\"CONFIRMED\"]}";
    private static final OffsetDateTime FIRST_EVENT = OffsetDateTime.parse("2019-05-04T08:00:00+04:00");
    private static final OffsetDateTime SECOND_EVENT = OffsetDateTime.parse("2019-05-11T08:00:00+04:00");

    private static Assessment version(UUID incident, long version, OffsetDateTime eventTime, SignalType... signals) {
        return Fixtures.assessment(incident, version, BorderSegment.TAVUSH, Severity.MEDIUM, Occurrence.CONFIRMED,
                false, eventTime, signals);
    }

    /** The messages about the incident the receiver accepted at the path, in order of arrival. */
    private static List<JsonNode> received(String path, UUID incident) {
        List<JsonNode> out = new ArrayList<>();
        RECEIVER.accepted(path).forEach(r -> Json.tree(r.body()).get("alerts").forEach(a -> {
            if (a.get("incidentId").asString().equals(incident.toString())) {
                out.add(a);
            }
        }));
        return out;
    }

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void statementsAndVerdictLinkReachWebhookEmailAndTheVerdictApi() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(path), FILTER);
        String address = "evidence-" + UUID.randomUUID() + "@borderwatch.test";
        assertThat(post("/api/v1/subscriptions", "staff1", """
                {"name":"evidence desk","channel":{"type":"email","address":"%s"},"filter":%s}
                """.formatted(address, FILTER)).statusCode()).isEqualTo(201);
        UUID incident = UUID.randomUUID();
        Evidence claim = Fixtures.statement("az-mod", "AZ MoD", Party.AZ, Stance.CLAIM, 15,
                "https://mod.example.az/statements/1?lang=en&part=2");
        Evidence denial = Fixtures.statement("am-mod", "AM MoD", Party.AM, Stance.DENIAL, 70,
                "javascript:alert('x')");
        Assessment v1 = Fixtures.withEvidence(version(incident, 1, FIRST_EVENT), claim, denial);

        sendAssessments(v1);

        await().atMost(Duration.ofSeconds(30)).until(() -> received(path, incident).size() == 1);
        JsonNode sent = received(path, incident).get(0);
        assertThat(JsonSchemas.validate(JsonSchemas.ALERT, Json.write(sent))).isEmpty();
        Alert fired = Json.convert(sent, Alert.class);
        assertThat(fired.evidence()).containsExactly(claim, denial);
        assertThat(fired.verdictUrl()).isEqualTo(BASE + "/api/v1/verdicts/" + incident);
        assertThat(sent.get("evidence").get(0).get("source").get("name").asString()).isEqualTo("AZ MoD");
        assertThat(sent.get("evidence").get(0).get("url").asString())
                .isEqualTo("https://mod.example.az/statements/1?lang=en&part=2");

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(address) != null);
        MimeMessage mail = mailTo(address);
        String text = bodyOf(mail, "text/plain");
        assertThat(text).contains("Statements behind this verdict:")
                .contains("AZ MoD (az-mod): CLAIM, published 2025-03-16 10:55 +04:00 — "
                        + "https://mod.example.az/statements/1?lang=en&part=2")
                .contains("AM MoD (am-mod): DENIAL, published 2025-03-16 11:50 +04:00 — javascript:alert('x')")
                .contains("Verdict and its history: " + BASE + "/api/v1/verdicts/" + incident);
        String html = bodyOf(mail, "text/html");
        assertThat(html).contains("<a href=\"https://mod.example.az/statements/1?lang=en&amp;part=2\">")
                .contains("<a href=\"" + BASE + "/api/v1/verdicts/" + incident + "\">")
                .contains("— javascript:alert(&#39;x&#39;)</li>")
                .doesNotContain("href=\"javascript");

        // the verdict API shows the statements of every stored version
        Evidence confirmation = Fixtures.statement("observers", "Observer mission", Party.UNKNOWN,
                Stance.CONFIRMATION, 200, "https://observers.example.org/r/9");
        Assessment v2 = Fixtures.withEvidence(version(incident, 2, FIRST_EVENT, SignalType.SPREAD), claim, denial,
                confirmation);
        sendAssessments(v2);
        await().atMost(Duration.ofSeconds(30)).until(() -> received(path, incident).size() == 2);
        Alert updated = Json.convert(received(path, incident).get(1), Alert.class);
        assertThat(updated.event()).isEqualTo(AlertEvent.UPDATED);
        assertThat(updated.evidence()).containsExactly(claim, denial, confirmation);

        JsonNode verdict = json(get("/api/v1/verdicts/" + incident, "staff1").body());
        assertThat(verdict.get("history")).hasSize(2);
        assertThat(verdict.get("history").get(0).get("evidence")).hasSize(2);
        assertThat(verdict.get("history").get(1).get("evidence")).hasSize(3);
        assertThat(verdict.get("latest").get("evidence").get(2).get("url").asString())
                .isEqualTo("https://observers.example.org/r/9");
        JsonNode alert = json(get("/api/v1/alerts/" + fired.alertId(), "staff1").body());
        assertThat(alert.get("latest").get("verdictUrl").asString()).isEqualTo(fired.verdictUrl());
        assertThat(alert.get("latest").get("evidence")).hasSize(3);
        // the link works: the verdict is where it points (here read through the test's own address)
        assertThat(get(fired.verdictUrl().substring(BASE.length()), "staff1").statusCode()).isEqualTo(200);
    }

    @Test
    void alertsAndVerdictsStoredBeforeEvidenceExistedStillReadAndCarryOn() {
        String path = "/hooks/" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(path), FILTER);
        UUID incident = UUID.randomUUID();
        UUID alertId = AlertLifecycle.alertIdOf(incident);
        sendAssessments(version(incident, 1, SECOND_EVENT));
        await().atMost(Duration.ofSeconds(30)).until(() -> received(path, incident).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection("verdicts")
                .find(new Document("_id", incident.toString())).first() != null);

        // turn the stored documents into the shape written before this change: no evidence, no verdictUrl
        String before = mongo.getCollection("alerts").find(new Document("_id", alertId.toString())).first().toJson();
        assertThat(before).contains("verdictUrl");
        makeOld(incident, alertId);
        assertThat(mongo.getCollection("alerts").find(new Document("_id", alertId.toString())).first().toJson())
                .doesNotContain("verdictUrl").doesNotContain("evidence");

        var alertResponse = get("/api/v1/alerts/" + alertId, "staff1");
        assertThat(alertResponse.statusCode()).isEqualTo(200);
        JsonNode alert = json(alertResponse.body());
        assertThat(alert.get("latest").has("verdictUrl")).isFalse();
        assertThat(alert.get("latest").has("evidence")).isFalse();
        var verdictResponse = get("/api/v1/verdicts/" + incident, "staff1");
        assertThat(verdictResponse.statusCode()).isEqualTo(200);
        assertThat(json(verdictResponse.body()).get("history").get(0).has("evidence")).isFalse();
        assertThat(call("GET", "/api/v1/alerts/" + alertId, "staff1", null, "application/cap+xml").statusCode())
                .isEqualTo(200);

        // the next version, with statements, continues the old alert
        Evidence claim = Fixtures.statement("az-mod", "AZ MoD", Party.AZ, Stance.CLAIM, 5, null);
        sendAssessments(Fixtures.withEvidence(version(incident, 2, SECOND_EVENT, SignalType.SPREAD), claim));
        await().atMost(Duration.ofSeconds(30)).until(() -> received(path, incident).size() == 2);
        Alert updated = Json.convert(received(path, incident).get(1), Alert.class);
        assertThat(updated.sequence()).isEqualTo(2);
        assertThat(updated.changes()).contains("new signal SPREAD");
        assertThat(updated.evidence()).containsExactly(claim);
        assertThat(updated.verdictUrl()).isEqualTo(BASE + "/api/v1/verdicts/" + incident);
    }

    /** Removes evidence and verdictUrl from every stored JSON of the incident. */
    private void makeOld(UUID incident, UUID alertId) {
        var versions = mongo.getCollection("verdict_versions");
        versions.find(new Document("incidentId", incident.toString())).forEach(d -> {
            versions.updateOne(new Document("_id", d.get("_id")),
                    new Document("$set", new Document("assessment", strip(d.getString("assessment")))));
        });
        var verdicts = mongo.getCollection("verdicts");
        Document v = verdicts.find(new Document("_id", incident.toString())).first();
        verdicts.updateOne(new Document("_id", v.get("_id")),
                new Document("$set", new Document("assessment", strip(v.getString("assessment")))));
        var alerts = mongo.getCollection("alerts");
        Document a = alerts.find(new Document("_id", alertId.toString())).first();
        List<Document> messages = new ArrayList<>();
        for (Document m : a.getList("messages", Document.class)) {
            messages.add(new Document(m).append("alert", strip(m.getString("alert"))));
        }
        alerts.updateOne(new Document("_id", a.get("_id")), new Document("$set",
                new Document("state", strip(a.getString("state"))).append("messages", messages)));
    }

    private static String strip(String stored) {
        JsonNode node = json(stored);
        removeEverywhere(node);
        return Json.write(node);
    }

    private static void removeEverywhere(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("evidence");
            o.remove("verdictUrl");
            for (String name : new ArrayList<>(o.propertyNames())) {
                removeEverywhere(o.get(name));
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode child : node) {
                removeEverywhere(child);
            }
        }
    }

    private static MimeMessage mailTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null);
    }

    private static String bodyOf(jakarta.mail.Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof MimeMultipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String found = bodyOf(mp.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
