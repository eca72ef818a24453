package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.delivery.Grouping;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim ({@code findOneAndUpdate} per row) against the real store: workers claiming the same due rows — or rows
 * whose lease ran out — at the same moment claim every row exactly once between them, a worker never gets back a row
 * it still holds from an earlier claim, and an expired lease makes rows claimable by another worker. The rows are due only at a time an hour ahead, so the context's own worker (which
 * claims at the real time) never touches them.
 */
class OutboxClaimIT extends AlertServiceITSupport {

    private static final Duration LEASE = Duration.ofSeconds(60);

    @Autowired
    MongoTemplate mongo;

    private final String subscription = "claim-test-" + UUID.randomUUID();

    @AfterEach
    void removeRows() {
        mongo.getCollection("deliveries").deleteMany(new Document("subscriptionId", subscription));
    }

    private List<String> insertRows(int count, Instant dueAt) {
        List<OutboxRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID incident = UUID.randomUUID();
            Alert alert = new Alert(1, AlertLifecycle.alertIdOf(incident), incident, 1, 1, AlertEvent.FIRED,
                    AlertStatus.FIRING, BorderSegment.TAVUSH, Severity.MEDIUM, Occurrence.UNVERIFIED, null, null, null,
                    null, "claim test " + i, List.of("claimed twice?"), null, OffsetDateTime.now(ZoneOffset.UTC));
            String id = Grouping.itemKey(subscription, alert);
            rows.add(new OutboxRow(id, alert.alertId(), incident, 1, "FIRED", subscription, "claim", "WEBHOOK",
                    "http://127.0.0.1:9/none", "single|" + id, DeliveryStatus.PENDING, dueAt, Instant.now(),
                    Instant.now(), 0, 0, null, null, null, null, Json.write(alert)));
        }
        assertThat(deliveryStore.insertAllIfAbsent(rows)).isEqualTo(count);
        return rows.stream().map(OutboxRow::id).toList();
    }

    @Test
    void concurrentClaimersOfTheSameDueRowsClaimEveryRowExactlyOnce() throws Exception {
        Instant at = Instant.now().plus(Duration.ofHours(1));
        for (int round = 0; round < 15; round++) {
            List<String> ids = insertRows(30, at.minusSeconds(1));
            // two claim the rows in the order the worker found them, the third from the other end, so they collide
            Map<String, List<String>> got = race(at, Map.of("worker-a", ids, "worker-b", ids,
                    "worker-c", reversed(ids)));
            assertExactlyOnce(round, ids, got);
        }
    }

    @Test
    void concurrentClaimersOfRowsWhoseLeaseRanOutClaimEveryRowExactlyOnce() throws Exception {
        Instant at = Instant.now().plus(Duration.ofHours(1));
        for (int round = 0; round < 10; round++) {
            List<String> ids = insertRows(20, at.minusSeconds(1));
            // a worker that then died holds them all; its lease ends at `at`
            assertThat(deliveryStore.claimAll(ids, "worker-dead", at.minusSeconds(1), at.minusMillis(1)))
                    .hasSize(ids.size());
            Map<String, List<String>> got = race(at, Map.of("worker-a", ids, "worker-b", reversed(ids)));
            assertExactlyOnce(round, ids, got);
        }
    }

    /** Every row went to exactly one claimer, in that claimer's order, and the store says it holds it. */
    private void assertExactlyOnce(int round, List<String> ids, Map<String, List<String>> got) {
        List<String> all = new ArrayList<>();
        got.values().forEach(all::addAll);
        assertThat(all).as("round %d: every row claimed exactly once", round).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids);
        got.forEach((owner, claimed) -> {
            for (String id : claimed) {
                Document d = mongo.getCollection("deliveries").find(new Document("_id", id)).first();
                assertThat(d.getString("leaseOwner")).as("round %d: owner of %s", round, id).isEqualTo(owner);
                assertThat(d.getString("status")).isEqualTo("IN_FLIGHT");
            }
        });
    }

    /**
     * The claimers start together (a barrier) and each claims its list in chunks of ten, as a lane does; returns the
     * rows each got, in the order they came back.
     */
    private Map<String, List<String>> race(Instant at, Map<String, List<String>> orderByOwner) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(orderByOwner.size());
        try {
            CyclicBarrier start = new CyclicBarrier(orderByOwner.size());
            Map<String, CompletableFuture<List<OutboxRow>>> running = new HashMap<>();
            orderByOwner.forEach((owner, ids) -> running.put(owner,
                    CompletableFuture.supplyAsync(() -> claimInChunks(start, ids, owner, at), pool)));
            Map<String, List<String>> got = new HashMap<>();
            for (Map.Entry<String, CompletableFuture<List<OutboxRow>>> e : running.entrySet()) {
                List<OutboxRow> rows = e.getValue().get();
                // as written by the claim, and in the order asked for
                assertThat(rows).allSatisfy(r -> assertThat(r.status()).isEqualTo(DeliveryStatus.IN_FLIGHT));
                List<String> claimed = rows.stream().map(OutboxRow::id).toList();
                assertThat(claimed).isEqualTo(orderByOwner.get(e.getKey()).stream().filter(claimed::contains)
                        .toList());
                got.put(e.getKey(), claimed);
            }
            return got;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> reversed(List<String> ids) {
        List<String> out = new ArrayList<>(ids);
        Collections.reverse(out);
        return out;
    }

    private List<OutboxRow> claimInChunks(CyclicBarrier start, List<String> ids, String owner, Instant at) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<OutboxRow> got = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 10) {
            got.addAll(deliveryStore.claimAll(ids.subList(i, Math.min(ids.size(), i + 10)), owner, at,
                    at.plus(LEASE)));
        }
        return got;
    }

    @Test
    void aHeldRowIsNotClaimedAgainAndAnExpiredLeaseLetsAnotherWorkerTakeIt() {
        Instant at = Instant.now().plus(Duration.ofHours(1));
        List<String> ids = insertRows(6, at.minusSeconds(1));

        List<OutboxRow> first = deliveryStore.claimAll(ids.subList(0, 4), "worker-a", at, at.plus(LEASE));
        assertThat(first).extracting(OutboxRow::id).containsExactlyElementsOf(ids.subList(0, 4));
        assertThat(first).allSatisfy(r -> assertThat(r.status()).isEqualTo(DeliveryStatus.IN_FLIGHT));

        // the same worker claims again while it holds four of them: only the two free rows come back
        assertThat(deliveryStore.claimAll(ids, "worker-a", at.plusSeconds(1), at.plus(LEASE)))
                .extracting(OutboxRow::id).containsExactlyElementsOf(ids.subList(4, 6));
        // another worker within the lease gets nothing
        assertThat(deliveryStore.claimAll(ids, "worker-b", at.plusSeconds(2), at.plus(LEASE))).isEmpty();

        // given back unsent: claimable again at once
        deliveryStore.release(ids.subList(4, 6), "worker-a", at.plusSeconds(3));
        assertThat(deliveryStore.claimAll(ids, "worker-b", at.plusSeconds(3), at.plus(LEASE.multipliedBy(3))))
                .extracting(OutboxRow::id).containsExactlyElementsOf(ids.subList(4, 6));

        // worker-a died: once its lease has run out, worker-b takes its rows; worker-a can no longer finish them
        Instant afterLease = at.plus(LEASE).plusSeconds(1);
        assertThat(deliveryStore.claimAll(ids, "worker-b", afterLease, afterLease.plus(LEASE)))
                .extracting(OutboxRow::id).containsExactlyElementsOf(ids.subList(0, 4));
        deliveryStore.delivered(ids.subList(0, 4), "worker-a", afterLease, 204, 1, "late");
        assertThat(ids.subList(0, 4)).allSatisfy(id -> assertThat(deliveryStore.find(id).orElseThrow().status())
                .isEqualTo(DeliveryStatus.IN_FLIGHT));
        deliveryStore.delivered(ids.subList(0, 4), "worker-b", afterLease, 204, 1, "batch");
        assertThat(ids.subList(0, 4)).allSatisfy(id -> assertThat(deliveryStore.find(id).orElseThrow().status())
                .isEqualTo(DeliveryStatus.DELIVERED));
    }

    @Test
    void theOutcomesOfOneClaimAreWrittenTogetherAndOnlyToRowsTheWorkerStillHolds() {
        Instant at = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<String> ids = insertRows(7, at.minusSeconds(1));
        assertThat(deliveryStore.claimAll(ids.subList(0, 6), "worker-a", at, at.plus(LEASE))).hasSize(6);
        assertThat(deliveryStore.claimAll(ids.subList(6, 7), "worker-b", at, at.plus(LEASE))).hasSize(1);

        var outcomes = deliveryStore.outcomes("worker-a")
                .delivered(ids.subList(0, 2), at.plusSeconds(1), 204, 1, "batch-1")
                .reschedule(ids.subList(2, 4), at.plusSeconds(1), at.plusSeconds(60), "HTTP 503", 503, 3, 1)
                .failed(ids.subList(4, 5), at.plusSeconds(1), "HTTP 410", 410, 1)
                .release(ids.subList(5, 6), at.plusSeconds(1))
                // worker-b holds this one: worker-a's outcome must not touch it
                .delivered(ids.subList(6, 7), at.plusSeconds(1), 204, 1, "not-mine");
        assertThat(outcomes.pending()).isEqualTo(5);
        // nothing is written before write(...)
        assertThat(ids.subList(0, 6)).allSatisfy(id -> assertThat(deliveryStore.find(id).orElseThrow().status())
                .isEqualTo(DeliveryStatus.IN_FLIGHT));

        deliveryStore.write(outcomes);

        assertThat(outcomes.pending()).isZero();
        assertThat(ids.subList(0, 2)).allSatisfy(id -> {
            OutboxRow row = deliveryStore.find(id).orElseThrow();
            assertThat(row.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(row.statusCode()).isEqualTo(204);
        });
        assertThat(ids.subList(2, 4)).allSatisfy(id -> {
            OutboxRow row = deliveryStore.find(id).orElseThrow();
            assertThat(row.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(row.attempts()).isEqualTo(3);
            assertThat(row.rounds()).isEqualTo(1);
            assertThat(row.notBefore()).isEqualTo(at.plusSeconds(60));
        });
        assertThat(deliveryStore.find(ids.get(4)).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(deliveryStore.find(ids.get(5)).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(deliveryStore.find(ids.get(6)).orElseThrow().status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
        // a released row is due at once: claimable again by anyone
        assertThat(deliveryStore.claimAll(ids, "worker-c", at.plusSeconds(2), at.plus(LEASE)))
                .extracting(OutboxRow::id).containsExactly(ids.get(5));
    }
}
