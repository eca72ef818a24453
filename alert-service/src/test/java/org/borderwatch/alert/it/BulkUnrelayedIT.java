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
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bulk abandon of rows held in alert documents that the relay cannot copy (UNRELAYED: live-stream rows whose
 * message cannot be read, planted as {@link UnrelayableRow} does), through the whole service on the testkit's
 * MongoDB-wire store with a real HTTP receiver; the shared settings take at most 3 rows per call and show 2.
 */
class BulkUnrelayedIT extends AlertServiceITSupport {

    @Autowired
    AlertDispatcher dispatcher;
    @Autowired
    AlertStore alertStore;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    private static JsonNode json(HttpResponse<String> r) {
        return Json.tree(r.body().getBytes(StandardCharsets.UTF_8));
    }

    /** A new HIGH incident's alert (far from other tests' incidents in event time), its rows relayed. */
    private String fire(BorderSegment segment, int yearsAhead) {
        UUID incident = UUID.randomUUID();
        sendAssessments(Fixtures.assessment(incident, 1, segment, Severity.HIGH, Occurrence.CONFIRMED, false,
                Fixtures.EVENT_TIME.plusYears(yearsAhead)));
        UUID alertId = AlertLifecycle.alertIdOf(incident);
        await().atMost(Duration.ofSeconds(30)).until(() -> !deliveryStore.byAlert(alertId).isEmpty()
                && alertStore.findByIncident(incident).orElseThrow().pending().isEmpty());
        return alertId.toString();
    }

    /** A webhook desk no incident of these tests matches: it is sent only the rows the tests give it. */
    private String quietDesk(String url) {
        return subscribeWebhook("staff1", url, "{\"segments\":[\"KARABAKH\"],\"minSeverity\":\"CRITICAL\"}");
    }

    private double relayBacklog() {
        return meters.find(AlertMetrics.RELAY_BACKLOG).gauge().value();
    }

    private List<String> unrelayed() {
        return json(get("/api/v1/deliveries/unrelayed?size=500", "admin")).findValues("id").stream()
                .map(JsonNode::asString).toList();
    }

    private static List<String> ids(JsonNode sample) {
        List<String> out = new ArrayList<>();
        sample.forEach(v -> out.add(v.get("id").asString()));
        return out;
    }

    @Test
    void unreadableRowsHeldInTheirAlertsAreAbandonedInBulkAndTheRowTheyHeldBackIsSentOnce() {
        String path = "/bulk-unrelayed/" + UUID.randomUUID();
        String url = RECEIVER.url(path);
        String desk = quietDesk(url);
        String a = fire(BorderSegment.ARARAT, 41);
        String b = fire(BorderSegment.SYUNIK_WEST, 42);
        long others = alertStore.countPendingOutbox(); // none unless another test left some
        Instant t = Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // alert a holds two unreadable live-stream rows and, behind them, a readable row of the desk: the relay
        // fails on the alert at every pass, so it holds that one back too; alert b holds two unreadable rows
        List<Document> inA = List.of(UnrelayableRow.streamRow(mongo, a, t),
                UnrelayableRow.streamRow(mongo, a, t.plusSeconds(1)),
                UnrelayableRow.webhookRow(mongo, a, desk, url, t.plusSeconds(2)));
        List<Document> inB = List.of(UnrelayableRow.streamRow(mongo, b, t.plusSeconds(10)),
                UnrelayableRow.streamRow(mongo, b, t.plusSeconds(11)));
        UnrelayableRow.hold(mongo, a, inA);
        UnrelayableRow.hold(mongo, b, inB);
        List<String> stuck = List.of(inA.get(0).getString("_id"), inA.get(1).getString("_id"),
                inB.get(0).getString("_id"), inB.get(1).getString("_id"));
        String heldBack = inA.get(2).getString("_id");
        dispatcher.relayPending();
        assertThat(relayBacklog()).isEqualTo(others + 2);
        assertThat(unrelayed()).containsAll(stuck).contains(heldBack);

        // a re-queue cannot take them
        HttpResponse<String> requeue = post("/api/v1/deliveries/bulk-requeue", "admin",
                "{\"reason\":\"r\",\"filter\":{\"statuses\":[\"UNRELAYED\"]}}");
        assertThat(requeue.statusCode()).isEqualTo(400);
        assertThat(json(requeue).get("problems")).singleElement().satisfies(p -> assertThat(p.asString())
                .startsWith("field 'filter.statuses': UNRELAYED rows").contains("cannot be re-queued"));

        String body = "{\"reason\":\"stream message unreadable, desks told by phone (ticket 4790)\",\"filter\":"
                + "{\"statuses\":[\"UNRELAYED\"],\"subscriptionId\":\"stream:live\",\"createdAfter\":\""
                + t.minusSeconds(60) + "\",\"createdBefore\":\"" + t.plus(Duration.ofHours(1)) + "\"}";
        String words = "statuses UNRELAYED, subscriptionId stream:live, createdAfter " + t.minusSeconds(60)
                + ", createdBefore " + t.plus(Duration.ofHours(1));

        // the dry run counts and shows them, oldest first, and changes nothing
        JsonNode dry = json(post("/api/v1/deliveries/bulk-abandon", "admin", body.replace("{\"reason\"",
                "{\"dryRun\":true,\"reason\"") + "}"));
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("filter").asString()).isEqualTo(words);
        assertThat(dry.get("matched").asLong()).as("the four stream rows, not the desk's").isEqualTo(4);
        assertThat(dry.get("limit").asInt()).isEqualTo(3);
        assertThat(dry.get("selected").asInt()).isEqualTo(3);
        assertThat(dry.get("changed").asInt()).isZero();
        assertThat(dry.get("remaining").asLong()).isEqualTo(4);
        assertThat(ids(dry.get("sample"))).containsExactly(stuck.get(0), stuck.get(1));
        assertThat(dry.get("sample").get(0).get("status").asString()).isEqualTo("UNRELAYED");
        assertThat(dry.get("sample").get(0).get("alertId").asString()).isEqualTo(a);
        assertThat(dry.get("sample").get(0).get("channel").asString()).isEqualTo("stream");
        assertThat(relayBacklog()).isEqualTo(others + 2);
        assertThat(unrelayed()).containsAll(stuck);
        assertThat(stuck).allMatch(id -> deliveryStore.find(id).isEmpty());

