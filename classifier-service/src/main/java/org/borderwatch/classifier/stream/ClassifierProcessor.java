package org.borderwatch.classifier.stream;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.borderwatch.classifier.correlation.IncidentState;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.borderwatch.classifier.engine.ClassifierEngine;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.engine.EngineState;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.classifier.reliability.SourceRecord;
import org.borderwatch.classifier.replay.CanonicalReports;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.classifier.signal.SignalDetector;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.IncidentReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves records in and out of the engine: reads a report, lets the engine decide, writes the engine's state
 * document to the changelogged stores (the per-source track records to a store of their own) and forwards every new
 * assessment version keyed by incidentId.
 */
final class ClassifierProcessor implements Processor<String, byte[], String, byte[]> {

    /** The engine's state without its open incidents, reports and track records. */
    static final String STATE_KEY = "engine";
    /** One entry per open incident ({@code incident:<id>}) and per retained report ({@code report:<id>}). */
    static final String INCIDENT_PREFIX = "incident:";
    /** One entry per closed incident kept for the grace after its closure ({@code closed:<id>}). */
    static final String CLOSED_PREFIX = "closed:";
    static final String REPORT_PREFIX = "report:";
    /**
     * The wall-clock time the last report arrived (8 bytes, epoch milliseconds), kept so that after a restart the idle
     * advance counts the silence before it (c21); no prefix scan reads it.
     */
    static final String LAST_ARRIVAL_KEY = "idle:last-arrival";
    private static final Logger LOG = LoggerFactory.getLogger(ClassifierProcessor.class);

    private final ClassifierSettings settings;
    private final Neighbours neighbours;
    private final TopologySettings topology;
    private final ClassifierMetrics metrics;
    private final java.time.Clock clock;
    private final java.util.function.Supplier<List<SignalDetector>> detectors;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> store;
    /** The per-source track records: key the source id, value its {@code SourceRecord} as JSON. */
    private KeyValueStore<String, byte[]> sourceStore;
    private ClassifierEngine engine;
    /** The bytes last written per incident/report key, to write only what changed. */
    private final Map<String, byte[]> written = new HashMap<>();
    /** The bytes last written per source id to the sources store. */
    private final Map<String, byte[]> writtenSources = new HashMap<>();
    /**
     * The publication time at or after which the next step of the engine's clock is due (null: at the next report).
     * Not stored: after a restart the first report steps, which is harmless (a step to a time the engine has reached
     * changes nothing).
     */
    private OffsetDateTime nextStep;
    /** Reports waiting for {@code classifier.reorder-delay} (audit 4-5, gap 1), in the same store. */
    private ReorderBuffer held;
    /** Whether the buffer may hold reports (false: it is known to be empty, and with no delay a report skips it). */
    private boolean holding;
    private org.apache.kafka.streams.processor.Cancellable leftovers;
    /**
     * The wall-clock time the last report arrived (c20, the idle advance; -1: none known). Kept in the store under
     * {@link #LAST_ARRIVAL_KEY} and read at start (c21): before, a restart forgot the silence before it, and a quiet
     * incident waited up to a whole quiet period after the restart. Unknown (state written before it, a new store):
     * the idle time counts from the first check after the start, as before.
     */
    private long lastArrivalMs = -1;

    ClassifierProcessor(ClassifierSettings settings, Neighbours neighbours, TopologySettings topology,
                        ClassifierMetrics metrics, java.time.Clock clock,
                        java.util.function.Supplier<List<SignalDetector>> detectors) {
        this.clock = clock;
        this.detectors = detectors;
        this.settings = settings;
        this.neighbours = neighbours;
        this.topology = topology;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(ClassifierTopology.STORE);
        this.sourceStore = context.getStateStore(ClassifierTopology.SOURCES_STORE);
        reloadEngine();
        metrics.incidents(engine.openIncidents(), engine.retainedClosedIncidents());
        this.held = new ReorderBuffer(store, topology.reorderDelay());
        this.holding = !held.isEmpty();
        byte[] lastArrival = store.get(LAST_ARRIVAL_KEY);
        this.lastArrivalMs = lastArrival == null || lastArrival.length != Long.BYTES ? -1
                : java.nio.ByteBuffer.wrap(lastArrival).getLong();
        if (!topology.idleAfter().isZero()) {
            context.schedule(topology.idleCheckEvery(), PunctuationType.WALL_CLOCK_TIME, this::closeIfIdle);
        }
        if (!topology.reorderDelay().isZero()) {
            // checked five times per delay: a report is taken at most a fifth of the delay after it is due
            Duration every = topology.reorderDelay().dividedBy(5);
            context.schedule(every.isZero() ? Duration.ofMillis(1) : every, PunctuationType.WALL_CLOCK_TIME,
                    now -> takeDue(now, topology.reorderBatch()));
        } else if (holding) {
            // the delay was switched off while reports were held: they are taken in order as soon as possible
            leftovers = context.schedule(Duration.ofMillis(1), PunctuationType.WALL_CLOCK_TIME,
                    now -> takeDue(now, Integer.MAX_VALUE));
        }
    }

