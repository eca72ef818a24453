package org.borderwatch.alert.it;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.cap.CapRenderer;
import org.borderwatch.alert.cap.CapRendererTest;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Closure;
import org.borderwatch.common.model.ClosureReason;
import org.borderwatch.common.model.Withdrawn;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.testkit.TopicReader;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.schema.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Through the real broker, store, HTTP receiver and GreenMail: an incident the classifier closes as "Dissolved"
 * (its report moved to another incident; an older classifier's sentence, or the closure) is told as withdrawn — the webhook body's {@code withdrawn} mark, an e-mail
 * saying WITHDRAWN and not resolved, a CAP Cancel without an all clear — while an ordinary closure stays a resolution.
 */
class WithdrawnIncidentIT extends AlertServiceITSupport {

    @Test
    void aDissolvedIncidentIsToldAsWithdrawnAndAnOrdinaryOneAsResolved() throws Exception {
        String path = "/hooks/withdrawn-" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(path), "{\"segments\":[\"GEGHARKUNIK\",\"VAYOTS_DZOR_WEST\"]}");
        String address = "withdrawn-" + UUID.randomUUID() + "@borderwatch.test";
        assertThat(post("/api/v1/subscriptions", "staff1", """
                {"name":"desk","channel":{"type":"email","address":"%s"},"filter":{"segments":["GEGHARKUNIK","VAYOTS_DZOR_WEST"]}}"""
                .formatted(address)).statusCode()).isEqualTo(201);

        UUID dissolved = UUID.randomUUID();
        UUID ordinary = UUID.randomUUID();
        Assessment[] opened = fired(path, dissolved, ordinary);
        Assessment open = opened[0];
        Assessment openToo = opened[1];

        String sentence = "Dissolved: its report left it (corrected by revision 2, which places it in TAVUSH; "
                + "assessed alone there); this incident no longer holds anything.";
        sendAssessments(Fixtures.closedWith(open, sentence),
                Fixtures.closedWith(openToo, "AM MoD denied it again."));
        await().atMost(Duration.ofSeconds(30)).until(() -> closes(path, dissolved, AlertEvent.RESOLVED) != null
                && closes(path, ordinary, AlertEvent.RESOLVED) != null);

        JsonNode body = closes(path, dissolved, AlertEvent.RESOLVED);
        assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION, Json.writeBytes(body)))
                .as("still valid against common's notification schema").isEmpty();
        JsonNode mark = body.get("withdrawn").get(0);
        assertThat(mark.get("alertId").asString()).isEqualTo(AlertLifecycle.alertIdOf(dissolved).toString());
        assertThat(mark.get("sequence").asLong()).isEqualTo(body.get("alerts").get(0).get("sequence").asLong());
        assertThat(mark.get("kind").asString()).isEqualTo("DISSOLVED");
        assertThat(mark.get("why").asString()).isEqualTo(sentence);
        assertThat(body.get("alerts").get(0).get("summary").asString())
                .endsWith("withdrawn, its reports moved to another incident");
        assertThat(closes(path, ordinary, AlertEvent.RESOLVED).has("withdrawn")).as("an ordinary closure").isFalse();

        await().atMost(Duration.ofSeconds(30)).until(() -> mails(address).size() >= 4);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : mails(address)) {
            subjects.add(m.getSubject());
            if (m.getSubject().startsWith("[BorderWatch] WITHDRAWN")) {
                assertThat(text(m)).contains("Withdrawn, not resolved: its reports were moved to another incident",
                        "Incident " + dissolved);
            }
        }
        assertThat(subjects).filteredOn(s -> s.startsWith("[BorderWatch] WITHDRAWN")).hasSize(1);
        assertThat(subjects).filteredOn(s -> s.startsWith("[BorderWatch] RESOLVED")).hasSize(1);

        var cap = call("GET", "/api/v1/alerts/" + AlertLifecycle.alertIdOf(dissolved), "staff1", null,
                "application/cap+xml");
        assertThat(cap.statusCode()).isEqualTo(200);
        Element alert = CapRendererTest.parse(cap.body());
        Element info = (Element) alert.getElementsByTagNameNS(CapRenderer.NAMESPACE, "info").item(0);
        assertThat(CapRendererTest.text(alert, "msgType")).isEqualTo("Cancel");
        assertThat(CapRendererTest.text(info, "responseType")).isEqualTo("None");
        assertThat(CapRendererTest.text(alert, "note")).contains("withdrawn");
    }

    /**
     * A classifier that says why in the closure: a MERGED one is withdrawn even when its sentence is worded otherwise
     * (nothing parses it), the webhook body, the alert message in it and the record on border.alerts carry the mark
     * with the incident it merged into; a QUIET one is resolved.
     */
    @Test
    void theClosureOfTheAssessmentDecidesAndTheAlertOnTheFeedCarriesTheMark() {
        String path = "/hooks/closure-" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(path), "{\"segments\":[\"GEGHARKUNIK\",\"VAYOTS_DZOR_WEST\"]}");
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        Assessment[] open = fired(path, merged, quiet);

        sendAssessments(Fixtures.closedWith(open[0], "Bridged with an older incident.", Closure.mergedInto(survivor)),
                Fixtures.closedWith(open[1], "Closed: no new reports for 7 days.", Closure.QUIET));
        await().atMost(Duration.ofSeconds(30)).until(() -> closes(path, merged, AlertEvent.RESOLVED) != null
                && closes(path, quiet, AlertEvent.RESOLVED) != null);

        JsonNode body = closes(path, merged, AlertEvent.RESOLVED);
        assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION, Json.writeBytes(body))).isEmpty();
        JsonNode mark = body.get("withdrawn").get(0);
        assertThat(mark.get("kind").asString()).isEqualTo("MERGED");
        assertThat(mark.get("mergedInto").asString()).isEqualTo(survivor.toString());
        assertThat(mark.get("why").asString()).isEqualTo("Bridged with an older incident.");
        JsonNode inBody = body.get("alerts").get(0).get("withdrawn");
        assertThat(inBody.get("kind").asString()).isEqualTo("MERGED");
        assertThat(inBody.get("mergedInto").asString()).isEqualTo(survivor.toString());
        assertThat(body.get("alerts").get(0).get("summary").asString())
                .endsWith("withdrawn, merged into incident " + survivor);
        JsonNode resolved = closes(path, quiet, AlertEvent.RESOLVED);
        assertThat(resolved.has("withdrawn")).isFalse();
        assertThat(resolved.get("alerts").get(0).has("withdrawn")).isFalse();

        // border.alerts: the closing message of the merged incident carries the mark, valid against the schema
        List<Alert> feed = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.bytes(Topics.ALERTS.name())
                .matching(r -> r.key() != null && r.key().equals(merged.toString())).read(2)) {
            assertThat(JsonSchemas.validate(JsonSchemas.ALERT, r.value())).isEmpty();
            feed.add(Json.read(r.value(), Alert.class));
        }
        assertThat(feed).extracting(Alert::event).containsExactly(AlertEvent.FIRED, AlertEvent.RESOLVED);
        assertThat(feed.get(0).withdrawn()).isNull();
        assertThat(feed.get(1).withdrawn()).isEqualTo(new Withdrawn(ClosureReason.MERGED, survivor));
    }

    /**
     * Opens an incident in GEGHARKUNIK and one in VAYOTS_DZOR_WEST (another segment: never grouped with the first into
     * one notification) and waits until the webhook at {@code path} has both FIRED messages.
     */
    private static Assessment[] fired(String path, UUID first, UUID second) {
        Assessment open = Fixtures.assessment(first, 1, BorderSegment.GEGHARKUNIK, Severity.HIGH,
                Occurrence.DISPUTED, false);
        Assessment openToo = Fixtures.assessment(second, 1, BorderSegment.VAYOTS_DZOR_WEST, Severity.HIGH,
                Occurrence.DISPUTED, false);
        sendAssessments(open, openToo);
        await().atMost(Duration.ofSeconds(30)).until(() -> closes(path, first, AlertEvent.FIRED) != null
                && closes(path, second, AlertEvent.FIRED) != null);
        return new Assessment[]{open, openToo};
    }

    /** The webhook body that carried this incident's message of this event, or null. */
    private static JsonNode closes(String path, UUID incident, AlertEvent event) {
        for (var r : RECEIVER.accepted(path)) {
            JsonNode body = Json.tree(r.body());
            for (JsonNode a : body.get("alerts")) {
                if (a.get("incidentId").asString().equals(incident.toString())
                        && a.get("event").asString().equals(event.name())) {
                    return body;
                }
            }
        }
        return null;
    }

    private static List<MimeMessage> mails(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** The text/plain part, however deep the multiparts nest it. */
    private static String text(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof MimeMultipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String found = text(mp.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
