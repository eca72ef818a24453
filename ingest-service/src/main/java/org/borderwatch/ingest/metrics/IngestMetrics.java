package org.borderwatch.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.function.ToDoubleFunction;

/** Every meter ingest publishes, by name, in one place. The {@code application} tag is added by configuration. */
public final class IngestMetrics {

    /** Records received, before any check; tag {@code format}. */
    public static final String RECEIVED = "borderwatch.reports.received";
    /** Reports published to the normalised topic; tags {@code source} (registry id, or "other") and {@code stance}. */
    public static final String NORMALIZED = "borderwatch.reports.normalized";
    /** Records refused; tag {@code reason}. */
    public static final String REJECTED = "borderwatch.reports.rejected";
    /** Exact duplicates dropped within the de-duplication window. */
    public static final String DUPLICATES = "borderwatch.reports.duplicates";
    /** Corrections: a known sourceRef with new content, published with a higher revision. */
    public static final String CORRECTIONS = "borderwatch.reports.corrections";
    /** Published reports read back from the normalised topic into the de-duplication memory (any instance's). */
    public static final String DEDUP_FEED = "borderwatch.reports.dedup.feed";
    /** Report ids currently remembered by the de-duplicator (gauge). */
    public static final String DEDUP_REMEMBERED = "borderwatch.reports.dedup.remembered";
    /**
     * Records of dry runs ({@code ?dryRun=true}), which count nowhere else; tags {@code format} and {@code outcome}
     * (the disposition NEW/CORRECTION/REPEAT/DUPLICATE, or the rejection reason).
     */
    public static final String DRY_RUN = "borderwatch.reports.dry.run";
    /** Time to normalise one record; tag {@code format}. */
    public static final String NORMALIZE_TIMER = "borderwatch.reports.normalize";

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String format) {
        Counter.builder(RECEIVED).description("records received").tag("format", format).register(registry)
                .increment();
    }

    public void normalized(String source, String stance) {
        Counter.builder(NORMALIZED).description("reports published").tag("source", source).tag("stance", stance)
                .register(registry).increment();
    }

    public void rejected(String reason) {
        Counter.builder(REJECTED).description("records rejected").tag("reason", reason).register(registry)
                .increment();
    }

    public void dryRun(String format, String outcome) {
        Counter.builder(DRY_RUN).description("records of dry runs, counted nowhere else").tag("format", format)
                .tag("outcome", outcome).register(registry).increment();
    }

    public void duplicate() {
        Counter.builder(DUPLICATES).description("exact duplicates dropped").register(registry).increment();
    }

    public void correction() {
        Counter.builder(CORRECTIONS).description("corrections published with a higher revision").register(registry)
                .increment();
    }

    public void dedupFeedRecord() {
        Counter.builder(DEDUP_FEED).description("published reports read into the de-duplication memory")
                .register(registry).increment();
    }

    public <T> void rememberedIds(T deduplicator, ToDoubleFunction<T> size) {
        Gauge.builder(DEDUP_REMEMBERED, deduplicator, size).description("report ids remembered for de-duplication")
                .register(registry);
    }

    public Timer normalizeTimer(String format) {
        return Timer.builder(NORMALIZE_TIMER).description("time to normalise one record").tag("format", format)
                .register(registry);
    }
}
