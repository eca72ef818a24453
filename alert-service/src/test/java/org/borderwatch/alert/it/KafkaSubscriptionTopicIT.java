package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.routing.Channel;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.alert.store.SubscriptionStore;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.topic.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka subscriptions may publish only to allowed partner topics, never onto the pipeline's own topics. */
class KafkaSubscriptionTopicIT extends AlertServiceITSupport {

    @Autowired
    SubscriptionStore subscriptionStore;

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(StandardCharsets.UTF_8));
    }

    private String kafkaSubscription(String topic) {
        return """
                {"name":"partner","channel":{"type":"kafka","topic":"%s"},"filter":{}}""".formatted(topic);
    }

    @Test
    void pipelineTopicsAndNamesOutsideThePatternAreRefusedAsProblems() {
        for (String topic : List.of(Topics.NORMALIZED.name(), Topics.ASSESSMENTS.name(), Topics.ALERTS.name(),
                Topics.RAW_STATEMENT.name(), "anything-the-broker-would-create")) {
            var response = post("/api/v1/subscriptions", "staff1", kafkaSubscription(topic));

            assertThat(response.statusCode()).as(topic).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json(response.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:borderwatch:problem:forbidden-kafka-topic");
            assertThat(problem.get("title").asString()).isEqualTo("Kafka topic refused");
            assertThat(problem.get("detail").asString()).contains("channel.topic").contains(topic);
        }
        var outside = json(post("/api/v1/subscriptions", "staff1", kafkaSubscription("partner.x")).body());
        assertThat(outside.get("detail").asString()).contains("alert.kafka.subscription-topic-pattern");
        var catalogue = json(post("/api/v1/subscriptions", "admin", kafkaSubscription(Topics.NORMALIZED.name()))
                .body());
        assertThat(catalogue.get("detail").asString()).contains("pipeline topic");

        assertThat(post("/api/v1/subscriptions", "staff1", kafkaSubscription("border.alerts.partner.osce-desk"))
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aSubscriptionStoredBeforeTheRuleNeverDeliversToAForbiddenTopic() {
        // as if created before the rule existed: straight into the store, past the API's check
        String id = UUID.randomUUID().toString();
        subscriptionStore.save(new Subscription(id, "legacy", "staff1",
                new Channel(ChannelType.KAFKA, null, null, Topics.NORMALIZED.name(), null, null),
                new SubscriptionFilter(Set.of(BorderSegment.GEGHARKUNIK), Severity.CRITICAL, null, null),
                DeliveryMode.IMMEDIATE, null, Instant.now()));
        UUID incident = UUID.randomUUID();

        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.GEGHARKUNIK, Severity.CRITICAL,
                Occurrence.UNVERIFIED, false, Fixtures.EVENT_TIME.plusYears(11)));

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(incident, id).stream()
                .anyMatch(r -> r.status() == DeliveryStatus.FAILED || r.status() == DeliveryStatus.DELIVERED));
        OutboxRow row = rows(incident, id).get(0);
        assertThat(row.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(row.lastError()).startsWith("kafka topic refused").contains("pipeline topic")
                .contains(Topics.NORMALIZED.name());
        var api = get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident) + "/deliveries", "staff1").body();
        assertThat(api).contains("\"status\":\"FAILED\"").contains("kafka topic refused");
        subscriptionStore.delete(id);
    }

    private List<OutboxRow> rows(UUID incident, String subscriptionId) {
        return deliveryStore.byAlert(AlertLifecycle.alertIdOf(incident)).stream()
                .filter(r -> r.subscriptionId().equals(subscriptionId)).toList();
    }
}
