package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.testkit.WebhookReceiver;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator re-sends deliveries that ended FAILED: a real receiver refuses until the delivery is FAILED, then
 * accepts; the ADMIN re-queue sends it once more under the same idempotency key, through the usual pipeline, and is
 * audited; STAFF may not; a delivery that is not FAILED is a 409.
 */
class RequeueIT extends AlertServiceITSupport {

    /** Its own server, so its circuit (per host and port) is its own. */
    private static final WebhookReceiver PARTNER = new WebhookReceiver();

    @AfterAll
    static void stop() {
        PARTNER.close();
    }

    private List<OutboxRow> rows(UUID incident, String subscriptionId) {
        return deliveryStore.byAlert(AlertLifecycle.alertIdOf(incident)).stream()
                .filter(r -> r.subscriptionId().equals(subscriptionId)).toList();
    }

    private OutboxRow failedRow(UUID incident, String subscriptionId) {
        await().atMost(Duration.ofSeconds(45)).until(() -> rows(incident, subscriptionId).stream()
                .anyMatch(r -> r.status() == DeliveryStatus.FAILED));
        return rows(incident, subscriptionId).get(0);
    }

    private List<WebhookReceiver.Request> accepted(String path, String deliveryId) {
        return PARTNER.accepted(path).stream()
                .filter(r -> deliveryId.equals(r.header("X-BorderWatch-Delivery"))).toList();
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.tree(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aFailedDeliveryIsSentOnceMoreUnderTheSameKeyAfterAnAuditedAdminRequeue() {
        String path = "/partner/" + UUID.randomUUID();
        PARTNER.failFirst(path, Integer.MAX_VALUE, 503);
        String sub = subscribeWebhook("staff1", PARTNER.url(path), "{\"segments\":[\"GEGHARKUNIK\"]}");
        UUID incident = UUID.randomUUID();
        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.GEGHARKUNIK, Severity.HIGH,
                Occurrence.UNVERIFIED, false));

        OutboxRow failed = failedRow(incident, sub);
        assertThat(failed.lastError()).startsWith("gave up after");
        int refused = PARTNER.requests(path).size();
        assertThat(refused).isPositive();
        assertThat(PARTNER.requests(path)).extracting(r -> r.header("X-BorderWatch-Delivery"))
                .containsOnly(failed.id());
        PARTNER.failFirst(path, 0, 503); // the partner is back
        String requeuePath = "/api/v1/deliveries/" + failed.id() + "/requeue";

        // STAFF may not; a reason is required; nothing changes meanwhile
        HttpResponse<String> staff = post(requeuePath, "staff1", "{\"reason\":\"partner fixed their webhook\"}");
        assertThat(staff.statusCode()).isEqualTo(403);
        assertThat(staff.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        HttpResponse<String> noReason = post(requeuePath, "admin", "{\"reason\":\"  \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).get("detail").asString()).contains("reason is required");
        assertThat(deliveryStore.find(failed.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(post("/api/v1/deliveries/" + UUID.randomUUID() + "/requeue", "admin",
                "{\"reason\":\"x\"}").statusCode()).isEqualTo(404);

        HttpResponse<String> requeued = post(requeuePath, "admin",
                "{\"reason\":\"partner webhook was down for a day, fixed\"}");
        assertThat(requeued.statusCode()).as(requeued.body()).isEqualTo(200);
        JsonNode answer = json(requeued);
        assertThat(answer.get("requeued").asInt()).isEqualTo(1);
        JsonNode view = answer.get("deliveries").get(0);
        assertThat(view.get("id").asString()).isEqualTo(failed.id());
        assertThat(view.get("attempts").asInt()).isZero();
        assertThat(view.get("status").asString()).isIn("PENDING", "IN_FLIGHT", "DELIVERED");

        // delivered exactly once more, under the same idempotency key, signed as always
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryStore.find(failed.id()).orElseThrow().status()
                == DeliveryStatus.DELIVERED);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                .until(() -> accepted(path, failed.id()).size() == 1);
        WebhookReceiver.Request resent = accepted(path, failed.id()).get(0);
        assertThat(resent.header("X-BorderWatch-Signature"))
                .isEqualTo(signatureOf(SECRET, resent.header("X-BorderWatch-Timestamp"), resent.body()));
        assertThat(notificationAlerts(resent)).singleElement()
                .satisfies(a -> assertThat(a.incidentId()).isEqualTo(incident));
        OutboxRow delivered = deliveryStore.find(failed.id()).orElseThrow();
        assertThat(delivered.attempts()).as("counted afresh").isBetween(1, refused);
        assertThat(delivered.batchKey()).isEqualTo(failed.id());

        // audited on the alert: who, when, why, and what had failed
        JsonNode audit = json(get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident) + "/audit", "staff1"));
        List<JsonNode> requeues = new ArrayList<>();
        audit.forEach(e -> {
            if (e.get("action").asString().equals("requeue-delivery")) {
                requeues.add(e);
            }
        });
        assertThat(requeues).singleElement().satisfies(e -> {
            assertThat(e.get("actor").asString()).isEqualTo("admin");
            assertThat(e.get("at").asString()).isNotBlank();
            assertThat(e.get("detail").asString()).contains(failed.id())
                    .contains("partner webhook was down for a day, fixed").contains("it had failed: gave up after");
        });

        // not FAILED (any more): 409 as a problem, and nothing is sent
        HttpResponse<String> again = post(requeuePath, "admin", "{\"reason\":\"once more\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(again).get("type").asString()).isEqualTo("urn:borderwatch:problem:not-requeueable");
        assertThat(json(again).get("detail").asString()).contains("is DELIVERED, not FAILED");
        assertThat(accepted(path, failed.id())).hasSize(1);
    }

    @Test
    void everyFailedDeliveryOfATargetOrASubscriptionIsRequeuedAtOnce() {
        String path = "/partner-bulk/" + UUID.randomUUID();
        PARTNER.failFirst(path, Integer.MAX_VALUE, 500);
        String sub = subscribeWebhook("staff2", PARTNER.url(path), "{\"segments\":[\"VAYOTS_DZOR_WEST\"]}");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // HIGH, far from other tests' incidents in event time: never inhibited
        sendAssessments(Fixtures.assessment(first, 1, BorderSegment.VAYOTS_DZOR_WEST, Severity.HIGH,
                Occurrence.UNVERIFIED, false, Fixtures.EVENT_TIME.plusYears(30)),
                Fixtures.assessment(second, 1, BorderSegment.VAYOTS_DZOR_WEST, Severity.HIGH, Occurrence.DISPUTED,
                        false, Fixtures.EVENT_TIME.plusYears(30).plusDays(3)));
        OutboxRow failedOne = failedRow(first, sub);
        OutboxRow failedTwo = failedRow(second, sub);
        String one = failedOne.id();
        String two = failedTwo.id();
        // the key of the notification each failed in (both rows of the segment may have gone out together)
        java.util.Set<String> keys = java.util.Set.copyOf(List.of(failedOne.batchKey(), failedTwo.batchKey()));
        assertThat(PARTNER.requests(path)).extracting(r -> r.header("X-BorderWatch-Delivery"))
                .containsAll(keys);
        PARTNER.failFirst(path, 0, 500);

        assertThat(post("/api/v1/deliveries/requeue", "staff2",
                "{\"subscriptionId\":\"" + sub + "\",\"reason\":\"mine\"}").statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/deliveries/requeue", "admin",
                "{\"subscriptionId\":\"" + sub + "\",\"target\":\"" + PARTNER.url(path) + "\",\"reason\":\"r\"}")
                .statusCode()).as("exactly one of them").isEqualTo(400);
        assertThat(post("/api/v1/deliveries/requeue", "admin",
                "{\"subscriptionId\":\"no-such-subscription\",\"reason\":\"r\"}").statusCode()).isEqualTo(404);

        HttpResponse<String> byTarget = post("/api/v1/deliveries/requeue", "admin",
                "{\"target\":\"" + PARTNER.url(path) + "\",\"reason\":\"partner outage over\"}");
        assertThat(byTarget.statusCode()).as(byTarget.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(byTarget).get("deliveries").forEach(d -> ids.add(d.get("id").asString()));
        assertThat(ids).contains(one, two).doesNotHaveDuplicates();
        assertThat(json(byTarget).get("requeued").asInt()).isEqualTo(ids.size());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> keys.stream().allMatch(k -> accepted(path, k).size() == 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> List.of(one, two).stream()
                .allMatch(id -> deliveryStore.find(id).orElseThrow().status() == DeliveryStatus.DELIVERED));
        // sent again as the notifications they failed in: same idempotency keys
        assertThat(deliveryStore.find(one).orElseThrow().batchKey()).isEqualTo(failedOne.batchKey());
        assertThat(deliveryStore.find(two).orElseThrow().batchKey()).isEqualTo(failedTwo.batchKey());
        // the subscription form finds nothing FAILED any more: 200, none
        HttpResponse<String> bySubscription = post("/api/v1/deliveries/requeue", "admin",
                "{\"subscriptionId\":\"" + sub + "\",\"reason\":\"again\"}");
        assertThat(bySubscription.statusCode()).isEqualTo(200);
        assertThat(json(bySubscription).get("requeued").asInt()).isZero();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> keys.stream().allMatch(k -> accepted(path, k).size() == 1));
        for (UUID incident : List.of(first, second)) {
            assertThat(get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident) + "/audit", "staff1").body())
                    .contains("requeue-delivery").contains("partner outage over");
        }
    }
}
