package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.delivery.Grouping;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.AlertStore;
import org.borderwatch.alert.store.StoredAlert;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outbox rows a restart leaves behind: rows left PENDING, and rows a dead worker had claimed (IN_FLIGHT under a
 * lease that ran out), are each delivered exactly once by the running worker. The restart itself (the application
 * stopped and started again on the same store) is {@link ServiceRestartIT}.
 */
class OutboxRestartIT extends AlertServiceITSupport {

    @Autowired
    MongoTemplate mongo;

    private static OutboxRow row(String subscriptionId, String url, int i, DeliveryStatus status) {
        UUID incident = UUID.randomUUID();
        Alert alert = new Alert(1, AlertLifecycle.alertIdOf(incident), incident, 1, 1, AlertEvent.FIRED,
                AlertStatus.FIRING, BorderSegment.ARARAT, Severity.MEDIUM, Occurrence.UNVERIFIED, null, null, null,
                null, "restart test " + i, List.of("left in the outbox"), null,
                OffsetDateTime.now(ZoneOffset.UTC));
        String id = Grouping.itemKey(subscriptionId, alert);
        Instant past = Instant.now().minusSeconds(60);
        return new OutboxRow(id, alert.alertId(), incident, 1, "FIRED", subscriptionId, "restart", "WEBHOOK", url,
                "single|" + id, status, past, past, past, 0, 0, null, null, null, null, Json.write(alert));
    }

