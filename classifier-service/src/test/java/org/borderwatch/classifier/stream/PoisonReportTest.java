package org.borderwatch.classifier.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.borderwatch.classifier.TestReports;
import org.borderwatch.classifier.engine.ClassifierEngine;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.classifier.signal.Detectors;
import org.borderwatch.classifier.signal.IncidentFacts;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.classifier.signal.SignalContext;
import org.borderwatch.classifier.signal.SignalDetector;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.topic.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report the rules fail on (here: a detector that throws for it) must not stop the stream: it is skipped, the state
 * from before it is kept, and every other report is assessed as if it had never come (code review F1).
 */
class PoisonReportTest {

    static final TopologySettings TOPICS = new TopologySettings(Topics.NORMALIZED.name(), Topics.ASSESSMENTS.name(),
            Duration.ofHours(1));
    static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2026-11-23T08:00:00Z"), java.time.ZoneOffset.UTC);

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;

    /** Throws for any incident holding the poisoned report, after the real detectors have run on others. */
    record Failing(UUID poisoned) implements SignalDetector {
        @Override
        public SignalType type() {
            return SignalType.SPREAD;
        }

        @Override
        public Optional<Signal> detect(IncidentFacts incident, SignalContext context) {
            if (incident.members().stream().anyMatch(r -> r.reportId().equals(poisoned))) {
                throw new IllegalStateException("a rule that cannot handle this report");
            }
            return Optional.empty();
        }
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private void start(UUID poisoned) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "classifier-poison-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(ClassifierTopology.build(TOPICS, ClassifierSettings.defaults(),
                Neighbours.fromClasspath(), new ClassifierMetrics(registry, CLOCK), CLOCK, () -> {
                    List<SignalDetector> detectors = new ArrayList<>(Detectors.all());
                    detectors.add(new Failing(poisoned));
                    return detectors;
                }), p);
    }

    @Test
    void aReportTheRulesFailOnIsSkippedAndTheOthersAreAssessedAsIfItHadNeverCome() {
        List<IncidentReport> reports = new ArrayList<>(TestReports.fixture("all-scenarios.jsonl"));
        reports.sort(Comparator.comparing(IncidentReport::publishedAt));
        IncidentReport poisoned = reports.get(reports.size() / 2);
        start(poisoned.reportId());
        TestInputTopic<String, byte[]> in = driver.createInputTopic(TOPICS.inputTopic(), new StringSerializer(),
                new ByteArraySerializer());
        TestOutputTopic<String, byte[]> out = driver.createOutputTopic(TOPICS.outputTopic(), new StringDeserializer(),
                new ByteArrayDeserializer());

        reports.forEach(r -> in.pipeInput(r.location().primarySegment().name(), Json.writeBytes(r), 0L));

        List<String> streamed = out.readValuesToList().stream()
                .map(v -> Replayer.json(Json.read(v, Assessment.class))).toList();
        List<IncidentReport> withoutIt = reports.stream().filter(r -> r != poisoned).toList();
        List<String> expected = new Replayer(ClassifierEngine.withDefaults()).replay(withoutIt).versions().stream()
                .map(Replayer::json).toList();
        assertThat(streamed).as("every report after the failing one is still assessed, from the state before it")
                .isNotEmpty().isEqualTo(expected);
        assertThat(streamed).noneMatch(json -> json.contains(poisoned.reportId().toString()));
        assertThat(registry.get(ClassifierMetrics.FAILED).tag("stage", "report").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(ClassifierMetrics.FAILED).tag("stage", "punctuation").counter().count()).isZero();
    }

    @Test
    void aTombstoneIsCountedAsUnreadableAndDoesNotStopTheStream() {
        start(UUID.randomUUID());
        TestInputTopic<String, byte[]> in = driver.createInputTopic(TOPICS.inputTopic(), new StringSerializer(),
                new ByteArraySerializer());
        TestOutputTopic<String, byte[]> out = driver.createOutputTopic(TOPICS.outputTopic(), new StringDeserializer(),
                new ByteArrayDeserializer());
        IncidentReport first = TestReports.fixture("all-scenarios.jsonl").get(0);

        in.pipeInput("SYUNIK_EAST", null, 0L);
        in.pipeInput(first.location().primarySegment().name(), Json.writeBytes(first), 0L);

        assertThat(registry.get(ClassifierMetrics.UNREADABLE_REPORTS).counter().count()).isEqualTo(1.0);
        assertThat(out.readValuesToList()).isNotEmpty();
    }
}
