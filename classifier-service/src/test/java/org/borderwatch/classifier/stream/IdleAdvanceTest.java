package org.borderwatch.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.borderwatch.classifier.TestReports;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * c20, the idle advance ({@code classifier.idle-after}): on a calm border no report arrives for days, stream time stands
 * still and a quiet incident never closed. The driver's wall clock is the only clock here: nothing sleeps.
 */
class IdleAdvanceTest {

    /** 12:00 UTC, 16:00 at the border: the claim below was published two hours before it arrives. */
    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(START, java.time.ZoneOffset.UTC);
    private static final Duration IDLE_AFTER = Duration.ofHours(1);
    private static final Duration CHECK = Duration.ofMinutes(5);

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> in;
    private TestOutputTopic<String, byte[]> out;

    private void start(Duration idleAfter) {
        TopologySettings topics = ClassifierTopologyTest.TOPICS.withIdleAdvance(idleAfter, CHECK);
        driver = new TopologyTestDriver(ClassifierTopology.build(topics, ClassifierSettings.defaults(),
                Neighbours.fromClasspath(), new ClassifierMetrics(registry, CLOCK), CLOCK),
                ClassifierTopologyTest.driverProperties("classifier-idle-test", stateDir), START);
        in = driver.createInputTopic(topics.inputTopic(), new StringSerializer(), new ByteArraySerializer());
        out = driver.createOutputTopic(topics.outputTopic(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    /** Keyed by segment, with a record timestamp no rule reads. */
    private void send(IncidentReport r) {
        in.pipeInput(r.location().primarySegment().name(), Json.writeBytes(r), 0L);
    }

    private List<Assessment> drain() {
        return out.readRecordsToList().stream().map(kv -> Json.read(kv.value(), Assessment.class)).toList();
    }

    private static IncidentReport claim(String ref, String at, String published) {
        return TestReports.claim(TestReports.AZ_MOD, ref, Party.AM, at, published, BorderSegment.SYUNIK_EAST).build();
    }

    private double late() {
        return registry.get(ClassifierMetrics.LATE_REPORTS).counter().count();
    }

    @Test
    void anIncidentClosesAfterTheQuietPeriodOfIdleWallClockTime() {
        start(IDLE_AFTER);
        send(claim("a", "2026-11-23T13:00", "2026-11-23T14:00"));
        Assessment opened = drain().get(0);
        assertThat(opened.closed()).isFalse();

        // stream time 14:00 (+04:00) plus seven days of idle wall-clock time is exactly the closing instant: still open
        driver.advanceWallClockTime(Duration.ofDays(7));
        assertThat(drain()).as("at exactly the quiet period nothing closes").isEmpty();

        driver.advanceWallClockTime(CHECK);
        List<Assessment> closed = drain();
        assertThat(closed).hasSize(1);
        Assessment last = closed.get(0);
        assertThat(last.incidentId()).isEqualTo(opened.incidentId());
        assertThat(last.version()).isEqualTo(opened.version() + 1);
        assertThat(last.closed()).isTrue();
        assertThat(last.asOf()).as("stream time itself did not move").isEqualTo(opened.asOf());
        assertThat(last.rationale().get(last.rationale().size() - 1))
                .startsWith("Closed: no new reports for 7 days (as of 2026-11-30")
                .contains("no report has arrived since stream time");

        driver.advanceWallClockTime(Duration.ofDays(3));
        assertThat(drain()).as("closed once: later checks find nothing more to close").isEmpty();
    }

    @ParameterizedTest(name = "idle-after {0}, report published {1}, wall clock moved {2}: nothing closes")
    @CsvSource({
            // disabled: the wall clock never closes anything
            "PT0S, 2026-11-23T14:00, P30D",
            // stream time ahead of the wall clock (a report dated in the future): never advanced beyond the wall clock
            "PT1H, 2026-12-20T14:00, P8D",
    })
    void theIdleAdvanceIsOffOrCappedAtTheWallClock(Duration idleAfter, String published, Duration moved) {
        start(idleAfter);
        send(claim("a", published.substring(0, 11) + "13:00", published));
        assertThat(drain()).hasSize(1);
        driver.advanceWallClockTime(moved);
        assertThat(drain()).isEmpty();
    }

    @Test
    void nothingClosesWhileRecordsKeepArriving() {
        start(IDLE_AFTER);
        send(claim("a", "2026-11-23T13:00", "2026-11-23T14:00"));
        // eight days of wall-clock time with a report every 55 minutes, all of the same hour of publication (a slow
        // replay): the stream is never idle for an hour, so stream time alone decides and nothing closes
        Duration every = Duration.ofMinutes(55);
        for (int i = 0; i < Duration.ofDays(8).dividedBy(every); i++) {
            driver.advanceWallClockTime(every);
            send(claim("r" + i, "2026-11-23T13:00", "2026-11-23T14:00"));
        }
        List<Assessment> versions = drain();
        assertThat(versions).isNotEmpty().noneMatch(Assessment::closed);
        assertThat(versions).extracting(Assessment::incidentId).containsOnly(versions.get(0).incidentId());
    }

    @Test
    void aReportArrivingAfterAnIdleCloseCorrectsTheFinalVersionAndIsNotLate() {
        start(IDLE_AFTER);
        send(claim("a", "2026-11-23T13:00", "2026-11-23T14:00"));
        Assessment opened = drain().get(0);
        driver.advanceWallClockTime(Duration.ofDays(9));
        Assessment closed = drain().get(0);
        assertThat(closed.closed()).isTrue();

        // published an hour after the first, delayed in transit: nine days behind the time the idle close counted
        // to, but stream time stayed at 14:00, so it is within the grace and joins the closed incident
        IncidentReport delayed = TestReports.claim(TestReports.AZ_SBS, "b", Party.AM, "2026-11-23T14:30",
                "2026-11-23T15:00", BorderSegment.SYUNIK_EAST).build();
        send(delayed);
        List<Assessment> after = drain();
        assertThat(after).hasSize(1);
        Assessment corrected = after.get(0);
        assertThat(corrected.incidentId()).isEqualTo(opened.incidentId());
        assertThat(corrected.version()).isEqualTo(closed.version() + 1);
        assertThat(corrected.closed()).as("a corrected final version: the incident stays closed").isTrue();
        assertThat(corrected.reportIds().values().stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrder(opened.reportIds().values().iterator().next().get(0), delayed.reportId());
        assertThat(corrected.rationale().get(corrected.rationale().size() - 1))
                .startsWith("Final version corrected after the closure");
        assertThat(late()).isZero();
        assertThat(corrected.asOf()).as("stream time moved to that report only")
                .isEqualTo(TestReports.t("2026-11-23T15:00"));
    }
}
