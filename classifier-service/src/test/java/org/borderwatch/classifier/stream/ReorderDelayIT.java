package org.borderwatch.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.borderwatch.classifier.TestReports;
import org.borderwatch.classifier.engine.ClassifierEngine;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.testkit.BorderWatchInfrastructure;
import org.borderwatch.testkit.TestInfrastructure;
import org.borderwatch.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Audit 4-5, gap 1, on the real broker with exactly-once: three years of reports (the dev scenarios, September 2022 to
 * March 2025, far more than the grace apart) sent in publication order over six partitions of the input, keyed by
 * segment as ingest keys them. The input's tasks hand them to the one classifier task in processing order; held for
 * {@code classifier.reorder-delay}, they reach the engine in publication order and the output is the offline replay's.
 * On the way the classifier is stopped while it holds every report and a second instance, with an empty state
 * directory, takes over from the changelog: nothing is lost, nothing assessed twice — also when the second instance
 * runs with the delay switched off.
 */
@BorderWatchInfrastructure(mongo = false)
class ReorderDelayIT {

    private static final int PARTITIONS = 6;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String applicationId = "classifier-reorder-it-" + suffix;
    private final TopologySettings topics = new TopologySettings("border.reports.normalized.reorder-" + suffix,
            "border.assessments.reorder-" + suffix, Duration.ofHours(1));
    private final List<KafkaStreams> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(i -> i.close(Duration.ofSeconds(20)));
    }

    private KafkaStreams start(String name, Duration reorderDelay, SimpleMeterRegistry registry) throws Exception {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("classifier-reorder-" + name).toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put(StreamsConfig.CLIENT_ID_CONFIG, applicationId + "-" + name);
        Clock clock = Clock.systemUTC();
        KafkaStreams streams = new KafkaStreams(ClassifierTopology.build(topics.withReorderDelay(reorderDelay),
                ClassifierSettings.defaults(), Neighbours.fromClasspath(), new ClassifierMetrics(registry, clock),
                clock), p);
        instances.add(streams);
        streams.start();
        return streams;
    }

    /** The held entries in the instance's store, in key order (publication order): key → report. */
    private static Map<String, IncidentReport> held(KafkaStreams instance) {
        ReadOnlyKeyValueStore<String, byte[]> store = instance.store(StoreQueryParameters.fromNameAndType(
                ClassifierTopology.STORE, QueryableStoreTypes.keyValueStore()));
        Map<String, IncidentReport> held = new LinkedHashMap<>();
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(ReorderBuffer.PREFIX, new StringSerializer())) {
            // the value: the wall-clock time of arrival (8 bytes), then the record as read
            it.forEachRemaining(kv -> held.put(kv.key, Json.read(java.util.Arrays.copyOfRange(kv.value, Long.BYTES,
                    kv.value.length), IncidentReport.class)));
        }
        return held;
    }

    private static Map<UUID, String> finals(List<Assessment> versions) {
        Map<UUID, String> finals = new LinkedHashMap<>();
        new Replayer.Outcome(versions, 0, 0, 0).finals().forEach(a -> finals.put(a.incidentId(), Replayer.json(a)));
        return finals;
    }

    /**
     * The second instance either keeps a delay (two seconds) or has it switched off ({@code PT0S}: the reports held
     * when the first one stopped are released in publication order as soon as it starts, not lost nor left held).
     */
    @ParameterizedTest(name = "second instance's delay {0}")
    @ValueSource(strings = {"PT2S", "PT0S"})
    void historySentInPublicationOrderOverSixPartitionsGivesTheReplaysAssessmentsAcrossARestart(String secondDelay)
            throws Exception {
        TestInfrastructure.createTopics(PARTITIONS, topics.inputTopic());
        TestInfrastructure.createTopics(1, topics.outputTopic());
        List<IncidentReport> reports = new ArrayList<>(TestReports.fixture("all-scenarios.jsonl"));
        reports.sort(Replayer.PUBLICATION_ORDER);
        assertThat(java.time.Duration.between(reports.get(0).publishedAt(),
                reports.get(reports.size() - 1).publishedAt())).isGreaterThan(ClassifierSettings.defaults().grace());
        // each segment its own partition, in turn over the six (ingest keys by segment)
        List<BorderSegment> segments = reports.stream().map(r -> r.location().primarySegment()).distinct().toList();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            for (IncidentReport r : reports) {
                BorderSegment segment = r.location().primarySegment();
                producer.send(new ProducerRecord<>(topics.inputTopic(), segments.indexOf(segment) % PARTITIONS,
                        segment.name(), Json.writeBytes(r))).get();
            }
        }
        assertThat(segments.stream().map(s -> segments.indexOf(s) % PARTITIONS).distinct().count())
                .as("the reports are spread over several partitions").isGreaterThanOrEqualTo(4);

        // the first instance holds every report (a delay of an hour: none is due before it stops)
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        KafkaStreams a = start("a", Duration.ofHours(1), first);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .untilAsserted(() -> assertThat(held(a)).hasSize(reports.size()));
        Map<String, IncidentReport> held = held(a);
        List<String> inPublicationOrder = List.copyOf(held.keySet());
        List<String> asTheyArrived = new ArrayList<>(inPublicationOrder);
        // the key ends with the offset in the one-partition repartition topic: the order of arrival
        asTheyArrived.sort(Comparator.comparing(k -> k.substring(k.length() - 16)));
        assertThat(asTheyArrived).as("the input's tasks handed the reports over out of publication order")
                .isNotEqualTo(inPublicationOrder);
        // taken as they arrived (a zero delay, the behaviour before), some would have been beyond the grace
        ClassifierEngine asBefore = ClassifierEngine.withDefaults();
        asTheyArrived.forEach(k -> asBefore.process(held.get(k)));
        assertThat(asBefore.lateReports()).as("reports assessed alone in arrival order").isPositive();
        assertThat(first.get(ClassifierMetrics.LATE_REPORTS).counter().count()).isZero();
        // leaving the group at once, so the second instance need not wait for the first one's session to expire
        a.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(20)));

        // a second instance with an empty state directory restores the held reports from the changelog
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        KafkaStreams b = start("b", Duration.parse(secondDelay), second);
        List<Assessment> expected = new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions();
        List<ConsumerRecord<String, byte[]>> records = TopicReader.bytes(topics.outputTopic()).readCommitted()
                .timeout(Duration.ofSeconds(120)).thenQuietFor(Duration.ofSeconds(5))
                .readUntil(rs -> finals(rs.stream().map(r -> Json.read(r.value(), Assessment.class)).toList())
                        .equals(finals(expected)));
        List<Assessment> received = records.stream().map(r -> Json.read(r.value(), Assessment.class)).toList();

        assertThat(finals(received)).as("the final assessments are the offline replay's").isEqualTo(finals(expected));
        assertThat(received.stream().map(Replayer::json).toList()).as("version for version, each once")
                .isEqualTo(expected.stream().map(Replayer::json).toList());
        assertThat(second.get(ClassifierMetrics.LATE_REPORTS).counter().count()).isZero();
        assertThat(held(b)).as("nothing left held").isEmpty();
    }
}
