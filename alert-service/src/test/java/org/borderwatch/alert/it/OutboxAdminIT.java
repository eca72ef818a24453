package org.borderwatch.alert.it;

import io.micrometer.core.instrument.MeterRegistry;
import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.AlertStore;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' outbox surface through the whole service (real broker, the testkit's MongoDB-wire store, a real
 * HTTP receiver): {@code GET /api/v1/deliveries} finds stuck and FAILED rows across alerts, a FAILED delivery
 * re-queued by an ADMIN is delivered once more under the same delivery id, {@code POST …/abandon} gives a row up
 * for good (audited, never sent, off the backlog), {@code GET …/unrelayed} and an abandon clear a row the relay
 * cannot copy and with it the relay backlog gauge; STAFF are refused, bad input is a problem.
 */
class OutboxAdminIT extends AlertServiceITSupport {

    /** Its own server, so its circuit (per host and port) is its own. */
    private static final WebhookReceiver PARTNER = new WebhookReceiver();

    @Autowired
    AlertDispatcher dispatcher;
    @Autowired
    AlertStore alertStore;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void stop() {
        PARTNER.close();
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.tree(r.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(r).get("type").asString()).isEqualTo("urn:borderwatch:problem:" + type);
    }

    private List<OutboxRow> rows(UUID incident, String subscriptionId) {
        return deliveryStore.byAlert(AlertLifecycle.alertIdOf(incident)).stream()
                .filter(r -> r.subscriptionId().equals(subscriptionId)).toList();
    }

    private OutboxRow failed(UUID incident, String subscriptionId) {
        await().atMost(Duration.ofSeconds(45)).until(() -> rows(incident, subscriptionId).stream()
                .anyMatch(r -> r.status() == DeliveryStatus.FAILED));
        return rows(incident, subscriptionId).get(0);
    }

    private List<String> ids(HttpResponse<String> list) {
        List<String> out = new ArrayList<>();
        json(list).forEach(d -> out.add(d.get("id").asString()));
        return out;
    }

    private UUID fire(BorderSegment segment, int yearsAhead) {
        UUID incident = UUID.randomUUID();
        // HIGH, far from other tests' incidents in event time: never inhibited
        sendAssessments(Fixtures.assessment(incident, 1, segment, Severity.HIGH, Occurrence.CONFIRMED, false,
                Fixtures.EVENT_TIME.plusYears(yearsAhead)));
        return incident;
    }

