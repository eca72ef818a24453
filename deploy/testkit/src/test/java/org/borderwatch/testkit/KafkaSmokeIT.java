package org.borderwatch.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderwatch.common.Uuids;
import org.borderwatch.common.json.JsonCodec;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.topic.Topics;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@BorderWatchInfrastructure(mongo = false)
class KafkaSmokeIT {

    @Test
    void anIncidentReportGoesThroughARealTopic(Infrastructure infrastructure) throws Exception {
        // a private topic name keeps this test independent of what else the JVM's broker holds
        String topic = Topics.NORMALIZED.name() + ".smoke-" + UUID.randomUUID();
        TestInfrastructure.createTopics(3, topic);
        JsonCodec<IncidentReport> codec = new JsonCodec<>(IncidentReport.class);
        OffsetDateTime at = OffsetDateTime.parse("2024-06-11T09:35:00+04:00");
        IncidentReport sent = IncidentReport.builder()
                .reportId(Uuids.reportId("az-mod", "smoke-1"))
                .sourceRef("smoke-1")
                .source(new Source("az-mod", "Ministry of Defence of Azerbaijan", SourceKind.PARTY_OFFICIAL, Party.AZ))
                .stance(Stance.CLAIM)
                .actingParty(Party.AM)
                .eventTypes(EventType.SMALL_ARMS_FIRE)
                .location(Location.of(BorderSegment.ARARAT))
                .occurredAt(at)
                .publishedAt(at.plusHours(2))
                .build();

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, sent.location().primarySegment().name(), codec.encode(sent))).get();
        }

        List<ConsumerRecord<String, byte[]>> received = TopicReader.bytes(topic).read(1);

        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("ARARAT");
            assertThat(codec.decode(record.value())).isEqualTo(sent);
        });
    }
}
