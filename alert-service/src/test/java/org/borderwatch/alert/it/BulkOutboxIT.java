package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.common.json.Json;
import org.junit.jupiter.api.Test;
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
 * Bulk abandon and re-queue by a filter through the whole service (ADMIN), on rows written into the real store's
 * outbox and a real HTTP receiver; the shared settings take at most 3 rows per call and show 2 of them.
 */
class BulkOutboxIT extends AlertServiceITSupport {

    private static JsonNode json(HttpResponse<String> r) {
        return Json.tree(r.body().getBytes(StandardCharsets.UTF_8));
    }

    private List<String> insert(String subscriptionId, String target, DeliveryStatus status, Instant createdAt,
                                Instant notBefore, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OutboxRow row = OutboxRows.row(subscriptionId, "WEBHOOK", target, status, createdAt.plusSeconds(i),
                    notBefore);
            deliveryStore.insertIfAbsent(row);
            ids.add(row.id());
        }
        return ids;
    }

    private DeliveryStatus status(String id) {
        return deliveryStore.find(id).orElseThrow().status();
    }

    @Test
    void badFiltersAreOneProblemNamingEachFieldAndStaffIsRefused() {
        String body = "{\"reason\":\"x\",\"filter\":{\"target\":\"https://nowhere.example/\"}}";
        for (String path : List.of("/api/v1/deliveries/bulk-abandon", "/api/v1/deliveries/bulk-requeue")) {
            var staff = post(path, "staff1", body);
            assertThat(staff.statusCode()).isEqualTo(403);
            assertThat(staff.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }

        var bad = post("/api/v1/deliveries/bulk-abandon", "admin", """
                {"reason":"cleanup","filter":{"statuses":["DELIVERED","LOST"],"channels":["sms"],
                 "createdBefore":"yesterday","createdAfter":"2026-11-24T12:00:00Z"}}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        List<String> problems = new ArrayList<>();
        json(bad).get("problems").forEach(p -> problems.add(p.asString()));
        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).contains("filter.statuses", "DELIVERED rows cannot be abandoned");
        assertThat(problems.get(1)).contains("filter.statuses", "LOST");
        assertThat(problems.get(2)).contains("filter.channels", "sms");
        assertThat(problems.get(3)).contains("filter.createdBefore", "yesterday");

        var requeueStatus = post("/api/v1/deliveries/bulk-requeue", "admin",
                "{\"reason\":\"r\",\"filter\":{\"statuses\":[\"PENDING\"]}}");
        assertThat(requeueStatus.statusCode()).isEqualTo(400);
        assertThat(requeueStatus.body()).contains("filter.statuses", "PENDING rows cannot be re-queued");

        var nothing = post("/api/v1/deliveries/bulk-abandon", "admin", "{}");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("reason is required", "field 'filter' is required");
        var empty = post("/api/v1/deliveries/bulk-abandon", "admin", "{\"reason\":\"r\",\"filter\":{}}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("over the whole outbox is refused");
        var swapped = post("/api/v1/deliveries/bulk-abandon", "admin", """
                {"reason":"r","filter":{"createdAfter":"2026-11-24T12:00:00Z","createdBefore":"2026-11-23T12:00:00Z"}}""");
        assertThat(swapped.statusCode()).isEqualTo(400);
        assertThat(swapped.body()).contains("filter.createdAfter", "must not be after", "filter.createdBefore");
        var unknown = post("/api/v1/deliveries/bulk-abandon", "admin",
                "{\"reason\":\"r\",\"filter\":{\"status\":[\"FAILED\"]}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("filter.status");
    }

    @Test
    void aBulkRequeueDryRunChangesNothingThenTheRowsAreSentOnceEachThreeAtATime() {
        String path = "/bulk/" + UUID.randomUUID();
        String target = RECEIVER.url(path);
        String sub = subscribeWebhook("staff1", target, "{\"segments\":[\"KARABAKH\"],\"minSeverity\":\"CRITICAL\"}");
        Instant hoursAgo = Instant.now().minus(Duration.ofHours(3));
        List<String> old = insert(sub, target, DeliveryStatus.FAILED, hoursAgo, hoursAgo, 5);
        List<String> recent = insert(sub, target, DeliveryStatus.FAILED, Instant.now().minusSeconds(60),
                Instant.now(), 1);
        List<String> orphans = insert("gone-" + UUID.randomUUID(), target, DeliveryStatus.FAILED, hoursAgo, hoursAgo,
                2);
        String filter = "{\"target\":\"" + target + "\",\"createdBefore\":\""
                + Instant.now().minus(Duration.ofHours(1)) + "\"}";

        var dry = post("/api/v1/deliveries/bulk-requeue", "admin",
                "{\"reason\":\"partner back (ticket 4711)\",\"dryRun\":true,\"filter\":" + filter + "}");
        assertThat(dry.statusCode()).isEqualTo(200);
        JsonNode d = json(dry);
        assertThat(d.get("dryRun").asBoolean()).isTrue();
        assertThat(d.get("matched").asLong()).as("the 5 old rows; not the recent one").isEqualTo(5);
        assertThat(d.get("skippedDeletedSubscriptions").asLong()).isEqualTo(2);
        assertThat(d.get("limit").asInt()).isEqualTo(3);
        assertThat(d.get("selected").asInt()).isEqualTo(3);
        assertThat(d.get("changed").asInt()).isZero();
        assertThat(d.get("sample")).hasSize(2);
        assertThat(d.get("sample").get(0).get("id").asString()).as("oldest first").isEqualTo(old.get(0));
        assertThat(old).allMatch(id -> status(id) == DeliveryStatus.FAILED);
        assertThat(RECEIVER.accepted(path)).isEmpty();

        var first = json(post("/api/v1/deliveries/bulk-requeue", "admin",
                "{\"reason\":\"partner back (ticket 4711)\",\"filter\":" + filter + "}"));
        assertThat(first.get("changed").asInt()).isEqualTo(3);
        assertThat(first.get("remaining").asLong()).isEqualTo(2);
        var second = json(post("/api/v1/deliveries/bulk-requeue", "admin",
                "{\"reason\":\"partner back (ticket 4711)\",\"filter\":" + filter + "}"));
        assertThat(second.get("changed").asInt()).isEqualTo(2);
        assertThat(second.get("remaining").asLong()).isZero();

        await().atMost(Duration.ofSeconds(30)).until(() -> old.stream()
                .allMatch(id -> status(id) == DeliveryStatus.DELIVERED));
        assertThat(RECEIVER.accepted(path)).extracting(r -> r.header("X-BorderWatch-Delivery"))
                .containsExactlyInAnyOrderElementsOf(old);
        assertThat(status(recent.get(0))).isEqualTo(DeliveryStatus.FAILED);
        assertThat(orphans).allMatch(id -> status(id) == DeliveryStatus.FAILED);

        // each row audited on its alert, naming the filter
        String alertId = deliveryStore.find(old.get(0)).orElseThrow().alertId().toString();
        JsonNode audit = json(get("/api/v1/audit?target=alert:" + alertId, "admin"));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("action").asString()).isEqualTo("requeue-delivery");
        assertThat(audit.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(audit.get(0).get("detail").asString()).contains("partner back (ticket 4711)",
                "bulk re-queue: statuses FAILED, target " + target);
    }

    @Test
    void aBulkAbandonGivesUpWaitingRowsOfOneSubscriptionForGood() {
        String sub = "bulk-desk-" + UUID.randomUUID();
        String target = "https://desk.example/" + UUID.randomUUID();
        Instant now = Instant.now();
        // waiting rows due in a year: no worker claims them meanwhile
        List<String> waiting = insert(sub, target, DeliveryStatus.PENDING, now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(365)), 4);
        List<String> delivered = insert(sub, target, DeliveryStatus.DELIVERED, now.minus(Duration.ofDays(2)), now, 1);
        String body = "{\"reason\":\"desk closed (ticket 4712)\",\"filter\":{\"subscriptionId\":\"" + sub
                + "\",\"channels\":[\"webhook\"]}";

        JsonNode dry = json(post("/api/v1/deliveries/bulk-abandon", "admin", body + ",\"dryRun\":true}"));
        assertThat(dry.get("matched").asLong()).as("the delivered row is not abandonable").isEqualTo(4);
        assertThat(waiting).allMatch(id -> status(id) == DeliveryStatus.PENDING);

        JsonNode first = json(post("/api/v1/deliveries/bulk-abandon", "admin", body + "}"));
        assertThat(first.get("dryRun").asBoolean()).isFalse();
        assertThat(first.get("action").asString()).isEqualTo("abandon");
        assertThat(first.get("changed").asInt()).isEqualTo(3);
        assertThat(first.get("remaining").asLong()).isEqualTo(1);
        assertThat(first.get("sample").get(0).get("status").asString()).isEqualTo("ABANDONED");
        assertThat(first.get("sample").get(0).get("statusBefore").asString()).isEqualTo("PENDING");
        assertThat(first.get("sample").get(0).get("abandonedBy").asString()).isEqualTo("admin");
        assertThat(first.get("sample").get(0).get("abandonReason").asString()).isEqualTo("desk closed (ticket 4712)");
        JsonNode second = json(post("/api/v1/deliveries/bulk-abandon", "admin", body + "}"));
        assertThat(second.get("changed").asInt()).isEqualTo(1);
        assertThat(second.get("remaining").asLong()).isZero();
        assertThat(waiting).allMatch(id -> status(id) == DeliveryStatus.ABANDONED);
        assertThat(status(delivered.get(0))).isEqualTo(DeliveryStatus.DELIVERED);

        var listed = get("/api/v1/deliveries?status=ABANDONED&subscriptionId=" + sub, "admin");
        assertThat(listed.headers().firstValue("X-Total-Count")).hasValue("4");
        String alertId = deliveryStore.find(waiting.get(3)).orElseThrow().alertId().toString();
        JsonNode audit = json(get("/api/v1/audit?action=abandon-delivery&target=alert:" + alertId, "admin"));
        assertThat(audit).singleElement().satisfies(e -> assertThat(e.get("detail").asString())
                .contains("desk closed (ticket 4712)", "bulk abandon (statuses PENDING|IN_FLIGHT|FAILED|UNRELAYED, "
                        + "channels webhook, subscriptionId " + sub + ")", "it was PENDING"));
    }
}