    @Test
    void aFailedDeliveryFoundInTheListIsRetriedByAnAdminAndDeliveredOnceUnderTheSameId() {
        String path = "/outbox-retry/" + UUID.randomUUID();
        PARTNER.failFirst(path, Integer.MAX_VALUE, 404); // refused for good: FAILED after one attempt
        String sub = subscribeWebhook("staff1", PARTNER.url(path), "{\"segments\":[\"SYUNIK_WEST\"]}");
        UUID incident = fire(BorderSegment.SYUNIK_WEST, 33);
        OutboxRow failed = failed(incident, sub);

        // the operator's view across alerts: FAILED rows of this subscription
        String query = "/api/v1/deliveries?status=FAILED&subscriptionId=" + sub;
        HttpResponse<String> list = get(query, "admin");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(ids(list)).containsExactly(failed.id());
        assertThat(list.headers().firstValue("X-Total-Count")).hasValue("1");
        JsonNode row = json(list).get(0);
        assertThat(row.get("alertId").asString()).isEqualTo(AlertLifecycle.alertIdOf(incident).toString());
        assertThat(row.get("channel").asString()).isEqualTo("webhook");
        assertThat(row.get("lastError").asString()).isEqualTo("HTTP 404 Not Found");
        assertThat(row.has("nextAttemptAt")).as("finished").isFalse();
        assertThat(get("/api/v1/deliveries?status=FAILED&channel=email&subscriptionId=" + sub, "admin").body())
                .isEqualTo("[]");
        assertThat(ids(get("/api/v1/deliveries?statuses=PENDING,FAILED&channels=webhook&olderThan=PT0.001S"
                + "&subscriptionId=" + sub, "admin"))).containsExactly(failed.id());
        assertProblem(get(query, "staff1"), 403, "forbidden");

        PARTNER.failFirst(path, 0, 404); // the partner fixed its endpoint
        int before = PARTNER.requests(path).size();
        HttpResponse<String> retried = post("/api/v1/deliveries/" + failed.id() + "/requeue", "admin",
                "{\"reason\":\"partner fixed its endpoint (ticket 4801)\"}");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> PARTNER.accepted(path).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveryStore.find(failed.id()).orElseThrow().status()
                == DeliveryStatus.DELIVERED);
        // exactly once more, under the same delivery id (header and signed body), so a receiver can deduplicate
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                .until(() -> PARTNER.requests(path).size() == before + 1);
        WebhookReceiver.Request resent = PARTNER.accepted(path).get(0);
        assertThat(resent.header("X-BorderWatch-Delivery")).isEqualTo(failed.id());
        assertThat(Json.tree(resent.body()).get("deliveryId").asString()).isEqualTo(failed.id());
        assertThat(resent.header("X-BorderWatch-Signature"))
                .isEqualTo(signatureOf(SECRET, resent.header("X-BorderWatch-Timestamp"), resent.body()));
        JsonNode delivered = json(get("/api/v1/deliveries?status=DELIVERED&subscriptionId=" + sub, "admin")).get(0);
        assertThat(delivered.get("id").asString()).isEqualTo(failed.id());
        assertThat(delivered.get("requeues").asInt()).isEqualTo(1);
        assertThat(delivered.get("requeuedBy").asString()).isEqualTo("admin");
        assertThat(delivered.get("requeueReason").asString()).isEqualTo("partner fixed its endpoint (ticket 4801)");
    }

    @Test
    void anAdminAbandonsAFailedAndAWaitingRowForGoodAuditedAndStaffMayNot() {
        String path = "/outbox-abandon/" + UUID.randomUUID();
        PARTNER.failFirst(path, Integer.MAX_VALUE, 404);
        String sub = subscribeWebhook("staff2", PARTNER.url(path), "{\"segments\":[\"LACHIN_CORRIDOR\"]}");
        UUID incident = fire(BorderSegment.LACHIN_CORRIDOR, 34);
        UUID alertId = AlertLifecycle.alertIdOf(incident);
        OutboxRow failed = failed(incident, sub);
        java.util.function.Supplier<Long> sentWithItsId = () -> PARTNER.requests(path).stream()
                .filter(r -> failed.id().equals(r.header("X-BorderWatch-Delivery"))).count();
        long refused = sentWithItsId.get();
        String abandon = "/api/v1/deliveries/" + failed.id() + "/abandon";

        assertProblem(post(abandon, "staff2", "{\"reason\":\"my own desk\"}"), 403, "forbidden");
        HttpResponse<String> noReason = post(abandon, "admin", "{\"reason\":\" \"}");
        assertProblem(noReason, 400, "invalid-request");
        assertThat(json(noReason).get("detail").asString()).contains("reason is required");
        assertProblem(post(abandon, "admin", "{\"reason\":\"x\",\"target\":\"" + PARTNER.url(path) + "\"}"), 400,
                "invalid-request");
        assertProblem(post(abandon, "admin", "{}"), 400, "invalid-request");
        assertProblem(post("/api/v1/deliveries/" + UUID.randomUUID() + "/abandon", "admin", "{\"reason\":\"x\"}"),
                404, "not-found");
        assertThat(deliveryStore.find(failed.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);

        HttpResponse<String> done = post(abandon, "admin", "{\"reason\":\"partner closed this desk (ticket 4802)\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json(done).get("abandoned").asInt()).isEqualTo(1);
        JsonNode view = json(done).get("deliveries").get(0);
        assertThat(view.get("id").asString()).isEqualTo(failed.id());
        assertThat(view.get("status").asString()).isEqualTo("ABANDONED");
        assertThat(view.get("statusBefore").asString()).isEqualTo("FAILED");
        assertThat(view.get("abandonedBy").asString()).isEqualTo("admin");
        assertThat(view.get("abandonReason").asString()).isEqualTo("partner closed this desk (ticket 4802)");
        assertThat(view.get("abandonedAt").asString()).isNotBlank();
        // no longer among the FAILED ones; listed as ABANDONED, and so in the alert's deliveries
        assertThat(ids(get("/api/v1/deliveries?status=FAILED&subscriptionId=" + sub, "admin"))).isEmpty();
        assertThat(ids(get("/api/v1/deliveries?status=ABANDONED&subscriptionId=" + sub, "admin")))
                .containsExactly(failed.id());
        assertThat(json(get("/api/v1/alerts/" + alertId + "/deliveries", "admin")).findValues("status")
                .stream().map(JsonNode::asString).toList()).contains("ABANDONED");
        // audited: who, when, why and what it had been
        JsonNode audit = json(get("/api/v1/audit?action=abandon-delivery&target=alert:" + alertId, "admin"));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(audit.get(0).get("at").asString()).isNotBlank();
        assertThat(audit.get(0).get("detail").asString()).contains(failed.id())
                .contains("partner closed this desk (ticket 4802)").contains("it was FAILED after 1 attempt(s), "
                        + "last failure: HTTP 404 Not Found");
        // given up for good: not re-queued, not abandoned twice, never sent again
        HttpResponse<String> requeue = post("/api/v1/deliveries/" + failed.id() + "/requeue", "admin",
                "{\"reason\":\"changed my mind\"}");
        assertProblem(requeue, 409, "not-requeueable");
        assertThat(json(requeue).get("detail").asString()).contains("is ABANDONED, not FAILED");
        HttpResponse<String> twice = post(abandon, "admin", "{\"reason\":\"again\"}");
        assertProblem(twice, 409, "not-abandonable");
        assertThat(json(twice).get("detail").asString()).contains("is ABANDONED already (by admin at ");

        // a row still waiting (a ten-minute group wait): abandoned before its first send, never sent
        String waitingPath = "/outbox-waiting/" + UUID.randomUUID();
        var created = post("/api/v1/subscriptions", "staff2", """
                {"name":"waiting desk","channel":{"type":"webhook","url":"%s","secret":"%s"},
                 "filter":{"segments":["LACHIN_CORRIDOR"]},"groupWait":"PT10M"}"""
                .formatted(PARTNER.url(waitingPath), SECRET));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String waitingSub = json(created).get("id").asString();
        UUID later = fire(BorderSegment.LACHIN_CORRIDOR, 35);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(later, waitingSub).size() == 1);
        OutboxRow waiting = rows(later, waitingSub).get(0);
        assertThat(ids(get("/api/v1/deliveries?status=PENDING&subscriptionId=" + waitingSub, "admin")))
                .containsExactly(waiting.id());
        long backlog = deliveryStore.backlog();
        HttpResponse<String> gone = post("/api/v1/deliveries/" + waiting.id() + "/abandon", "admin",
                "{\"reason\":\"desk merged into another\"}");
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(200);
        assertThat(json(gone).get("deliveries").get(0).get("statusBefore").asString()).isEqualTo("PENDING");
        assertThat(deliveryStore.find(waiting.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.ABANDONED);
        assertThat(ids(get("/api/v1/deliveries?status=PENDING,IN_FLIGHT&subscriptionId=" + waitingSub, "admin")))
                .isEmpty();
        assertThat(deliveryStore.backlog()).as("one row fewer waiting (others' rows may come and go meanwhile)")
                .isLessThanOrEqualTo(backlog);
        clock.shift(Duration.ofMinutes(11)); // past the group wait: still nothing is sent
        try {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6))
                    .until(() -> PARTNER.requests(waitingPath).isEmpty());
        } finally {
            clock.reset();
        }
        // (the later alert went to the first desk too, as a delivery of its own)
        assertThat(sentWithItsId.get()).as("the abandoned delivery was never sent again").isEqualTo(refused);
    }

    @Test
    void aRowTheRelayCannotCopyIsListedAndAbandonedAndTheRelayBacklogGaugeClears() {
        UUID incident = fire(BorderSegment.ARARAT, 36);
        UUID alertId = AlertLifecycle.alertIdOf(incident);
        await().atMost(Duration.ofSeconds(30)).until(() -> !deliveryStore.byAlert(alertId).isEmpty()
                && alertStore.findByIncident(incident).orElseThrow().pending().isEmpty());
        long others = alertStore.countPendingOutbox();
        // a live-stream row whose message cannot be read, left in the alert document: every relay pass fails on it
        String id = UnrelayableRow.plant(mongo, alertId.toString());
        dispatcher.relayPending();
        assertThat(relayBacklog()).isEqualTo(others + 1);

        assertProblem(get("/api/v1/deliveries/unrelayed", "staff1"), 403, "forbidden");
        HttpResponse<String> unrelayed = get("/api/v1/deliveries/unrelayed", "admin");
        assertThat(unrelayed.statusCode()).as(unrelayed.body()).isEqualTo(200);
        assertThat(json(unrelayed).findValues("id").stream().map(JsonNode::asString).toList()).contains(id);
        assertProblem(post("/api/v1/deliveries/" + id + "/abandon", "staff1", "{\"reason\":\"x\"}"), 403,
                "forbidden");

        HttpResponse<String> done = post("/api/v1/deliveries/" + id + "/abandon", "admin",
                "{\"reason\":\"its message cannot be read; desks told by phone\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonNode view = json(done).get("deliveries").get(0);
        assertThat(view.get("status").asString()).isEqualTo("ABANDONED");
        assertThat(view.get("statusBefore").asString()).isEqualTo("UNRELAYED");
        assertThat(relayBacklog()).as("at once, without waiting for a relay pass").isEqualTo(others);
        dispatcher.relayPending();
        assertThat(relayBacklog()).isEqualTo(others);
        assertThat(alertStore.findByIncident(incident).orElseThrow().pending()).isEmpty();
        assertThat(json(get("/api/v1/deliveries/unrelayed", "admin")).findValues("id").stream()
                .map(JsonNode::asString).toList()).doesNotContain(id);
        assertThat(get("/api/v1/audit?action=abandon-delivery&target=alert:" + alertId, "admin").body())
                .contains(id).contains("never copied to the outbox");
    }

    @Test
    void badQueriesAreProblemsNamingEachWrongParameter() {
        HttpResponse<String> bad = get("/api/v1/deliveries?status=LOST&channel=sms&olderThan=yesterday", "admin");
        assertProblem(bad, 400, "invalid-request");
        List<String> problems = new ArrayList<>();
        json(bad).get("problems").forEach(p -> problems.add(p.asString()));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("parameter 'status' must be one of").contains("ABANDONED")
                .endsWith("got 'LOST'");
        assertThat(problems.get(1)).isEqualTo("parameter 'channel' must be one of webhook, email, kafka, got 'sms'");
        assertThat(problems.get(2)).isEqualTo("parameter 'olderThan' must be a positive ISO-8601 duration such as "
                + "PT30M, PT1H or P2D, got 'yesterday'");
        assertProblem(get("/api/v1/deliveries?olderThan=-PT1H", "admin"), 400, "invalid-request");
        HttpResponse<String> unknown = get("/api/v1/deliveries?state=FAILED", "admin");
        assertProblem(unknown, 400, "invalid-request");
        assertThat(json(unknown).get("detail").asString()).contains("'state' is not known");
        assertProblem(get("/api/v1/deliveries?size=0", "admin"), 400, "invalid-request");
        assertProblem(get("/api/v1/deliveries/unrelayed?status=FAILED", "admin"), 400, "invalid-request");
        assertProblem(post("/api/v1/deliveries/x/abandon", "admin", "not json"), 400, "invalid-request");
    }

    private double relayBacklog() {
        return meters.find(AlertMetrics.RELAY_BACKLOG).gauge().value();
    }
}
