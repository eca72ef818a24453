package org.borderwatch.alert.delivery;

import org.borderwatch.alert.store.OutboxRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows an operator re-queued are sent again as the notification they failed in, never joined with new rows. */
class RequeueBatchTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static OutboxRow row(String id, String groupKey, String batchKey, Instant createdAt) {
        return new OutboxRow(id, UUID.randomUUID(), UUID.randomUUID(), 1, "FIRED", "s1", "desk", "WEBHOOK",
                "https://partner.example/hook", groupKey, DeliveryStatus.PENDING, NOW, createdAt, createdAt,
                0, 0, batchKey == null ? null : "HTTP 503 Service Unavailable", null, null, batchKey, "{}");
    }

    private static Grouping.Pending pending(OutboxRow r) {
        return new Grouping.Pending(r.id(), DeliveryWorker.batchGroup(r), r.notBefore(), r.createdAt());
    }

    @Test
    void reQueuedRowsOfOneFailedNotificationGoOutTogetherUnderItsKeyAndANewRowOfTheGroupApart() {
        String failedKey = Grouping.batchKey(List.of("a", "b"));
        OutboxRow a = row("a", "s1|TAVUSH", failedKey, NOW.minusSeconds(60));
        OutboxRow b = row("b", "s1|TAVUSH", failedKey, NOW.minusSeconds(59));
        OutboxRow fresh = row("c", "s1|TAVUSH", null, NOW.minusSeconds(1));
        OutboxRow alone = row("d", "s1|TAVUSH", "d", NOW.minusSeconds(30));

        var batches = Grouping.dueBatches(List.of(pending(fresh), pending(b), pending(alone), pending(a)), NOW, 50);

        assertThat(batches).extracting(batch -> batch.stream().map(Grouping.Pending::id).toList())
                .containsExactlyInAnyOrder(List.of("a", "b"), List.of("d"), List.of("c"));
        assertThat(batches).filteredOn(batch -> batch.size() == 2).singleElement()
                .satisfies(batch -> assertThat(Grouping.batchKey(batch.stream().map(Grouping.Pending::id).toList()))
                        .isEqualTo(failedKey));
        assertThat(Grouping.batchKey(List.of("d"))).as("a single row's key is its own id").isEqualTo("d");
        assertThat(DeliveryWorker.batchGroup(fresh)).isEqualTo("s1|TAVUSH");
    }
}
