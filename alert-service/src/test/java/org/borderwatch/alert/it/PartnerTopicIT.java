package org.borderwatch.alert.it;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.alert.delivery.kafka.KafkaChannel;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.testkit.TestInfrastructure;
import org.borderwatch.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka subscriptions' partner topics are produced like the feed — a pass's notifications of a subscription sent
 * together, one wait for the acknowledgements — and a send the broker refuses is still a failed send: with one
 * partner topic that refuses every record (its {@code max.message.bytes} below any notification's size) and one
 * that accepts them, the refused rows are retried and end FAILED with the broker's reason and nothing of theirs on
 * the topic, while the accepted ones are DELIVERED after one attempt, each message on its topic once, with its
 * delivery id as the only header.
 */
class PartnerTopicIT extends AlertServiceITSupport {

    private Optional<JsonNode> row(UUID incident, String subscriptionId) {
        var response = get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident) + "/deliveries", "staff1");
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        for (JsonNode d : Json.tree(response.body().getBytes(StandardCharsets.UTF_8))) {
            if (d.get("subscriptionId").asString().equals(subscriptionId)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private boolean status(UUID incident, String subscriptionId, String status) {
        return row(incident, subscriptionId).map(d -> d.get("status").asString().equals(status)).orElse(false);
    }

    private String subscribe(String topic) {
        var created = post("/api/v1/subscriptions", "staff1", """
                {"name":"partner %s","channel":{"type":"kafka","topic":"%s"},
                 "filter":{"segments":["VAYOTS_DZOR_WEST"],"occurrences":["DISPUTED"],"minSeverity":"INFO"}}"""
                .formatted(topic, topic));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.tree(created.body().getBytes(StandardCharsets.UTF_8)).get("id").asString();
    }

    private static List<ConsumerRecord<String, byte[]>> read(String topic, int atLeast) {
        // read until the expected records are there, then a little longer: nothing more may come
        return TopicReader.bytes(topic).thenQuietFor(Duration.ofMillis(600)).read(atLeast);
    }

    @Test
    void aRefusedPartnerSendEndsFailedWhileTheAcceptedOnesAreDeliveredOnce() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String accepting = "border.alerts.partner.ok-" + suffix;
        String refusing = "border.alerts.partner.refusing-" + suffix;
        TestInfrastructure.createTopics(1, accepting);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(refusing, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "64")))).all().get();
        }
        String ok = subscribe(accepting);
        String bad = subscribe(refusing);
        List<UUID> incidents = IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID()).toList();

        sendAssessments(incidents.stream().map(id -> Fixtures.assessment(id, 1, BorderSegment.VAYOTS_DZOR_WEST,
                Severity.INFO, Occurrence.DISPUTED, false, Fixtures.EVENT_TIME.plusYears(90)))
                .toArray(Assessment[]::new));

        await().atMost(Duration.ofSeconds(60)).until(() -> incidents.stream()
                .allMatch(id -> status(id, ok, "DELIVERED") && status(id, bad, "FAILED")));
        for (UUID id : incidents) {
            JsonNode failed = row(id, bad).orElseThrow();
            assertThat(failed.get("lastError").asString()).as(failed.toString())
                    .matches("(?s)gave up after \\d+ attempts in 4 rounds; last failure: kafka send to "
                            + refusing.replace(".", "\\.") + " failed: .+")
                    .doesNotContainPattern("[A-Za-z]+Exception\\b");
            assertThat(row(id, ok).orElseThrow().get("attempts").asInt()).as("sent once, not again with the failed")
                    .isEqualTo(1);
        }

        // each accepted message once on its topic (grouped or not), its delivery id the only header, raw UTF-8
        List<ConsumerRecord<String, byte[]>> records = read(accepting, 1);
        List<UUID> seen = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            Notification n = Json.read(r.value(), Notification.class);
            n.alerts().stream().map(Alert::incidentId).forEach(seen::add);
            assertThat(r.headers().toArray()).extracting(Header::key).containsExactly(KafkaChannel.HEADER_DELIVERY);
            String deliveryId = new String(r.headers().lastHeader(KafkaChannel.HEADER_DELIVERY).value(),
                    StandardCharsets.UTF_8);
            assertThat(deliveryId).isEqualTo(n.deliveryId()).isEqualTo(r.key());
            for (Alert a : n.alerts()) {
                assertThat(row(a.incidentId(), ok).orElseThrow().get("batchKey").asString()).isEqualTo(deliveryId);
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(incidents);
        assertThat(read(refusing, 0)).as("nothing refused reached the topic").isEmpty();
    }
}
