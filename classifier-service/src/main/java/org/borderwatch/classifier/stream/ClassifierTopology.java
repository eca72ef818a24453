package org.borderwatch.classifier.stream;

import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.classifier.signal.Detectors;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.classifier.signal.SignalDetector;

/**
 * The classifier's topology:
 *
 * <pre>
 *   border.reports.normalized (key: segment, value: IncidentReport JSON; timestamp: the record's own, value not read)
 *     └─ selectKey("border") ─► repartition "classifier-border" (1 partition)
 *          └─ process "classify" [stores, both RocksDB, changelogged:
 *               │    classifier-state   (engine core, incidents, retained reports, held reports),
 *               │    classifier-sources (one track record per source id)]
 *               (reads the JSON, the only read; its clock is publishedAt, not the record timestamps)
 *               └─ border.assessments (key: incidentId, value: Assessment JSON; timestamp: emission, wall clock)
 * </pre>
 *
 * Every report meets the whole border's state in one task: correlation across segments (multi-segment reports,
 * answers placing unresolved reports), per-source surges and reliability and the cross-segment detectors (SPREAD,
 * RETALIATION in neighbouring segments) then never depend on data another instance holds. At dozens of reports a
 * day one task is plenty; extra instances take over the task on failure (see README for the trade-off).
 */
final class ClassifierTopology {

    /** The engine's core, its open and closed incidents, retained reports and the reorder buffer's held reports. */
    static final String STORE = "classifier-state";
    /**
     * Per-source statistics: one entry per source id, its {@link org.borderwatch.classifier.reliability.SourceRecord}
     * (the track record reliability is computed from) as JSON. Changelog topic
     * {@code <application-id>-classifier-sources-changelog}.
     */
    static final String SOURCES_STORE = "classifier-sources";
    static final String REPARTITION = "classifier-border";
    static final String BORDER_KEY = "border";
    /**
     * The largest changelog record: the core {@code engine} entry (histories; incidents, reports and track records are
     * entries of their own) stays far below it; 16 MB is the margin. Both stores' changelogs allow it.
     */
    static final String MAX_STATE_BYTES = "16777216";

    private ClassifierTopology() {
    }

    static Topology build(TopologySettings topology, ClassifierSettings settings, Neighbours neighbours,
                          ClassifierMetrics metrics, java.time.Clock clock) {
        return build(topology, settings, neighbours, metrics, clock, Detectors::all);
    }

    /** With other signal detectors (tests make one fail). */
    static Topology build(TopologySettings topology, ClassifierSettings settings, Neighbours neighbours,
                          ClassifierMetrics metrics, java.time.Clock clock,
                          java.util.function.Supplier<List<SignalDetector>> detectors) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, byte[]> reports = builder.stream(topology.inputTopic(),
                Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withTimestampExtractor(new RecordTimestampExtractor()));
        attach(reports, topology, settings, neighbours, metrics, clock, detectors)
                .to(topology.outputTopic(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    /** The topology body, also used by the Spring Cloud Stream function binding. */
    static KStream<String, byte[]> attach(KStream<String, byte[]> reports, TopologySettings topology,
                                          ClassifierSettings settings, Neighbours neighbours,
                                          ClassifierMetrics metrics, java.time.Clock clock) {
        return attach(reports, topology, settings, neighbours, metrics, clock, Detectors::all);
    }

    private static KStream<String, byte[]> attach(KStream<String, byte[]> reports, TopologySettings topology,
                                                  ClassifierSettings settings, Neighbours neighbours,
                                                  ClassifierMetrics metrics, java.time.Clock clock,
                                                  java.util.function.Supplier<List<SignalDetector>> detectors) {
        return reports
                .selectKey((key, value) -> BORDER_KEY, Named.as("classifier-one-key"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName(REPARTITION)
                        .withNumberOfPartitions(1))
                .process(new Supplier(settings, neighbours, topology, metrics, clock, detectors), Named.as("classify"));
    }

    static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder() {
        return storeBuilder(STORE);
    }

    /** The per-source statistics' store: built like the engine's (its entries are a few dozen bytes). */
    static StoreBuilder<KeyValueStore<String, byte[]>> sourcesStoreBuilder() {
        return storeBuilder(SOURCES_STORE);
    }

    /** A persistent (RocksDB) store of JSON entries, changelogged, without a cache (every write is in the changelog). */
    private static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                Serdes.ByteArray()).withLoggingEnabled(java.util.Map.of(
                        org.apache.kafka.common.config.TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_STATE_BYTES)).withCachingDisabled();
    }

    private record Supplier(ClassifierSettings settings, Neighbours neighbours, TopologySettings topology,
                            ClassifierMetrics metrics, java.time.Clock clock,
                            java.util.function.Supplier<List<SignalDetector>> detectors)
            implements ProcessorSupplier<String, byte[], String, byte[]> {
        @Override
        public Processor<String, byte[], String, byte[]> get() {
            return new ClassifierProcessor(settings, neighbours, topology, metrics, clock, detectors);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(storeBuilder(), sourcesStoreBuilder());
        }
    }
}
