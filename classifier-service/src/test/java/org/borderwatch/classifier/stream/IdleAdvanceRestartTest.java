package org.borderwatch.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.borderwatch.classifier.TestReports;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.classifier.signal.Detectors;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The idle advance across a restart (c21): the wall-clock time of the last arrival is kept in the state store, so the
 * silence before a restart counts. Before, the restarted processor counted the idle time from its first check: an
 * incident whose report was six days old at the restart closed seven days after it. The restart is a new processor
 * over a copy of the first one's stores (what the changelogs restore); the wall clock is the context's.
 */
class IdleAdvanceRestartTest {

    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(START, java.time.ZoneOffset.UTC);
    private static final Duration IDLE_AFTER = Duration.ofHours(1);
    private static final Duration CHECK = Duration.ofMinutes(5);

    private final List<KeyValueStore<String, byte[]>> stores = new ArrayList<>();

    private static long at(Duration sinceStart) {
        return START.plus(sinceStart).toEpochMilli();
    }

    /** A processor over the given stores' contents (copied into fresh ones), its wall clock at {@code now}. */
    private MockProcessorContext<String, byte[]> started(ClassifierProcessor processor,
                                                         List<KeyValue<String, byte[]>> state,
                                                         List<KeyValue<String, byte[]>> sources, long now) {
        MockProcessorContext<String, byte[]> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(now);
        store(context, ClassifierTopology.STORE, state);
        store(context, ClassifierTopology.SOURCES_STORE, sources);
        processor.init(context);
        return context;
    }

    private void store(MockProcessorContext<String, byte[]> context, String name,
                       List<KeyValue<String, byte[]>> entries) {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        entries.forEach(kv -> store.put(kv.key, kv.value));
        stores.add(store);
    }

    private static List<KeyValue<String, byte[]>> entries(KeyValueStore<String, byte[]> store) {
        List<KeyValue<String, byte[]>> all = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            it.forEachRemaining(all::add);
        }
        return all;
    }

    private static ClassifierProcessor processor() {
        return new ClassifierProcessor(ClassifierSettings.defaults(), Neighbours.fromClasspath(),
                ClassifierTopologyTest.TOPICS.withIdleAdvance(IDLE_AFTER, CHECK),
                new ClassifierMetrics(new SimpleMeterRegistry(), CLOCK), CLOCK, Detectors::all);
    }

    /** Runs the idle check at {@code now}; returns the assessments it forwarded. */
    private static List<Assessment> check(MockProcessorContext<String, byte[]> context, long now) {
        context.resetForwards();
        context.setCurrentSystemTimeMs(now);
        context.scheduledPunctuators().stream()
                .filter(p -> p.getType() == PunctuationType.WALL_CLOCK_TIME && p.getInterval().equals(CHECK))
                .forEach(p -> p.getPunctuator().punctuate(now));
        return context.forwarded().stream().map(f -> Json.read(f.record().value(), Assessment.class)).toList();
    }

    /**
     * A claim arrives at START (published two hours before); the processor restarts six days later. Rows: whether the
     * kept arrival is there (false: state written before it, the key removed), and when (days after START, then
     * minutes) the first check that closes the incident runs; a check just before it closes nothing.
     */
    @ParameterizedTest(name = "arrival kept {0}: closes at {1} days {2} min after the arrival")
    @CsvSource({
            // seven days of silence since the arrival (and a check): the restart does not matter
            "true,  7, 5",
            // state written before: the idle time counts from the first check after the restart (6 d 5 min), and the
            // quiet period of idle time after it ends at 13 d 5 min
            "false, 13, 10"})
    void theSilenceBeforeARestartCountsWhenTheLastArrivalIsKept(boolean kept, int days, int minutes) {
        ClassifierProcessor first = processor();
        MockProcessorContext<String, byte[]> before = started(first, List.of(), List.of(), at(Duration.ZERO));
        IncidentReport claim = TestReports.claim(TestReports.AZ_MOD, "a", Party.AM, "2026-11-23T13:00",
                "2026-11-23T14:00", BorderSegment.SYUNIK_EAST).build();
        first.process(new Record<>(BorderSegment.SYUNIK_EAST.name(), Json.writeBytes(claim), 0L));
        Assessment opened = Json.read(before.forwarded().get(0).record().value(), Assessment.class);
        KeyValueStore<String, byte[]> state = before.getStateStore(ClassifierTopology.STORE);
        assertThat(state.get(ClassifierProcessor.LAST_ARRIVAL_KEY)).as("the arrival is kept")
                .isEqualTo(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(at(Duration.ZERO)).array());
        if (!kept) {
            state.delete(ClassifierProcessor.LAST_ARRIVAL_KEY);
        }

        ClassifierProcessor restarted = processor();
        Duration restart = Duration.ofDays(6);
        MockProcessorContext<String, byte[]> after = started(restarted, entries(state),
                entries(before.getStateStore(ClassifierTopology.SOURCES_STORE)), at(restart));
        Duration closing = Duration.ofDays(days).plusMinutes(minutes);
        for (Duration t = restart.plus(CHECK); t.compareTo(closing) < 0; t = t.plus(Duration.ofHours(6))) {
            assertThat(check(after, at(t))).as("nothing closes at " + t).isEmpty();
        }
        assertThat(check(after, at(closing.minus(CHECK)))).as("nothing closes a check before").isEmpty();
        List<Assessment> closed = check(after, at(closing));
        assertThat(closed).as("closes at " + closing).singleElement().satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo(opened.incidentId());
            assertThat(a.closed()).isTrue();
        });
        stores.forEach(KeyValueStore::close);
    }
}
