package org.borderwatch.alert.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.testkit.TestInfrastructure;
import org.borderwatch.testkit.TopicReader;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's dead-letter runbook, live: an assessment the service cannot store (the store holds, for its incident,
 * an alert document it cannot read — as after a bad manual edit) is retried by the binder and parked on
 * {@code border.assessments.alert-service.dlq} with its key, value and the binder's headers; once the cause is fixed,
 * the runbook's loop (read the dead-letter records, send each value back to {@code border.assessments} with its key)
 * makes the alert fire and reach its subscriber once, and running the loop a second time changes nothing.
 */
class DeadLetterReplayIT extends AlertServiceITSupport {

    private static final String DLQ = "border.assessments.alert-service.dlq";

    @Autowired
    MongoTemplate mongo;

    /** The dead-letter records of one incident (key), read from the start without a lasting consumer group. */
    private static List<ConsumerRecord<String, byte[]>> deadLetters(UUID incident, int expected) {
        return TopicReader.bytes(DLQ).matching(r -> incident.toString().equals(r.key()))
                .timeout(Duration.ofSeconds(40)).read(expected);
    }

    /** The runbook's replay: each dead-letter value back to border.assessments under its key, as a plain producer. */
    private static void replay(List<ConsumerRecord<String, byte[]>> records) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> r : records) {
                producer.send(new ProducerRecord<>(Topics.ASSESSMENTS.name(), r.key(), r.value()));
            }
            producer.flush();
        }
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private double duplicates() {
        return meters.get(org.borderwatch.alert.AlertMetrics.ASSESSMENTS).tag("outcome", "duplicate").counter()
                .count();
    }

    private long messagesOf(UUID incident) {
        var r = get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident), "staff1");
        return r.statusCode() != 200 ? 0 : Json.tree(r.body().getBytes(StandardCharsets.UTF_8)).get("messages").size();
    }

    @Test
    void aParkedAssessmentIsReplayedOnceTheCauseIsFixedAndASecondReplayChangesNothing() {
        String path = "/dlq/" + UUID.randomUUID();
        subscribeWebhook("staff1", RECEIVER.url(path), "{\"segments\":[\"LACHIN_CORRIDOR\"]}");
        UUID incident = UUID.randomUUID();
        Assessment assessment = Fixtures.assessment(incident, 1, BorderSegment.LACHIN_CORRIDOR, Severity.HIGH,
                Occurrence.UNVERIFIED, false, Fixtures.EVENT_TIME.plusYears(80));
        // the cause: a document the service cannot read where the incident's alert belongs
        String blocker = "dlq-blocker-" + UUID.randomUUID();
        mongo.getCollection("alerts").insertOne(new Document("_id", blocker).append("incidentId", incident.toString()));
        List<ConsumerRecord<String, byte[]>> parked;
        try {
            sendAssessments(assessment);
            parked = deadLetters(incident, 1);
        } finally {
            mongo.getCollection("alerts").deleteOne(new Document("_id", blocker)); // the fix
        }
        ConsumerRecord<String, byte[]> record = parked.get(0);
        assertThat(Json.read(record.value(), Assessment.class)).isEqualTo(assessment);
        assertThat(TopicReader.header(record, "x-original-topic")).isEqualTo(Topics.ASSESSMENTS.name());
        assertThat(TopicReader.header(record, "x-original-offset")).isNotNull();
        assertThat(TopicReader.header(record, "x-exception-message")).as("the reason to read first").isNotBlank();
        assertThat(RECEIVER.requests(path)).as("nothing reached the subscriber").isEmpty();
        assertThat(messagesOf(incident)).isZero();

        replay(parked);
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(path).size() == 1);
        assertThat(notificationAlerts(RECEIVER.accepted(path).get(0))).singleElement().satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo(incident);
            assertThat(a.event()).isEqualTo(AlertEvent.FIRED);
        });

        // the loop run again (e.g. from too early an offset): consumed as a duplicate, nothing more is sent
        double duplicates = duplicates();
        replay(parked);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicates);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> RECEIVER.requests(path).size() == 1 && messagesOf(incident) == 1);
    }
}