        // then in two calls: a's two rows and b's first, then b's second
        JsonNode first = json(post("/api/v1/deliveries/bulk-abandon", "admin", body + "}"));
        assertThat(first.get("changed").asInt()).isEqualTo(3);
        assertThat(first.get("remaining").asLong()).isEqualTo(1);
        assertThat(ids(first.get("sample"))).containsExactly(stuck.get(0), stuck.get(1));
        assertThat(first.get("sample").get(0).get("status").asString()).isEqualTo("ABANDONED");
        assertThat(first.get("sample").get(0).get("statusBefore").asString()).isEqualTo("UNRELAYED");
        assertThat(first.get("sample").get(0).get("abandonedBy").asString()).isEqualTo("admin");
        assertThat(unrelayed()).doesNotContainAnyElementsOf(stuck.subList(0, 3)).contains(stuck.get(3));
        // nothing holds the desk's row back any more: the relay (this pass, or the scheduled one before it) copies
        // it and it is sent, once
        dispatcher.relayPending();
        assertThat(relayBacklog()).as("only b still holds a row").isEqualTo(others + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryStore.find(heldBack)
                .map(r -> r.status() == DeliveryStatus.DELIVERED).orElse(false));
        assertThat(RECEIVER.accepted(path)).singleElement().satisfies(r ->
                assertThat(r.header("X-BorderWatch-Delivery")).isEqualTo(heldBack));

