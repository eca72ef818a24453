package org.borderwatch.alert.it;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.testkit.TestInfrastructure;
import org.borderwatch.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Digest subscriptions, CAP webhooks, Kafka subscriptions, and the OpenAPI document. */
class ChannelsIT extends AlertServiceITSupport {

    @Autowired
    RateLimiterRegistry rateLimiters;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /**
     * Digest ticks are aligned to the epoch (every replica agrees) and follow the service's clock (test audit T7: no
     * race with the real one). The clock is set back to just after an hourly tick, so both alerts are collected for
     * the next tick, which lies in the past of real time; putting the clock back makes it due.
     */
    @Test
    void aDigestCollectsMatchingAlertsIntoOneSignedMessage() {
        String path = "/digest/" + UUID.randomUUID();
        var created = post("/api/v1/subscriptions", "staff1", """
                {"name":"daily desk","channel":{"type":"webhook","url":"%s","secret":"%s"},
                 "filter":{"segments":["UNRESOLVED"]},"mode":"digest","digestInterval":"PT1H"}"""
                .formatted(RECEIVER.url(path), SECRET));
        assertThat(created.statusCode()).isEqualTo(201);
        String subscription = Json.tree(created.body().getBytes(StandardCharsets.UTF_8)).get("id").asString();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        var t = Fixtures.EVENT_TIME.plusYears(8);
        Instant tick = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        clock.shift(Duration.between(clock.instant(), tick));

        sendAssessments(
                Fixtures.assessment(a, 1, BorderSegment.UNRESOLVED, Severity.LOW, Occurrence.UNVERIFIED, false, t),
                Fixtures.assessment(b, 1, BorderSegment.UNRESOLVED, Severity.MEDIUM, Occurrence.DISPUTED, false, t));
        for (UUID incident : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveryStore
                    .byAlert(AlertLifecycle.alertIdOf(incident)).stream()
                    .anyMatch(r -> r.subscriptionId().equals(subscription) && r.status() == DeliveryStatus.PENDING
                            && r.notBefore().equals(tick.plus(Duration.ofHours(1)))));
        }
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> RECEIVER.requests(path).isEmpty());

        clock.reset();
        await().atMost(Duration.ofSeconds(30)).until(() -> !RECEIVER.accepted(path).isEmpty());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> RECEIVER.accepted(path).size() == 1);
        Notification digest = Json.read(RECEIVER.accepted(path).get(0).body(), Notification.class);
        assertThat(digest.mode()).isEqualTo(DeliveryMode.DIGEST);
        assertThat(digest.alerts()).extracting(Alert::incidentId).containsExactlyInAnyOrder(a, b);
        assertThat(RECEIVER.accepted(path).get(0).header("X-BorderWatch-Delivery")).isEqualTo(digest.deliveryId());
    }

    @Test
    void capWebhooksAndKafkaSubscriptionsCarryTheirOwnFormats() {
        String path = "/cap/" + UUID.randomUUID();
        String topic = "border.alerts.partner." + UUID.randomUUID().toString().substring(0, 8);
        TestInfrastructure.createTopics(1, topic);
        assertThat(post("/api/v1/subscriptions", "staff1", """
                {"name":"cap partner","channel":{"type":"webhook","url":"%s","secret":"%s","format":"cap"},
                 "filter":{"segments":["TAVUSH"],"minSeverity":"HIGH"}}""".formatted(RECEIVER.url(path), SECRET))
                .statusCode()).isEqualTo(201);
        assertThat(post("/api/v1/subscriptions", "staff1", """
                {"name":"kafka partner","channel":{"type":"kafka","topic":"%s"},
                 "filter":{"segments":["TAVUSH"],"minSeverity":"HIGH"}}""".formatted(topic)).statusCode())
                .isEqualTo(201);
        UUID incident = UUID.randomUUID();

        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.TAVUSH, Severity.HIGH, Occurrence.CONFIRMED,
                false, Fixtures.EVENT_TIME.plusYears(9)));

        await().atMost(Duration.ofSeconds(30)).until(() -> !RECEIVER.accepted(path).isEmpty());
        var cap = RECEIVER.accepted(path).get(0);
        assertThat(cap.header("Content-Type")).startsWith("application/cap+xml");
        assertThat(new String(cap.body(), StandardCharsets.UTF_8))
                .contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">")
                .contains("<msgType>Alert</msgType>").contains(incident.toString());

        List<Notification> received = TopicReader.bytes(topic).read(1).stream()
                .map(r -> Json.read(r.value(), Notification.class)).toList();
        assertThat(received.get(0).alerts()).extracting(Alert::incidentId).containsExactly(incident);

        // each receiver outside BorderWatch has its own rate limiter (like its circuit breaker); Kafka has none
        String receiverLimiter = "delivery-webhook-" + URI.create(RECEIVER.url(path)).getHost() + "-"
                + URI.create(RECEIVER.url(path)).getPort();
        assertThat(rateLimiters.getAllRateLimiters()).extracting(RateLimiter::getName)
                .contains(receiverLimiter)
                .doesNotContain("delivery-kafka", "delivery");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        var docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/verdicts/{incidentId}/review").contains("/api/v1/subscriptions")
                .contains("/api/v1/alerts/stream");
        var doc = Json.tree(docs.body().getBytes(StandardCharsets.UTF_8));
        assertThat(doc.get("info").get("title").asString()).isEqualTo("BorderWatch alert-service API");
        assertThat(doc.get("info").get("version").asString()).isEqualTo("1.0.0");
        assertThat(doc.get("info").get("description").asString()).contains("HTTP Basic").contains("STAFF")
                .contains("problem+json");
        var scheme = doc.get("components").get("securitySchemes").get("basicAuth");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("basic");
        assertThat(doc.get("security").get(0).has("basicAuth")).as("applied to every operation").isTrue();
        assertThat(get("/swagger-ui.html", null).statusCode()).as("the UI is open too").isIn(200, 302);
    }

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    /**
     * The documented shape of a subscription as answered: the channel's {@code target} and {@code secretSet} (the
     * secret itself never), and absent values left out (never null), like every JSON this project writes.
     */
    @Test
    void aSubscriptionIsAnsweredInItsDocumentedShapeWithAbsentValuesLeftOut() {
        String url = RECEIVER.url("/shape/" + UUID.randomUUID());
        var webhook = post("/api/v1/subscriptions", "staff1", """
                {"name":"shape desk","channel":{"type":"webhook","url":"%s","secret":"%s"},
                 "filter":{"segments":["TAVUSH"],"minSeverity":"HIGH"}}""".formatted(url, SECRET));
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(201);
        assertThat(webhook.body()).doesNotContain("null").doesNotContain(SECRET);
        var w = Json.tree(webhook.body().getBytes(StandardCharsets.UTF_8));
        String id = w.get("id").asString();
        assertThat(webhook.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/api/v1/subscriptions/" + id));
        assertThat(names(w)).containsExactly("id", "name", "owner", "channel", "filter", "mode", "createdAt");
        assertThat(names(w.get("channel"))).containsExactly("type", "target", "format", "secretSet");
        assertThat(w.get("channel").get("target").asString()).isEqualTo(url);
        assertThat(w.get("channel").get("secretSet").asBoolean()).isTrue();
        assertThat(w.get("filter").get("minSeverity").asString()).isEqualTo("HIGH");
        assertThat(w.get("mode").asString()).isEqualTo("immediate");
        assertThat(get("/api/v1/subscriptions/" + id, "staff1").body()).isEqualTo(webhook.body());

        var digest = post("/api/v1/subscriptions", "staff1", """
                {"name":"shape digest","channel":{"type":"email","address":"shape@example.org"},
                 "filter":%s,"mode":"digest","digestInterval":"PT24H"}""".formatted(NOTHING));
        assertThat(digest.statusCode()).as(digest.body()).isEqualTo(201);
        var d = Json.tree(digest.body().getBytes(StandardCharsets.UTF_8));
        assertThat(names(d)).containsExactly("id", "name", "owner", "channel", "filter", "mode", "digestInterval",
                "createdAt");
        assertThat(names(d.get("channel"))).containsExactly("type", "target", "secretSet");
        assertThat(d.get("channel").get("target").asString()).isEqualTo("shape@example.org");
        assertThat(d.get("channel").get("secretSet").asBoolean()).isFalse();
        assertThat(d.get("digestInterval").asString()).isEqualTo("PT24H");
        var silence = post("/api/v1/silences", "staff1", """
                {"segments":["UNRESOLVED"],"signals":["CLAIM_SURGE"],"sources":["shape-test-source"],
                 "endsAt":"%s","reason":"shape test"}""".formatted(java.time.Instant.now().plus(Duration.ofHours(1))));
        assertThat(silence.statusCode()).as(silence.body()).isEqualTo(201);
        String silenceId = Json.tree(silence.body().getBytes(StandardCharsets.UTF_8)).get("id").asString();
        assertThat(silence.body()).doesNotContain("null");
        assertThat(get("/api/v1/silences/" + silenceId, "staff1").body()).isEqualTo(silence.body());
        assertThat(call("DELETE", "/api/v1/silences/" + silenceId, "staff1", null, null).statusCode()).isEqualTo(204);
        for (String sub : List.of(id, d.get("id").asString())) {
            assertThat(call("DELETE", "/api/v1/subscriptions/" + sub, "staff1", null, null).statusCode())
                    .isEqualTo(204);
        }
    }

    private static List<String> names(tools.jackson.databind.JsonNode node) {
        List<String> out = new ArrayList<>();
        node.properties().forEach(e -> out.add(e.getKey()));
        return out;
    }

    /** {@code format} is a webhook matter: never echoed for e-mail or Kafka channels, refused when a request sets it. */
    @Test
    void onlyWebhooksHaveAFormat() {
        var email = post("/api/v1/subscriptions", "staff1", """
                {"name":"mail desk","channel":{"type":"email","address":"desk@example.org"},"filter":%s}"""
                .formatted(NOTHING));
        assertThat(email.statusCode()).as(email.body()).isEqualTo(201);
        var created = Json.tree(email.body().getBytes(StandardCharsets.UTF_8));
        assertThat(created.get("channel").has("format")).as(email.body()).isFalse();
        assertThat(created.get("channel").get("type").asString()).isEqualTo("email");
        String id = created.get("id").asString();
        assertThat(get("/api/v1/subscriptions/" + id, "staff1").body()).doesNotContain("format");
        // stored before the rule, with "json" on the e-mail channel: still shown without a format
        mongo.getCollection("subscriptions").updateOne(com.mongodb.client.model.Filters.eq("_id", id),
                com.mongodb.client.model.Updates.set("channel.format", "json"));
        assertThat(get("/api/v1/subscriptions/" + id, "staff1").body()).doesNotContain("format");

        var emailWithFormat = post("/api/v1/subscriptions", "staff1", """
                {"name":"mail desk","channel":{"type":"email","address":"desk@example.org","format":"json"},
                 "filter":%s}""".formatted(NOTHING));
        assertThat(emailWithFormat.statusCode()).isEqualTo(400);
        assertThat(emailWithFormat.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(emailWithFormat.body()).contains("channel.format applies to webhooks only")
                .contains("email channel");
        var kafkaWithFormat = post("/api/v1/subscriptions", "staff1", """
                {"name":"partner","channel":{"type":"kafka","topic":"border.alerts.partner.fmt","format":"cap"},
                 "filter":%s}""".formatted(NOTHING));
        assertThat(kafkaWithFormat.statusCode()).isEqualTo(400);
        assertThat(kafkaWithFormat.body()).contains("channel.format applies to webhooks only");

        var webhook = post("/api/v1/subscriptions", "staff1", """
                {"name":"hook","channel":{"type":"webhook","url":"%s","secret":"%s"},"filter":%s}"""
                .formatted(RECEIVER.url("/fmt/" + UUID.randomUUID()), SECRET, NOTHING));
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(201);
        assertThat(Json.tree(webhook.body().getBytes(StandardCharsets.UTF_8)).get("channel").get("format")
                .asString()).as("a webhook's format defaults to json and is shown").isEqualTo("json");
        for (var response : List.of(email, webhook)) {
            String subscription = Json.tree(response.body().getBytes(StandardCharsets.UTF_8)).get("id").asString();
            assertThat(call("DELETE", "/api/v1/subscriptions/" + subscription, "staff1", null, null).statusCode())
                    .isEqualTo(204);
        }
    }

    /** A filter no test's alerts match, so these subscriptions never receive anything meanwhile. */
    private static final String NOTHING = "{\"segments\":[\"UNRESOLVED\"],\"minSeverity\":\"CRITICAL\"}";
}
