package org.borderwatch.classifier.stream;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.borderwatch.classifier.engine.ClassifierEngine;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.engine.EngineState;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.json.JsonReadException;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.IncidentReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves records in and out of the engine: reads a report, lets the engine decide, writes the engine's state
 * document to the changelogged store and forwards every new assessment version keyed by incidentId.
 */
final class ClassifierProcessor implements Processor<String, byte[], String, byte[]> {

    static final String STATE_KEY = "engine";
    private static final Logger LOG = LoggerFactory.getLogger(ClassifierProcessor.class);

    private final ClassifierSettings settings;
    private final Neighbours neighbours;
    private final TopologySettings topology;
    private final ClassifierMetrics metrics;
    private final java.time.Clock clock;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> store;
    private ClassifierEngine engine;

    ClassifierProcessor(ClassifierSettings settings, Neighbours neighbours, TopologySettings topology,
                        ClassifierMetrics metrics, java.time.Clock clock) {
        this.clock = clock;
        this.settings = settings;
        this.neighbours = neighbours;
        this.topology = topology;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(ClassifierTopology.STORE);
        byte[] saved = store.get(STATE_KEY);
        EngineState state = saved == null ? new EngineState() : Json.read(saved, EngineState.class);
        this.engine = new ClassifierEngine(settings, neighbours, org.borderwatch.classifier.signal.Detectors.all(),
                state);
        metrics.openIncidents(engine.openIncidents());
        context.schedule(topology.punctuateEvery(), PunctuationType.STREAM_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        IncidentReport report;
        try {
            report = Json.read(record.value(), IncidentReport.class);
        } catch (JsonReadException | NullPointerException e) {
            metrics.unreadable();
            LOG.warn("skipping a record that is no IncidentReport: {}", e.getMessage());
            return;
        }
        ClassifierEngine.Result result = engine.process(report);
        switch (result.outcome()) {
            case LATE -> metrics.late();
            case DUPLICATE -> metrics.duplicate();
            default -> { }
        }
        save();
        forward(result.assessments(), report);
    }

    private void punctuate(long streamTimeMs) {
        OffsetDateTime current = engine.streamTime().orElse(null);
        if (current == null) {
            return;
        }
        OffsetDateTime at = Instant.ofEpochMilli(streamTimeMs).atOffset(current.getOffset());
        if (!at.isAfter(current)) {
            at = current;
        }
        List<Assessment> closed = engine.advance(at);
        if (!closed.isEmpty()) {
            save();
            forward(closed, null);
        }
    }

    private void save() {
        store.put(STATE_KEY, Json.writeBytes(engine.state()));
        metrics.openIncidents(engine.openIncidents());
    }

    /**
     * Output records carry the wall-clock time of emission, not stream time: a replay of 2022 reports must not
     * produce records that the broker's time-based retention deletes at once. The assessment's {@code asOf} carries
     * stream time; the content never depends on the clock.
     */
    private void forward(List<Assessment> assessments, IncidentReport cause) {
        long now = clock.millis();
        for (Assessment a : assessments) {
            byte[] value = Replayer.json(a).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            context.forward(new Record<>(a.incidentId().toString(), value, now));
            metrics.emitted(a, cause);
        }
    }

}
