package org.borderwatch.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.borderwatch.classifier.TestReports;
import org.borderwatch.classifier.engine.ClassifierEngine;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.engine.EngineState;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.classifier.reliability.SourceRecord;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.classifier.signal.Detectors;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 4: the per-source statistics (the track records reliability is computed from) live in a changelogged store of
 * their own, {@link ClassifierTopology#SOURCES_STORE}, one entry per source id, next to the engine's store; a state
 * written before the split (track records inside the {@code engine} entry) is taken over on start.
 */
class SourcesStoreTest {

    private static final Clock CLOCK = ClassifierTopologyTest.CLOCK;
    private static final TopologySettings TOPICS = ClassifierTopologyTest.TOPICS;

    @TempDir
    Path stateDir;

    /**
     * Three claims decided by an observer (two of az-mod's refuted by EUMA, one of am-mod's confirmed by the OSCE), in
     * three segments, then a report on 20 January that moves stream time past their quiet period: they close and the
     * claimants' track records count them.
     */
    private static List<IncidentReport> decided() {
        return List.of(
                TestReports.claim(TestReports.AZ_MOD, "s-a", Party.AM, "2025-01-10T10:00", "2025-01-10T12:00",
                        BorderSegment.SYUNIK_EAST).build(),
                TestReports.observer(TestReports.EUMA, "s-a-ref", Stance.REFUTATION, "2025-01-10T18:00",
                        "2025-01-10", "2025-01-10", BorderSegment.SYUNIK_EAST).build(),
                TestReports.claim(TestReports.AM_MOD, "s-b", Party.AZ, "2025-01-11T10:00", "2025-01-11T12:00",
                        BorderSegment.TAVUSH).build(),
                TestReports.observer(TestReports.OSCE, "s-b-conf", Stance.CONFIRMATION, "2025-01-11T19:00",
                        "2025-01-11", "2025-01-11", BorderSegment.TAVUSH).build(),
                TestReports.claim(TestReports.AZ_MOD, "s-c", Party.AM, "2025-01-12T10:00", "2025-01-12T12:00",
                        BorderSegment.GEGHARKUNIK).build(),
                TestReports.observer(TestReports.EUMA, "s-c-ref", Stance.REFUTATION, "2025-01-12T19:00",
                        "2025-01-12", "2025-01-12", BorderSegment.GEGHARKUNIK).build(),
                TestReports.claim(TestReports.AM_MOD, "s-d", Party.AZ, "2025-01-20T10:00", "2025-01-20T12:00",
                        BorderSegment.ARARAT).build());
    }

    /** Unanswered claims by both sources after the closure: their confidence is their source's reliability's. */
    private static List<IncidentReport> next() {
        return List.of(
                TestReports.claim(TestReports.AZ_MOD, "s-e", Party.AM, "2025-01-21T10:00", "2025-01-21T12:00",
                        BorderSegment.VAYOTS_DZOR_EAST).build(),
                TestReports.claim(TestReports.AM_MOD, "s-f", Party.AZ, "2025-01-21T14:00", "2025-01-21T15:00",
                        BorderSegment.SYUNIK_WEST).build());
    }

    private static Map<String, SourceRecord> records(KeyValueStore<String, byte[]> store) {
        Map<String, SourceRecord> records = new LinkedHashMap<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> records.put(kv.key, Json.read(kv.value, SourceRecord.class)));
        }
        return records;
    }

    private static String engineEntry(KeyValueStore<String, byte[]> store) {
        return new String(store.get(ClassifierProcessor.STATE_KEY), StandardCharsets.UTF_8);
    }

    @Test
    void theSourcesStoreHoldsOneTrackRecordPerSourceWrittenOnlyWhenItChanges() {
        try (TopologyTestDriver driver = new TopologyTestDriver(ClassifierTopology.build(TOPICS,
                ClassifierSettings.defaults(), Neighbours.fromClasspath(),
                new ClassifierMetrics(new SimpleMeterRegistry(), CLOCK), CLOCK),
                ClassifierTopologyTest.driverProperties("sources-test", stateDir))) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(TOPICS.inputTopic(), new StringSerializer(),
                    new ByteArraySerializer());
            TestOutputTopic<String, byte[]> changelog = driver.createOutputTopic(
                    "sources-test-" + ClassifierTopology.SOURCES_STORE + "-changelog", new StringDeserializer(),
                    new ByteArrayDeserializer());
            KeyValueStore<String, byte[]> sources = driver.getKeyValueStore(ClassifierTopology.SOURCES_STORE);
            KeyValueStore<String, byte[]> core = driver.getKeyValueStore(ClassifierTopology.STORE);
            List<IncidentReport> decided = decided();
            for (IncidentReport r : decided.subList(0, decided.size() - 1)) {
                in.pipeInput(r.location().primarySegment().name(), Json.writeBytes(r));
            }
            assertThat(records(sources)).as("no incident has closed yet: no track record").isEmpty();

            IncidentReport closing = decided.get(decided.size() - 1);
            in.pipeInput(closing.location().primarySegment().name(), Json.writeBytes(closing));
            assertThat(records(sources)).containsExactly(
                    Map.entry("am-mod", new SourceRecord(1, 0)),
                    Map.entry("az-mod", new SourceRecord(0, 2)));
            // the observers' statements decide, their own records do not move; the core entry has no track records
            assertThat(Json.read(core.get(ClassifierProcessor.STATE_KEY), EngineState.class).sources).isEmpty();
            assertThat(engineEntry(core)).doesNotContain("\"sources\"");

            for (IncidentReport r : next()) {
                in.pipeInput(r.location().primarySegment().name(), Json.writeBytes(r));
            }
            // nine saves, but each record was written once: when the three incidents closed
            List<KeyValue<String, byte[]>> written = changelog.readKeyValuesToList();
            assertThat(written).extracting(kv -> kv.key).containsExactly("am-mod", "az-mod");
            assertThat(Json.read(written.get(1).value, SourceRecord.class)).isEqualTo(new SourceRecord(0, 2));
        }
    }

    /** A processor started over the given stores, as a task starts over its restored stores. */
    private static final class Started {
        final MockProcessorContext<String, byte[]> context = new MockProcessorContext<>();
        final KeyValueStore<String, byte[]> core = store(ClassifierTopology.STORE);
        final KeyValueStore<String, byte[]> sources = store(ClassifierTopology.SOURCES_STORE);
        final ClassifierProcessor processor;

        Started(Map<String, byte[]> coreEntries, Map<String, byte[]> sourceEntries) {
            coreEntries.forEach(core::put);
            sourceEntries.forEach(sources::put);
            processor = new ClassifierProcessor(ClassifierSettings.defaults(), Neighbours.fromClasspath(), TOPICS,
                    new ClassifierMetrics(new SimpleMeterRegistry(), CLOCK), CLOCK, Detectors::all);
            processor.init(context);
        }

        private KeyValueStore<String, byte[]> store(String name) {
            KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                    Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
            return store;
        }

        /** The assessments the reports gave, as JSON. */
        List<String> process(List<IncidentReport> reports) {
            context.resetForwards();
            reports.forEach(r -> processor.process(new Record<>(r.location().primarySegment().name(),
                    Json.writeBytes(r), 0L)));
            return context.forwarded().stream()
                    .map(f -> new String(f.record().value(), StandardCharsets.UTF_8)).toList();
        }

        static Map<String, byte[]> entries(KeyValueStore<String, byte[]> store) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (KeyValueIterator<String, byte[]> it = store.all()) {
                it.forEachRemaining(kv -> entries.put(kv.key, kv.value));
            }
            return entries;
        }
    }

    /** The core entries with the track records written into the {@code engine} entry, as before the split. */
    private static Map<String, byte[]> beforeTheSplit(Map<String, byte[]> core, Map<String, SourceRecord> sources) {
        ObjectNode engine = (ObjectNode) Json.tree(core.get(ClassifierProcessor.STATE_KEY));
        engine.set("sources", Json.mapper().valueToTree(sources));
        Map<String, byte[]> old = new LinkedHashMap<>(core);
        old.put(ClassifierProcessor.STATE_KEY, Json.writeBytes(engine));
        return old;
    }

    @Test
    void aStateWrittenBeforeTheSplitKeepsItsTrackRecordsAndMovesThemToTheSourcesStore() {
        Started first = new Started(Map.of(), Map.of());
        first.process(decided());
        Map<String, SourceRecord> tracked = records(first.sources);
        assertThat(tracked).containsOnlyKeys("am-mod", "az-mod");
        Map<String, byte[]> old = beforeTheSplit(Started.entries(first.core), tracked);
        assertThat(Json.read(old.get(ClassifierProcessor.STATE_KEY), EngineState.class).sources).isEqualTo(tracked);

        // the new release starts over the old state: an empty sources store
        Started upgraded = new Started(old, Map.of());
        List<String> assessed = upgraded.process(next());

        // the same assessments, confidence included, as the offline replay's, which never stored anything
        List<IncidentReport> all = new ArrayList<>(decided());
        all.addAll(next());
        List<String> replayed = new Replayer(ClassifierEngine.withDefaults()).replay(all).versions().stream()
                .map(Replayer::json).toList();
        assertThat(assessed).hasSize(2).isEqualTo(replayed.subList(replayed.size() - 2, replayed.size()));
        // and reliability is what made them: without the track records the confidence would differ
        Map<String, byte[]> forgotten = new LinkedHashMap<>(old);
        forgotten.put(ClassifierProcessor.STATE_KEY, Started.entries(first.core).get(ClassifierProcessor.STATE_KEY));
        List<String> withoutRecords = new Started(forgotten, Map.of()).process(next());
        assertThat(withoutRecords.stream().map(a -> Json.read(a, Assessment.class).confidence()).toList())
                .isNotEqualTo(assessed.stream().map(a -> Json.read(a, Assessment.class).confidence()).toList());

        // the first save moved them: one entry per source in the sources store, none left in the engine entry
        assertThat(records(upgraded.sources)).isEqualTo(tracked);
        assertThat(Json.read(upgraded.core.get(ClassifierProcessor.STATE_KEY), EngineState.class).sources).isEmpty();
        assertThat(engineEntry(upgraded.core)).doesNotContain("\"sources\"");

        // started again over what it wrote, the track records come from the sources store alone
        Started again = new Started(Started.entries(upgraded.core), Started.entries(upgraded.sources));
        List<IncidentReport> later = List.of(TestReports.claim(TestReports.AZ_MOD, "s-g", Party.AM,
                "2025-01-22T10:00", "2025-01-22T12:00", BorderSegment.KARABAKH).build());
        all.addAll(later);
        List<String> replayedLater = new Replayer(ClassifierEngine.withDefaults()).replay(all).versions().stream()
                .map(Replayer::json).toList();
        // (the claim spreads to the two of 21 January: three versions)
        assertThat(again.process(later)).hasSize(3)
                .isEqualTo(replayedLater.subList(replayed.size(), replayedLater.size()));
    }

    @Test
    void whenBothHoldASourceTheSourcesStoreWins() {
        Started first = new Started(Map.of(), Map.of());
        first.process(decided());
        // the engine entry still carries an older az-mod record and am-mod's, which the store does not hold yet
        Map<String, byte[]> old = beforeTheSplit(Started.entries(first.core), Map.of(
                "az-mod", new SourceRecord(5, 0), "am-mod", new SourceRecord(1, 0)));
        Started upgraded = new Started(old, Map.of("az-mod", Json.writeBytes(new SourceRecord(0, 2))));
        upgraded.process(next());
        assertThat(records(upgraded.sources)).containsExactly(
                Map.entry("am-mod", new SourceRecord(1, 0)),
                Map.entry("az-mod", new SourceRecord(0, 2)));
        assertThat(engineEntry(upgraded.core)).doesNotContain("\"sources\"");
    }
}
