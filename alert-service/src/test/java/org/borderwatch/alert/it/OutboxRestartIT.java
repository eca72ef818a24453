package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.delivery.Grouping;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
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
 * A restart with pending outbox rows: rows left PENDING, and rows a dead worker had claimed (IN_FLIGHT under a
 * lease that ran out), are each delivered exactly once by the running worker.
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
    void pendingAndOrphanedRowsAreEachDeliveredOnceAfterARestart() {
        String path = "/restart/" + UUID.randomUUID();
        String sub = subscribeWebhook("staff1", RECEIVER.url(path), "{\"segments\":[\"UNRESOLVED\"]}");
        List<OutboxRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(row(sub, RECEIVER.url(path), i, DeliveryStatus.PENDING));
        }
        for (int i = 4; i < 6; i++) {
            rows.add(row(sub, RECEIVER.url(path), i, DeliveryStatus.PENDING));
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

    @Test
    void theRelayIsHarmlessWhenNothingIsLeftOver() {
        assertThat(dispatcher.relayPending()).isZero();
    }
}
