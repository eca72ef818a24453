package org.borderwatch.alert.it;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.delivery.kafka.KafkaChannel;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.testkit.TestInfrastructure;
import org.borderwatch.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code border.alerts} feed's messages of a pass are produced together (one wait for all acknowledgements),
 * and still none is lost when the broker refuses them: with the real broker refusing every write to the feed
 * topic (its {@code max.message.bytes} lowered below any alert's size, so each write fails with
 * MESSAGE_TOO_LARGE), the feed's outbox rows are retried, never marked delivered, and once the broker accepts
 * writes again every message reaches the topic.
 */
class FeedBrokerErrorIT extends AlertServiceITSupport {

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()));
    }

    private static void maxMessageBytes(String value) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ALERTS.name());
        try (Admin admin = admin()) {
            AlterConfigOp op = value == null
                    ? new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""),
                    AlterConfigOp.OpType.DELETE)
                    : new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value),
                    AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get();
            await().atMost(Duration.ofSeconds(10)).until(() -> value == null ? !"64".equals(
                    admin.describeConfigs(List.of(topic)).all().get().get(topic)
                            .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()) : value.equals(admin.describeConfigs(List.of(topic))
                    .all().get().get(topic).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()));
        }
    }

    /** The feed's delivery row of an incident's first message, as the API shows it. */
    private Optional<JsonNode> feedRow(UUID incident) {
        var response = get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident) + "/deliveries", "staff1");
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        for (JsonNode d : Json.tree(response.body().getBytes(StandardCharsets.UTF_8))) {
            if (Topics.ALERTS.name().equals(d.get("target").asString())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    @Test
    void feedMessagesRefusedByTheBrokerAreRetriedAndNoneIsLost() throws Exception {
        List<UUID> incidents = IntStream.range(0, 6).mapToObj(i -> UUID.randomUUID()).toList();
        maxMessageBytes("64");
        try {
            sendAssessments(incidents.stream().map(id -> Fixtures.assessment(id, 1, BorderSegment.UNRESOLVED,
                    Severity.LOW, Occurrence.UNVERIFIED, false, Fixtures.EVENT_TIME.plusYears(60)))
                    .toArray(Assessment[]::new));

            // every feed row was tried and refused: not delivered, the broker's reason recorded, none FAILED yet
            await().atMost(Duration.ofSeconds(60)).until(() -> incidents.stream().allMatch(id -> feedRow(id)
                    .map(d -> d.get("attempts").asInt() > 0 && !d.path("lastError").isNull()
                            && !d.path("lastError").isMissingNode()).orElse(false)));
            for (UUID id : incidents) {
                JsonNode row = feedRow(id).orElseThrow();
                assertThat(row.get("status").asString()).as(row.toString()).isIn("PENDING", "IN_FLIGHT");
                // the broker's refusal, or the circuit breaker that opened after refusals
                assertThat(row.get("lastError").asString()).as(row.toString())
                        .matches("(?s)(kafka send to border\\.alerts failed: .+|circuit open for the Kafka broker.*"
                                + "|kafka send to border\\.alerts failed: .+; then the circuit for the Kafka broker "
                                + "opened)")
                        .doesNotContainPattern("[A-Za-z]+Exception\\b");
            }
        } finally {
            maxMessageBytes(null);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> incidents.stream()
                .allMatch(id -> feedRow(id).map(d -> "DELIVERED".equals(d.get("status").asString())).orElse(false)));
        for (UUID id : incidents) {
            assertThat(feedRow(id).orElseThrow().get("attempts").asInt()).as("retried after the refusal")
                    .isGreaterThan(1);
        }

        // every message is on the topic (at least once), with its delivery id
        Map<UUID, List<ConsumerRecord<String, byte[]>>> onTopic = new HashMap<>();
        TopicReader.bytes(Topics.ALERTS.name())
                .matching(r -> r.key() != null && incidents.contains(UUID.fromString(r.key())))
                .readUntil(read -> read.stream().map(r -> UUID.fromString(r.key())).toList().containsAll(incidents))
                .forEach(r -> onTopic.computeIfAbsent(UUID.fromString(r.key()), k -> new ArrayList<>()).add(r));
        for (UUID id : incidents) {
            ConsumerRecord<String, byte[]> r = onTopic.get(id).get(0);
            Alert alert = Json.read(r.value(), Alert.class);
            assertThat(alert.incidentId()).isEqualTo(id);
            assertThat(new String(r.headers().lastHeader(KafkaChannel.HEADER_DELIVERY).value(),
                    StandardCharsets.UTF_8)).isEqualTo(feedRow(id).orElseThrow().get("id").asString());
            assertThat(r.headers().toArray()).extracting(org.apache.kafka.common.header.Header::key)
                    .as("the contract's one header, nothing else").containsExactly(KafkaChannel.HEADER_DELIVERY);
        }
    }
}
