package org.borderwatch.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TaskMetadata;
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
import org.borderwatch.common.model.SignalType;
import org.borderwatch.testkit.BorderWatchInfrastructure;
import org.borderwatch.testkit.TestInfrastructure;
import org.borderwatch.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two classifier instances (two Kafka Streams clients of one application id) share the input's three partitions on the
 * real broker. A claim surge spread over three segments whose input partitions are held by different instances still
 * gives SPREAD, and the whole output is the offline replay's, version for version: the single-key repartition brings
 * every report to the one task that holds the whole border's state, whichever instance reads its input partition.
 */
@BorderWatchInfrastructure(mongo = false)
class ClassifierInstancesIT {

    private static final int PARTITIONS = 3;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String applicationId = "classifier-instances-it-" + suffix;
    private final TopologySettings topics = new TopologySettings("border.reports.normalized.instances-" + suffix,
            "border.assessments.instances-" + suffix, Duration.ofHours(1));
    private final List<KafkaStreams> instances = new ArrayList<>();
    private final List<Assessment> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(i -> i.close(Duration.ofSeconds(20)));
    }

    private KafkaStreams start(String name) throws Exception {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("classifier-" + name).toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
        p.put(StreamsConfig.CLIENT_ID_CONFIG, applicationId + "-" + name);
        Clock clock = Clock.systemUTC();
        KafkaStreams streams = new KafkaStreams(ClassifierTopology.build(topics, ClassifierSettings.defaults(),
                Neighbours.fromClasspath(), new ClassifierMetrics(new SimpleMeterRegistry(), clock), clock), p);
        instances.add(streams);
        streams.start();
        return streams;
    }

    /** The input partitions (tasks 0_n of the re-keying sub-topology) an instance holds now. */
    private static Set<Integer> inputPartitions(KafkaStreams instance) {
        return instance.metadataForLocalThreads().stream().flatMap(t -> t.activeTasks().stream())
                .map(TaskMetadata::taskId).filter(id -> id.subtopology() == 0).map(id -> id.partition())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean holdsTheClassifier(KafkaStreams instance) {
        return instance.metadataForLocalThreads().stream().flatMap(t -> t.activeTasks().stream())
                .anyMatch(t -> t.taskId().subtopology() == 1);
    }

    @Test
    void aSurgeSpreadOverSegmentsHeldByDifferentInstancesStillFiresAndTheOutputIsTheReplays() throws Exception {
        TestInfrastructure.createTopics(PARTITIONS, topics.inputTopic());
        TestInfrastructure.createTopics(1, topics.outputTopic());
        KafkaStreams a = start("a");
        KafkaStreams b = start("b");
        // both running, every task assigned, each instance holding input partitions of its own
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(a.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(b.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(inputPartitions(a)).isNotEmpty();
            assertThat(inputPartitions(b)).isNotEmpty();
            Set<Integer> all = new TreeSet<>(inputPartitions(a));
            all.addAll(inputPartitions(b));
            assertThat(all).hasSize(PARTITIONS);
        });

        // May 2023: one source's claims in three segments within a day, a blanket denial, a fourth claim days later
        List<IncidentReport> reports = new ArrayList<>(TestReports.fixture("may-2023-spread.jsonl"));
        reports.sort(Replayer.PUBLICATION_ORDER);
        // the segments of the reports, taken in turn by the two instances' input partitions
        List<BorderSegment> segments = reports.stream().map(r -> r.location().primarySegment()).distinct().toList();
        int partitionOfA = inputPartitions(a).iterator().next();
        int partitionOfB = inputPartitions(b).iterator().next();
        Map<BorderSegment, Integer> partitionOf = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            partitionOf.put(segments.get(i), i % 2 == 0 ? partitionOfA : partitionOfB);
        }

        // what the offline replay gives after each report: the stream must give the same after the same reports
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        List<Assessment> expected = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = TopicReader.bytes(topics.outputTopic()).readCommitted().open()) {
            for (IncidentReport r : reports) {
                BorderSegment segment = r.location().primarySegment();
                producer.send(new ProducerRecord<>(topics.inputTopic(), partitionOf.get(segment), segment.name(),
                        Json.writeBytes(r))).get();
                expected.addAll(engine.process(r).assessments());
                // one report at a time, so the order the repartition topic holds is publication order
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(rec -> received.add(Json.read(rec.value(),
                            Assessment.class)));
                    assertThat(received).as("versions after " + r.sourceRef()).hasSizeGreaterThanOrEqualTo(
                            expected.size());
                });
            }
        }

        assertThat(received.stream().map(Replayer::json).toList())
                .isEqualTo(expected.stream().map(Replayer::json).toList());
        // the surge's spread reaches segments read by both instances
        Set<BorderSegment> spread = new Replayer.Outcome(received, 0, 0, 0).finals().stream()
                .filter(x -> x.hasSignal(SignalType.SPREAD)).map(Assessment::segment).collect(Collectors.toSet());
        assertThat(spread).hasSizeGreaterThanOrEqualTo(3);
        assertThat(spread.stream().map(partitionOf::get).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(partitionOfA, partitionOfB);

        // how: one instance holds the classifier's one task, fed by a repartition topic of one partition, however
        // many partitions the input has
        assertThat(holdsTheClassifier(a) ^ holdsTheClassifier(b)).as("one instance holds the classifier").isTrue();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            String repartition = applicationId + "-" + ClassifierTopology.REPARTITION + "-repartition";
            assertThat(admin.describeTopics(List.of(repartition)).allTopicNames().get().get(repartition).partitions())
                    .hasSize(1);
        }
    }
}
