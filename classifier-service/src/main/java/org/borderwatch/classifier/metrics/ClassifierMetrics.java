package org.borderwatch.classifier.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;

/** The classifier's meters; names in one place. */
public final class ClassifierMetrics {

    public static final String ASSESSMENTS = "borderwatch.assessments";
    public static final String SIGNALS = "borderwatch.signals";
    public static final String LATENCY = "borderwatch.classifier.latency";
    public static final String OPEN_INCIDENTS = "borderwatch.classifier.incidents.open";
    /** Closed incidents still kept (with their reports) for the grace after their closure. */
    public static final String RETAINED_INCIDENTS = "borderwatch.classifier.incidents.retained";
    public static final String LATE_REPORTS = "borderwatch.classifier.reports.late";
    public static final String DUPLICATE_REPORTS = "borderwatch.classifier.reports.duplicate";
    public static final String UNREADABLE_REPORTS = "borderwatch.classifier.reports.unreadable";
    /** Reports (stage=report) or stream-time steps (stage=punctuation) the engine failed on: skipped, state kept. */
    public static final String FAILED = "borderwatch.classifier.failures";
    /** 1 while the readiness health group is UP, 0 otherwise; registered by {@code readiness.ReadinessGaugeConfiguration}. */
    public static final String READINESS = "borderwatch.readiness";

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger retained = new AtomicInteger();
    private final Counter late;
    private final Counter duplicates;
    private final Counter unreadable;
    private final Counter failedReports;
    private final Counter failedPunctuations;
    private final Timer latency;
    /** Signals already counted per open incident, so a signal counts once when it first fires. */
    private final Map<UUID, Set<SignalType>> fired = new HashMap<>();

    public ClassifierMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        Gauge.builder(OPEN_INCIDENTS, open, AtomicInteger::get).description("open incidents").register(registry);
        Gauge.builder(RETAINED_INCIDENTS, retained, AtomicInteger::get)
                .description("closed incidents kept for the grace after their closure").register(registry);
        this.late = Counter.builder(LATE_REPORTS).description("reports older than the grace, assessed alone")
                .register(registry);
        this.duplicates = Counter.builder(DUPLICATE_REPORTS).description("duplicate reports ignored")
                .register(registry);
        this.unreadable = Counter.builder(UNREADABLE_REPORTS).description("records that are no IncidentReport")
                .register(registry);
        this.failedReports = Counter.builder(FAILED).tag("stage", "report")
                .description("reports the engine failed on, skipped with the state before them kept")
                .register(registry);
        this.failedPunctuations = Counter.builder(FAILED).tag("stage", "punctuation")
                .description("stream-time steps (closing quiet incidents) the engine failed on")
                .register(registry);
        this.latency = Timer.builder(LATENCY).description("from a report's receipt by ingest to its assessment")
                .register(registry);
    }

    public void late() {
        late.increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void unreadable() {
        unreadable.increment();
    }

    /** The engine failed on a report: it was skipped. */
    public void failedReport() {
        failedReports.increment();
    }

    /** The engine failed while advancing stream time: the step was skipped. */
    public void failedPunctuation() {
        failedPunctuations.increment();
    }

    /** The incidents the engine holds: open ones, and closed ones kept for the grace after their closure. */
    public void incidents(int openCount, int retainedClosedCount) {
        open.set(openCount);
        retained.set(retainedClosedCount);
    }

    /**
     * Forgets the signals counted for incidents the engine no longer holds (evicted, merged, dissolved, or assessed
     * alone). Ninth round: the set used to be dropped at an incident's closing version, so every corrected final
     * version within the grace of its closure (a late denial, a casualty update) counted its signals once more.
     */
    public synchronized void retainOnly(Set<UUID> heldIncidents) {
        fired.keySet().retainAll(heldIncidents);
    }

    /** One assessment version emitted because of {@code cause} (null for punctuator closures). */
    public synchronized void emitted(Assessment a, IncidentReport cause) {
        registry.counter(ASSESSMENTS, "occurrence", a.occurrence().name(), "severity", a.severity().name())
                .increment();
        Set<SignalType> seen = fired.computeIfAbsent(a.incidentId(), id -> EnumSet.noneOf(SignalType.class));
        for (Signal s : a.signals()) {
            if (seen.add(s.type())) {
                registry.counter(SIGNALS, "type", s.type().name()).increment();
            }
        }
        if (cause != null && cause.receivedAt() != null) {
            Duration d = Duration.between(cause.receivedAt().toInstant(), Instant.now(clock));
            if (!d.isNegative()) {
                latency.record(d);
            }
        }
    }
}