    @Test
    void pendingAndOrphanedRowsAreEachDeliveredOnceByTheRunningWorker() {
        String path = "/restart/" + UUID.randomUUID();
        String sub = subscribeWebhook("staff1", RECEIVER.url(path), "{\"segments\":[\"UNRESOLVED\"]}");
        List<OutboxRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(row(sub, RECEIVER.url(path), i, DeliveryStatus.PENDING));
        }
        for (int i = 4; i < 6; i++) {
            // inserted IN_FLIGHT without a lease (not claimable), so the running worker cannot send them before the
            // dead worker's expired lease is set below (inserted PENDING, a busy machine let it send them twice)
            rows.add(row(sub, RECEIVER.url(path), i, DeliveryStatus.IN_FLIGHT));
        }
        rows.forEach(r -> assertThat(deliveryStore.insertIfAbsent(r)).isTrue());
        assertThat(deliveryStore.insertIfAbsent(rows.get(0))).as("the outbox key is the idempotency key").isFalse();
        // two rows were claimed by a worker that died: IN_FLIGHT with a lease that has run out
        for (OutboxRow r : rows.subList(4, 6)) {
            mongo.getCollection("deliveries").updateOne(new org.bson.Document("_id", r.id()),
                    new org.bson.Document("$set", new org.bson.Document("status", "IN_FLIGHT")
                            .append("leaseOwner", "dead-worker")
                            .append("leaseUntil", java.util.Date.from(Instant.now().minusSeconds(1)))));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> rows.stream()
                .allMatch(r -> deliveryStore.find(r.id()).orElseThrow().status() == DeliveryStatus.DELIVERED));
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .until(() -> RECEIVER.accepted(path).size() == rows.size());
        Map<String, Long> perKey = RECEIVER.accepted(path).stream()
                .collect(Collectors.groupingBy(r -> r.header("X-BorderWatch-Delivery"), Collectors.counting()));
        assertThat(perKey).hasSize(6).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
        assertThat(perKey.keySet()).containsExactlyInAnyOrderElementsOf(rows.stream().map(OutboxRow::id).toList());
    }

    @Autowired
    AlertDispatcher dispatcher;

    @Autowired
    AlertStore alerts;

    @Autowired
    AlertLifecycle lifecycle;

    @Test
    void rowsLeftInAnAlertDocumentByACrashAreRelayedOnce() {
        String path = "/relay/" + UUID.randomUUID();
        String sub = subscribeWebhook("staff1", RECEIVER.url(path), "{\"segments\":[\"UNRESOLVED\"]}");
        UUID incident = UUID.randomUUID();
        var t = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, BorderSegment.UNRESOLVED,
                Severity.LOW, Occurrence.UNVERIFIED, false, Fixtures.EVENT_TIME.plusYears(10)));
        OutboxRow row = row(sub, RECEIVER.url(path), 99, DeliveryStatus.PENDING);
        // the alert and its outbox row were written in one document, then the process died before the copy
        var stored = new StoredAlert(t.state(), -1, List.of(new StoredAlert.Message(t.message(), "test", null)),
                Map.of(sub, 1L), null, List.of(), List.of(row));
        assertThat(alerts.write(stored, -1)).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryStore.find(row.id())
                .map(r -> r.status() == DeliveryStatus.DELIVERED).orElse(false));
        assertThat(alerts.findByIncident(incident).orElseThrow().pending()).isEmpty();
        assertThat(dispatcher.relayPending()).isZero();
        assertThat(RECEIVER.accepted(path)).hasSize(1);
    }

    @Test
    void aMessagesRowsAreCopiedInOneInsertAndRowsAlreadyThereAreLeftAlone() {
        String sub = "not-a-subscription-" + UUID.randomUUID();
        Instant later = Instant.now().plus(Duration.ofHours(1));   // not due: the worker leaves them alone
        List<OutboxRow> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            OutboxRow r = row(sub, "http://127.0.0.1:9/none", i, DeliveryStatus.PENDING);
            rows.add(new OutboxRow(r.id(), r.alertId(), r.incidentId(), r.sequence(), r.event(), r.subscriptionId(),
                    r.subscriptionName(), r.channel(), r.target(), r.groupKey(), r.status(), later, r.createdAt(),
                    r.receivedAt(), 0, 0, null, null, null, null, r.alertJson()));
        }
        // two rows were copied before a crash, and one of them has been delivered since
        assertThat(deliveryStore.insertIfAbsent(rows.get(1))).isTrue();
        assertThat(deliveryStore.insertIfAbsent(rows.get(3))).isTrue();
        mongo.getCollection("deliveries").updateOne(new org.bson.Document("_id", rows.get(3).id()),
                new org.bson.Document("$set", new org.bson.Document("status", "DELIVERED")));
        try {
            assertThat(deliveryStore.insertAllIfAbsent(rows)).as("only the missing rows are new").isEqualTo(3);
            assertThat(deliveryStore.insertAllIfAbsent(rows)).as("a repeated copy is a no-op").isZero();
            assertThat(rows).allSatisfy(r -> assertThat(deliveryStore.find(r.id())).isPresent());
            assertThat(deliveryStore.find(rows.get(3).id()).orElseThrow().status())
                    .as("a row already there is not overwritten").isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(deliveryStore.find(rows.get(0).id()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
        } finally {
            mongo.getCollection("deliveries").deleteMany(new org.bson.Document("subscriptionId", sub));
        }
    }

    private org.bson.Document finishedRow(String status, Duration age) {
        UUID incident = UUID.randomUUID();
        return new org.bson.Document("_id", UUID.randomUUID().toString())
                .append("alertId", AlertLifecycle.alertIdOf(incident).toString())
                .append("incidentId", incident.toString()).append("sequence", 1L).append("status", status)
                .append("updatedAt", java.util.Date.from(Instant.now().minus(age)));
    }

    @Test
    void theExpiryJobRemovesOnlyFinishedRowsPastRetention() {
        var old = finishedRow("DELIVERED", Duration.ofDays(40));
        var oldFailed = finishedRow("FAILED", Duration.ofDays(31));
        var recent = finishedRow("FAILED", Duration.ofDays(1));
        mongo.getCollection("deliveries").insertMany(List.of(old, oldFailed, recent));

        deliveryStore.expire(Instant.now().minus(Duration.ofDays(30)));

        assertThat(deliveryStore.find(old.getString("_id"))).isEmpty();
        assertThat(deliveryStore.find(oldFailed.getString("_id"))).isEmpty();
        assertThat(deliveryStore.find(recent.getString("_id"))).isPresent();
    }
}