        JsonNode second = json(post("/api/v1/deliveries/bulk-abandon", "admin", body + "}"));
        assertThat(second.get("changed").asInt()).isEqualTo(1);
        assertThat(second.get("remaining").asLong()).isZero();
        assertThat(relayBacklog()).as("at once, without waiting for a relay pass").isEqualTo(others);
        dispatcher.relayPending();
        assertThat(relayBacklog()).isEqualTo(others);
        assertThat(unrelayed()).doesNotContainAnyElementsOf(stuck);
        for (String alertId : List.of(a, b)) {
            assertThat(alertStore.heldRows(List.of(alertId))).isEmpty();
        }
        // each recorded once in the outbox as ABANDONED, never sent; each audited once on its alert
        for (String id : stuck) {
            var row = deliveryStore.findHandled(id).orElseThrow();
            assertThat(row.row().status()).isEqualTo(DeliveryStatus.ABANDONED);
            assertThat(row.statusBefore()).isEqualTo("UNRELAYED");
            assertThat(row.abandonReason()).isEqualTo("stream message unreadable, desks told by phone (ticket 4790)");
        }
        assertThat(get("/api/v1/deliveries?status=ABANDONED&subscriptionId=stream:live&size=500", "admin").body())
                .contains(stuck);
        for (String alertId : List.of(a, b)) {
            JsonNode audit = json(get("/api/v1/audit?action=abandon-delivery&target=alert:" + alertId, "admin"));
            assertThat(audit).hasSize(2).allSatisfy(e -> {
                assertThat(e.get("actor").asString()).isEqualTo("admin");
                assertThat(e.get("detail").asString()).contains("ticket 4790", "bulk abandon (" + words + ")",
                        "it was held in the alert document, never copied to the outbox");
            });
        }
        assertThat(json(get("/api/v1/audit?action=abandon-delivery&target=alert:" + a, "admin")).findValues("detail")
                .stream().map(JsonNode::asString).toList())
                .anySatisfy(d -> assertThat(d).contains(stuck.get(0)))
                .anySatisfy(d -> assertThat(d).contains(stuck.get(1)));
        assertThat(RECEIVER.accepted(path)).as("the desk's row, sent once").hasSize(1);
    }

    @Test
    void withoutStatusesADesksRowsInTheOutboxAndInItsAlertsAreTakenOldestFirstWithinTheLimit() {
        String path = "/bulk-desk/" + UUID.randomUUID();
        String url = RECEIVER.url(path);
        String desk = quietDesk(url);
        String c = fire(BorderSegment.TAVUSH, 43);
        long others = alertStore.countPendingOutbox();
        Instant t = Instant.now().minus(Duration.ofHours(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        OutboxRow failedFirst = OutboxRows.row(desk, "WEBHOOK", url, DeliveryStatus.FAILED, t);
        OutboxRow failedLater = OutboxRows.row(desk, "WEBHOOK", url, DeliveryStatus.FAILED, t.plusSeconds(20));
        deliveryStore.insertIfAbsent(failedFirst);
        deliveryStore.insertIfAbsent(failedLater);
        // two of the desk's rows held in alert c behind an unreadable live-stream row (another subscription)
        Document stream = UnrelayableRow.streamRow(mongo, c, t.plusSeconds(5));
        Document heldFirst = UnrelayableRow.webhookRow(mongo, c, desk, url, t.plusSeconds(10));
        Document heldLater = UnrelayableRow.webhookRow(mongo, c, desk, url, t.plusSeconds(30));
        UnrelayableRow.hold(mongo, c, List.of(stream, heldFirst, heldLater));
        dispatcher.relayPending();
        assertThat(relayBacklog()).isEqualTo(others + 1);

        String body = "{\"reason\":\"desk closed (ticket 4791)\",\"filter\":{\"subscriptionId\":\"" + desk + "\"}}";
        JsonNode first = json(post("/api/v1/deliveries/bulk-abandon", "admin", body));
        assertThat(first.get("filter").asString())
                .isEqualTo("statuses PENDING|IN_FLIGHT|FAILED|UNRELAYED, subscriptionId " + desk);
        assertThat(first.get("matched").asLong()).as("two in the outbox, two held").isEqualTo(4);
        assertThat(first.get("selected").asInt()).isEqualTo(3);
        assertThat(first.get("changed").asInt()).isEqualTo(3);
        assertThat(first.get("remaining").asLong()).isEqualTo(1);
        assertThat(ids(first.get("sample"))).containsExactly(failedFirst.id(), heldFirst.getString("_id"));
        assertThat(first.get("sample").get(0).get("statusBefore").asString()).isEqualTo("FAILED");
        assertThat(first.get("sample").get(1).get("statusBefore").asString()).isEqualTo("UNRELAYED");
        assertThat(deliveryStore.find(failedLater.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.ABANDONED);

        JsonNode second = json(post("/api/v1/deliveries/bulk-abandon", "admin", body));
        assertThat(second.get("changed").asInt()).isEqualTo(1);
        assertThat(second.get("remaining").asLong()).isZero();
        assertThat(ids(second.get("sample"))).containsExactly(heldLater.getString("_id"));
        // the live-stream row is not the desk's: still held, and with it the alert in the relay backlog
        assertThat(alertStore.heldRows(List.of(c))).singleElement()
                .satisfies(h -> assertThat(h.id()).isEqualTo(stream.getString("_id")));
        assertThat(relayBacklog()).isEqualTo(others + 1);
        assertThat(json(get("/api/v1/audit?action=abandon-delivery&target=alert:" + c, "admin"))).hasSize(2);

        // (put back as it was: the single abandon takes the stream row out)
        assertThat(post("/api/v1/deliveries/" + stream.getString("_id") + "/abandon", "admin",
                "{\"reason\":\"test row\"}").statusCode()).isEqualTo(200);
        assertThat(relayBacklog()).isEqualTo(others);
        assertThat(RECEIVER.accepted(path)).as("nothing of the closed desk was sent").isEmpty();
    }
}
