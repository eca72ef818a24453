package org.borderwatch.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.borderwatch.classifier.TestReports;
import org.borderwatch.classifier.engine.ClassifierEngine;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.topic.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit 4-5, gap 1: {@code classifier.reorder-delay}. The input's partitions reach the one classifier task in
 * processing order; reports held for the delay of wall-clock time reach the engine in publication order. The driver's
 * wall clock is the only clock here: nothing sleeps.
 */
class ReorderDelayTest {

    private static final Duration DELAY = Duration.ofSeconds(5);
    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(START, java.time.ZoneOffset.UTC);

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> in;
    private TestOutputTopic<String, byte[]> out;

    private void start(Duration delay) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "classifier-reorder-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        TopologySettings topics = new TopologySettings(Topics.NORMALIZED.name(), Topics.ASSESSMENTS.name(),
                Duration.ofHours(1)).withReorderDelay(delay);
        driver = new TopologyTestDriver(ClassifierTopology.build(topics, ClassifierSettings.defaults(),
                Neighbours.fromClasspath(), new ClassifierMetrics(registry, CLOCK), CLOCK), p, START);
        in = driver.createInputTopic(topics.inputTopic(), new StringSerializer(), new ByteArraySerializer());
        out = driver.createOutputTopic(topics.outputTopic(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private void send(IncidentReport r) {
        in.pipeInput(r.location().primarySegment().name(), Json.writeBytes(r), 0L);
    }

    private List<String> drain() {
        return out.readRecordsToList().stream().map(kv -> Replayer.json(Json.read(kv.value(), Assessment.class)))
                .toList();
    }

    private static List<String> replayOf(List<IncidentReport> reports) {
        return new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions().stream().map(Replayer::json)
                .toList();
    }

    /** The three dev scenarios (September 2022 to March 2025, far more than the grace apart), newest first. */
    private static List<IncidentReport> newestFirst() {
        List<IncidentReport> reports = new ArrayList<>(TestReports.fixture("all-scenarios.jsonl"));
        reports.sort(Replayer.PUBLICATION_ORDER.reversed());
        return reports;
    }

    private double late() {
        return registry.get(ClassifierMetrics.LATE_REPORTS).counter().count();
    }

    private List<String> heldKeys() {
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(ClassifierTopology.STORE);
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(ReorderBuffer.PREFIX, new StringSerializer())) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    @Test
    void reportsArrivingOutOfOrderWithinTheDelayReachTheEngineInPublicationOrder() {
        start(DELAY);
        List<IncidentReport> reports = newestFirst();
        for (IncidentReport r : reports) {
            send(r);
            driver.advanceWallClockTime(Duration.ofMillis(100)); // 21 arrivals over 2.1 s: all within the delay
        }
        assertThat(drain()).as("nothing is taken before it has been held for the delay").isEmpty();
        assertThat(heldKeys()).hasSize(reports.size()).isSorted();

        driver.advanceWallClockTime(DELAY);

        assertThat(drain()).as("version for version the offline replay's").isEqualTo(replayOf(reports));
        assertThat(late()).isZero();
        assertThat(heldKeys()).isEmpty();
    }

    @Test
    void advancingTheWallClockTakesAReportOnceItHasBeenHeldForTheDelayAndAnEarlierOneArrivingLaterGoesFirst() {
        start(DELAY);
        List<IncidentReport> reports = new ArrayList<>(TestReports.fixture("february-2024-revenge.jsonl"));
        reports.sort(Replayer.PUBLICATION_ORDER);
        IncidentReport first = reports.get(0);
        IncidentReport second = reports.get(1);

        send(second);
        driver.advanceWallClockTime(DELAY.minusMillis(1));
        assertThat(drain()).isEmpty();
        send(first); // published earlier, arrives almost a delay later
        driver.advanceWallClockTime(Duration.ofMillis(1));
        assertThat(drain()).as("the second is due, but waits behind the earlier-published first").isEmpty();
        assertThat(heldKeys()).hasSize(2);

        driver.advanceWallClockTime(DELAY.minusMillis(2));
        assertThat(drain()).isEmpty();
        driver.advanceWallClockTime(Duration.ofSeconds(1)); // the next punctuation after the first is due
        assertThat(drain()).isEqualTo(replayOf(List.of(first, second)));
        assertThat(heldKeys()).isEmpty();
    }

    @Test
    void aZeroDelayTakesEveryReportAsItArrivesInArrivalOrderAsBefore() {
        start(Duration.ZERO);
        List<IncidentReport> reports = newestFirst();
        List<String> streamed = new ArrayList<>();
        for (IncidentReport r : reports) {
            send(r);
            streamed.addAll(drain()); // assessed on arrival: the wall clock never moves in this test
            assertThat(heldKeys()).isEmpty();
        }
        // arrival order, as the engine alone gives it: the older scenarios are beyond the grace, assessed alone
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        List<String> inArrivalOrder = new ArrayList<>();
        reports.forEach(r -> engine.process(r).assessments().forEach(a -> inArrivalOrder.add(Replayer.json(a))));
        assertThat(streamed).isEqualTo(inArrivalOrder).isNotEqualTo(replayOf(reports));
        assertThat(late()).isPositive();
    }

    /**
     * A zero delay takes every held report, also one whose arrival stamp is later than this instance's wall clock (held
     * by an instance whose clock ran ahead before the restart that switched the delay off); a delay keeps it.
     */
    @Test
    void withTheDelaySwitchedOffEveryHeldReportIsDueWhateverItsArrivalStamp() {
        start(DELAY);
        List<IncidentReport> reports = new ArrayList<>(TestReports.fixture("february-2024-revenge.jsonl"));
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(ClassifierTopology.STORE);
        long now = START.toEpochMilli();
        for (int i = 0; i < reports.size(); i++) {
            new ReorderBuffer(store, DELAY).hold(reports.get(i), Json.writeBytes(reports.get(i)), i,
                    now + Duration.ofMinutes(10).toMillis());
        }
        assertThat(new ReorderBuffer(store, DELAY).takeDue(now, Integer.MAX_VALUE)).isEmpty();
        assertThat(heldKeys()).hasSize(reports.size());

        List<IncidentReport> taken = new ReorderBuffer(store, Duration.ZERO).takeDue(now, Integer.MAX_VALUE).stream()
                .map(v -> Json.read(v, IncidentReport.class)).toList();

        List<IncidentReport> inPublicationOrder = new ArrayList<>(reports);
        inPublicationOrder.sort(Replayer.PUBLICATION_ORDER);
        assertThat(taken).isEqualTo(inPublicationOrder);
        assertThat(heldKeys()).isEmpty();
    }

    @Test
    void theHeldEntriesSortInTheReplaysOrder() {
        List<IncidentReport> reports = new ArrayList<>(TestReports.fixture("all-scenarios.jsonl"));
        List<KeyValue<String, IncidentReport>> keyed = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            keyed.add(KeyValue.pair(ReorderBuffer.key(reports.get(i), reports.size() - i), reports.get(i)));
        }
        keyed.sort(Comparator.comparing(kv -> kv.key));
        List<IncidentReport> sorted = new ArrayList<>(reports);
        sorted.sort(Replayer.PUBLICATION_ORDER);
        assertThat(keyed.stream().map(kv -> kv.value).toList()).isEqualTo(sorted);
    }
}
