package org.borderwatch.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.testkit.BorderWatchInfrastructure;
import org.borderwatch.testkit.TestInfrastructure;
import org.borderwatch.testkit.TopicReader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every integration test shares: ONE Spring Boot context (same annotations and properties everywhere, so it is
 * cached) against the testkit's real Kafka broker, a producer for the raw topics and background readers of the
 * normalised and rejected topics. Tests tell their records apart by unique sourceRefs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ingest.api.keys[0].partner=it-partner",
        "ingest.api.keys[0].key=it-key-statements",
        "ingest.api.keys[0].formats=statement,acled",
        "ingest.api.keys[0].sources=*",
        "ingest.api.keys[1].partner=it-canonical-only",
        "ingest.api.keys[1].key=it-key-canonical",
        "ingest.api.keys[1].formats=canonical",
        "ingest.api.keys[2].partner=it-observer-desk",
        "ingest.api.keys[2].key=it-key-observer",
        "ingest.api.keys[2].formats=canonical,statement",
        "ingest.api.keys[2].sources=euma",
        "ingest.api.keys[3].partner=it-open-desk",
        "ingest.api.keys[3].key=it-key-open",
        "ingest.api.keys[3].formats=statement,acled",
        "ingest.api.keys[4].partner=it-registered-only",
        "ingest.api.keys[4].key=it-key-registered-only",
        "ingest.api.keys[4].formats=statement,canonical",
        "ingest.api.keys[4].sources=euma",
        "ingest.api.keys[4].allow-unregistered=false",
        "ingest.kafka.allowed-sources.canonical=az-mod,am-mod",
        "ingest.max-record-size=4KB",
        // small, so BodyLimitIT sends bodies just over it rather than megabytes
        "ingest.max-batch-size=64KB",
        "ingest.publish-timeout=4s",
        "ingest.retry-after=17s",
        // the readiness gauge re-evaluates every second, so a test sees it follow readiness without waiting 15 s
        "ingest.readiness-gauge.interval=1s",
        "spring.cloud.stream.kafka.bindings.normalized-out-0.producer.configuration.interceptor.classes="
                + "org.borderwatch.ingest.SlowBrokerInterceptor",
        "spring.cloud.stream.kafka.binder.consumer-properties.metadata.max.age.ms=1000"})
@BorderWatchInfrastructure(mongo = false)
@org.springframework.context.annotation.Import(IngestITSupport.FailingEndpoint.class)
public abstract class IngestITSupport {

    /** A test-only endpoint that fails the way a bug would, to see what callers get. */
    @org.springframework.web.bind.annotation.RestController
    static class FailingEndpoint {
        @org.springframework.web.bind.annotation.GetMapping("/api/v1/test-only/failure")
        String fail() {
            throw new IllegalStateException("a bug with internals: org.example.Secret at line 42");
        }
    }

    protected static final List<ConsumerRecord<String, byte[]>> NORMALIZED = new CopyOnWriteArrayList<>();
    protected static final List<ConsumerRecord<String, byte[]>> REJECTED = new CopyOnWriteArrayList<>();
    private static KafkaProducer<String, byte[]> producer;
    private static Thread reader;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.createTopics(3, Topics.RAW_CANONICAL.name(), Topics.RAW_STATEMENT.name(),
                Topics.RAW_ACLED.name(), Topics.NORMALIZED.name(), Topics.REJECTED.name());
        TestInfrastructure.registerKafkaProperties(registry);
        startReader();
    }

    private static synchronized void startReader() {
        if (reader != null) {
            return;
        }
        reader = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer =
                         TopicReader.bytes(Topics.NORMALIZED.name(), Topics.REJECTED.name()).open()) {
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        (r.topic().equals(Topics.NORMALIZED.name()) ? NORMALIZED : REJECTED).add(r);
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                Thread.currentThread().interrupt();
            }
        }, "ingest-it-reader");
        reader.setDaemon(true);
        reader.start();
    }

    protected static void send(String topic, byte[] value) {
        send(new ProducerRecord<>(topic, "partner-it", value));
    }

    /**
     * Sends a record as any Kafka client would: a plain producer, the value as given ({@code null} is a tombstone),
     * headers as plain strings (what kcat or librdkafka send).
     */
    protected static void send(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    private static synchronized void send(ProducerRecord<String, byte[]> record) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                    ProducerConfig.ACKS_CONFIG, "all"));
        }
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void send(String topic, String value) {
        send(topic, value.getBytes(StandardCharsets.UTF_8));
    }

    protected static String header(ConsumerRecord<?, ?> r, String name) {
        return TopicReader.header(r, name);
    }

    /** The names of a record's headers, in order. */
    protected static List<String> headerNames(ConsumerRecord<?, ?> r) {
        return TopicReader.headerNames(r);
    }

    protected static String value(ConsumerRecord<?, byte[]> r) {
        return new String(r.value(), StandardCharsets.UTF_8);
    }

    protected static String statement(String ref, String text) {
        return "{\"sourceRef\":\"" + ref + "\",\"source\":\"Ministry of Defence of Azerbaijan\","
                + "\"publishedAt\":\"2025-03-16T10:20:00+04:00\",\"language\":\"en\",\"text\":\"" + text + "\"}";
    }

    protected static String uniqueRef(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