    /**
     * Hands the held reports that are due to the engine, in publication order (at most {@code max}); see
     * {@link ReorderBuffer} for the rule.
     */
    private void takeDue(long nowMillis, int max) {
        List<byte[]> due = held.takeDue(nowMillis, max);
        for (byte[] value : due) {
            take(Json.read(value, IncidentReport.class)); // it was read once already, on arrival
        }
        if (due.size() < max) {
            holding = !held.isEmpty();
            if (!holding && leftovers != null) {
                leftovers.cancel();
                leftovers = null;
            }
        }
    }

    /** The engine over the state as last saved: at start, and after a failure left the engine's memory half-changed. */
    private void reloadEngine() {
        written.clear();
        writtenSources.clear();
        this.engine = new ClassifierEngine(settings, neighbours, detectors.get(), load());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            metrics.unreadable();
            LOG.warn("skipping a record without a value (a tombstone) on the report topic, key {}", record.key());
            return;
        }
        // the processor reads the record's JSON (code review F21: the timestamp extractor does not look at the value).
        // It is checked against the report schema first, as the replay checks a line: JSON lacking a required field
        // would otherwise be read with the record's defaults (no stance: a statement of unknown stance)
        CanonicalReports.Read read = CanonicalReports.read(record.value());
        if (!read.isReport()) {
            metrics.unreadable();
            LOG.warn("skipping a record that is no canonical IncidentReport (key {}): {}", record.key(),
                    read.refusal());
            return;
        }
        IncidentReport report = read.report();
        if (!topology.idleAfter().isZero()) {
            lastArrivalMs = context.currentSystemTimeMs();
            store.put(LAST_ARRIVAL_KEY, java.nio.ByteBuffer.allocate(Long.BYTES).putLong(lastArrivalMs).array());
        }
        if (topology.reorderDelay().isZero() && !holding) {
            take(report);
            return;
        }
        long offset = context.recordMetadata().map(m -> m.offset()).orElse(-1L);
        held.hold(report, record.value(), offset, context.currentSystemTimeMs());
        holding = true;
        if (topology.reorderDelay().isZero()) {
            takeDue(context.currentSystemTimeMs(), Integer.MAX_VALUE); // reports left from a delay switched off
        }
    }

    /** The engine takes one report: its assessments are forwarded, and stream time steps when due. */
    private void take(IncidentReport report) {
        assess(report);
        stepIfDue(report.publishedAt());
    }

    /** Lets the engine decide on one report and forwards what it decided; a failure skips the report (see below). */
    private void assess(IncidentReport report) {
        List<Assessment> assessments;
        try {
            ClassifierEngine.Result result = engine.process(report);
            switch (result.outcome()) {
                case LATE -> metrics.late();
                case DUPLICATE -> metrics.duplicate();
                default -> { }
            }
            save();
            assessments = result.assessments();
        } catch (RuntimeException e) {
            // A valid report the rules cannot handle must not stop the stream (under exactly-once its offset would
            // not be committed, so every restart would fail on it again and no verdict would ever be made). It is
            // skipped, the engine goes back to the state saved before it, and the report stays on its topic (kept
            // forever) to be replayed once the rules are fixed.
            metrics.failedReport();
            LOG.error("the classifier failed on report {} (source {}, sourceRef {}, published {}); it is skipped and "
                            + "the state before it kept; the report stays on the input topic for a replay once fixed",
                    report.reportId(), report.source().id(), report.sourceRef(), report.publishedAt(), e);
            reloadEngine();
            return;
        }
        forward(assessments, report);
    }

    /**
     * The stream's punctuator, on publication time: every {@code classifier.punctuate-every} of the reports'
     * {@code publishedAt} (as they arrive) the engine's clock is stepped to the latest one read, closing the incidents
     * that have been quiet for the quiet period and evicting closed ones whose grace has passed. The engine checks
     * closure before every report it takes; the step is the safety net for a report it does not take — a duplicate
     * published later, one the rules failed on — which still tells that time has moved. It used to be Kafka's
     * STREAM_TIME punctuator over record timestamps that the extractor read from the JSON; the processor, which reads
     * the JSON anyway, now keeps that clock itself, so a record is parsed once. A record that is no report moves
     * nothing.
     */
    private void stepIfDue(OffsetDateTime published) {
        if (nextStep != null && published.isBefore(nextStep)) {
            return;
        }
        nextStep = published.plus(topology.punctuateEvery());
        step(published);
    }

    private void step(OffsetDateTime published) {
        OffsetDateTime current = engine.streamTime().orElse(null);
        if (current == null) {
            return;
        }
        OffsetDateTime at = published.toInstant().atOffset(current.getOffset());
        if (!at.isAfter(current)) {
            return; // the engine's clock is there already: nothing can close
        }
        closeQuiet(() -> engine.advance(at), "the classifier failed to advance stream time to " + at
                + " (closing quiet incidents); the step is skipped and tried again at the next one");
    }

    /**
     * Runs one closing step of the engine, saves and forwards what it closed; a failure is counted
     * ({@code stage=punctuation}), logged, and leaves the state before it (tried again at the next step).
     */
    private void closeQuiet(java.util.function.Supplier<List<Assessment>> closing, String failure) {
        List<Assessment> closed;
        try {
            closed = closing.get();
            if (!closed.isEmpty()) {
                save();
            }
        } catch (RuntimeException e) {
            metrics.failedPunctuation();
            LOG.error(failure, e);
            reloadEngine();
            return;
        }
        forward(closed, null);
    }

    /**
     * The idle advance (c20): stream time moves only when a report arrives, so on a calm border — no report for days —
     * the incidents quiet for the quiet period never closed and a FIRING alert was repeated until the next report.
     * When no report has arrived for {@code classifier.idle-after} of wall-clock time (and none is held), the engine
     * closes the incidents that would be closed had stream time moved on by the wall-clock time since the last arrival
     * (never beyond the wall clock itself), without moving stream time ({@link ClassifierEngine#closeIdle}). While
     * records keep arriving within the idle time — any replay or rebuild streamed through the topology — it does
     * nothing, so those stay deterministic; the offline replay has no wall clock and never runs it.
     */
    private void closeIfIdle(long nowMillis) {
        if (lastArrivalMs < 0) {
            lastArrivalMs = nowMillis; // no arrival known (a new store): the idle time counts from this first check
            return;
        }
        long idle = nowMillis - lastArrivalMs;
        if (holding || idle < topology.idleAfter().toMillis()) {
            return;
        }
        OffsetDateTime current = engine.streamTime().orElse(null);
        if (current == null) {
            return;
        }
        OffsetDateTime asIf = current.plus(Duration.ofMillis(idle));
        OffsetDateTime wall = java.time.Instant.ofEpochMilli(nowMillis).atOffset(current.getOffset());
        if (asIf.isAfter(wall)) {
            asIf = wall;
        }
        OffsetDateTime until = asIf;
        closeQuiet(() -> engine.closeIdle(until), "the classifier failed to close quiet incidents as of " + until
                + " (no report for " + Duration.ofMillis(idle) + "); tried again at the next check");
    }

    /**
     * Reassembles the state document from its entries: the small core, every open incident (in creation order), every
     * closed incident still kept for its grace, every retained report and, from the sources store, every source's
     * track record.
     */
    private EngineState load() {
        byte[] saved = store.get(STATE_KEY);
        EngineState state = saved == null ? new EngineState() : Json.read(saved, EngineState.class);
        state.sources = loadSources(state.sources);
        List<IncidentState> incidents = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(INCIDENT_PREFIX, new StringSerializer())) {
            it.forEachRemaining(kv -> {
                incidents.add(Json.read(kv.value, IncidentState.class));
                written.put(kv.key, kv.value);
            });
        }
        incidents.sort(Comparator.comparingLong(i -> i.seq));
        state.incidents = incidents;
        List<IncidentState> closed = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(CLOSED_PREFIX, new StringSerializer())) {
            it.forEachRemaining(kv -> {
                closed.add(Json.read(kv.value, IncidentState.class));
                written.put(kv.key, kv.value);
            });
        }
        closed.sort(Comparator.comparingLong(i -> i.seq));
        state.closed = closed;
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(REPORT_PREFIX, new StringSerializer())) {
            it.forEachRemaining(kv -> {
                IncidentReport r = Json.read(kv.value, IncidentReport.class);
                state.reports.put(r.reportId(), r);
                written.put(kv.key, kv.value);
            });
        }
        return state;
    }

    /**
     * The track records: every entry of the sources store, over those a core entry written before the stores were
     * split still carries ({@code fromCore}; the store's entry wins). Those are not marked written, so the next save
     * moves them into the sources store, and writes the core entry without them.
     */
    private Map<String, SourceRecord> loadSources(Map<String, SourceRecord> fromCore) {
        Map<String, SourceRecord> sources = new TreeMap<>(fromCore);
        try (KeyValueIterator<String, byte[]> it = sourceStore.all()) {
            it.forEachRemaining(kv -> {
                sources.put(kv.key, Json.read(kv.value, SourceRecord.class));
                writtenSources.put(kv.key, kv.value);
            });
        }
        return sources;
    }

    /**
     * Writes what changed since the last save: the core document, the incidents, reports and track records whose JSON
     * differs, and deletions for evicted incidents and dropped reports. The changelogs then carry kilobytes per
     * report, not the whole state.
     */
    private void save() {
        EngineState state = engine.state();
        List<IncidentState> incidents = state.incidents;
        List<IncidentState> closed = state.closed;
        Map<UUID, IncidentReport> reports = state.reports;
        Map<String, SourceRecord> sources = state.sources;
        state.incidents = List.of();
        state.closed = List.of();
        state.reports = Map.of();
        state.sources = null; // left out of the core entry: the sources store holds them
        try {
            store.put(STATE_KEY, Json.writeBytes(state));
        } finally {
            state.incidents = incidents;
            state.closed = closed;
            state.reports = reports;
            state.sources = sources;
        }
        Set<String> live = new HashSet<>();
        for (IncidentState inc : incidents) {
            putIfChanged(store, written, INCIDENT_PREFIX + inc.id, Json.writeBytes(inc), live);
        }
        for (IncidentState inc : closed) {
            putIfChanged(store, written, CLOSED_PREFIX + inc.id, Json.writeBytes(inc), live);
        }
        for (IncidentReport r : reports.values()) {
            putIfChanged(store, written, REPORT_PREFIX + r.reportId(), Json.writeBytes(r), live);
        }
        deleteUnless(store, written, live);
        Set<String> liveSources = new HashSet<>();
        sources.forEach((id, r) -> putIfChanged(sourceStore, writtenSources, id, Json.writeBytes(r), liveSources));
        deleteUnless(sourceStore, writtenSources, liveSources);
        metrics.incidents(engine.openIncidents(), engine.retainedClosedIncidents());
        metrics.retainOnly(engine.heldIncidentIds());
    }

    private static void putIfChanged(KeyValueStore<String, byte[]> to, Map<String, byte[]> written, String key,
                                     byte[] value, Set<String> live) {
        live.add(key);
        byte[] before = written.put(key, value);
        if (before == null || !Arrays.equals(before, value)) {
            to.put(key, value);
        }
    }

    /** Deletes the entries written before that are no longer {@code live}. */
    private static void deleteUnless(KeyValueStore<String, byte[]> from, Map<String, byte[]> written,
                                     Set<String> live) {
        for (String key : List.copyOf(written.keySet())) {
            if (!live.contains(key)) {
                from.delete(key);
                written.remove(key);
            }
        }
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
