package org.borderwatch.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
    /**
     * Fields dropped from accepted records, each once when its record's outcome is settled (never for dry runs); tags
     * {@code format} and {@code field} (a statement's unusable {@code url}: {@code format="statement"},
     * {@code field="url"}).
     */
    public static final String DROPPED_FIELDS = "borderwatch.reports.dropped.fields";
    /** The one {@code dropped.fields} series known in advance: a statement's url. */
    public static final String DROPPED_URL_FORMAT = "statement";
    /** Time to normalise one record; tag {@code format}. */
    public static final String NORMALIZE_TIMER = "borderwatch.reports.normalize";
    /**
     * 1 while the readiness health group is UP, 0 otherwise (gauge; evaluated in the background by service-support's
     * {@code ReadinessGauge}, never during a scrape; registered by {@code config.ReadinessGaugeConfiguration}).
     */
    public static final String READINESS = "borderwatch.readiness";

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Registers every counter (and the normalise timer) at 0 for the tag values known in advance, so that a series
     * exists before its first event: {@code increase()} and {@code rate()} then see that event, and a dashboard shows
     * 0 instead of "no data". No tag value arrives only with input: a source the registry does not know is counted
     * as {@code source="other"} ({@link org.borderwatch.ingest.pipeline.IngestPipeline#OTHER_SOURCE}).
     *
     * @param formats  the input formats ({@code received}, {@code dry.run}, the timer); plus "unknown" for
     *                 {@code received} and {@code dry.run}
     * @param reasons  the rejection reasons ({@code rejected}, {@code dry.run})
     * @param sources  the {@code source} tag values of {@code normalized} (registry ids and "other")
     * @param stances  the stances ({@code normalized})
     * @param outcomes the de-duplicator's dispositions ({@code dry.run}, besides the reasons)
     */
    public void startAtZero(Collection<String> formats, Collection<String> reasons, Collection<String> sources,
                            Collection<String> stances, Collection<String> outcomes) {
        List<String> formatsAndUnknown = new ArrayList<>(formats);
        formatsAndUnknown.add(UNKNOWN_FORMAT);
        for (String format : formatsAndUnknown) {
            receivedCounter(format);
            outcomes.forEach(o -> dryRunCounter(format, o));
            reasons.forEach(r -> dryRunCounter(format, r));
        }
        formats.forEach(this::normalizeTimer);
        reasons.forEach(this::rejectedCounter);
        for (String source : sources) {
            stances.forEach(stance -> normalizedCounter(source, stance));
        }
        duplicatesCounter();
        correctionsCounter();
        dedupFeedCounter();
        if (formats.contains(DROPPED_URL_FORMAT)) {
            droppedFieldsCounter(DROPPED_URL_FORMAT, "$.url");
        }
    }

    /** The {@code format} tag of a request for a format ingest does not know. */
    public static final String UNKNOWN_FORMAT = "unknown";

    private Counter receivedCounter(String format) {
        return Counter.builder(RECEIVED).description("records received").tag("format", format).register(registry);
    }

    private Counter normalizedCounter(String source, String stance) {
        return Counter.builder(NORMALIZED).description("reports published").tag("source", source)
                .tag("stance", stance).register(registry);
    }

    private Counter rejectedCounter(String reason) {
        return Counter.builder(REJECTED).description("records rejected").tag("reason", reason).register(registry);
    }

    private Counter dryRunCounter(String format, String outcome) {
        return Counter.builder(DRY_RUN).description("records of dry runs, counted nowhere else").tag("format", format)
                .tag("outcome", outcome).register(registry);
    }

    private Counter duplicatesCounter() {
        return Counter.builder(DUPLICATES).description("exact duplicates dropped").register(registry);
    }

    private Counter correctionsCounter() {
        return Counter.builder(CORRECTIONS).description("corrections published with a higher revision")
                .register(registry);
    }

    private Counter dedupFeedCounter() {
        return Counter.builder(DEDUP_FEED).description("published reports read into the de-duplication memory")
                .register(registry);
    }

    private Counter droppedFieldsCounter(String format, String field) {
        String name = field.startsWith("$.") ? field.substring(2) : field;
        return Counter.builder(DROPPED_FIELDS).description("fields dropped from accepted records").tag("format", format)
                .tag("field", name).register(registry);
    }

    /** A field ({@code $.url}) dropped from an accepted record of {@code format}. */
    public void droppedField(String format, String field) {
        droppedFieldsCounter(format, field).increment();
    }

    public void received(String format) {
        receivedCounter(format).increment();
    }

    public void normalized(String source, String stance) {
        normalizedCounter(source, stance).increment();
    }

    public void rejected(String reason) {
        rejectedCounter(reason).increment();
    }

    public void dryRun(String format, String outcome) {
        dryRunCounter(format, outcome).increment();
    }

    public void duplicate() {
        duplicatesCounter().increment();
    }

    public void correction() {
        correctionsCounter().increment();
    }

    public void dedupFeedRecord() {
        dedupFeedCounter().increment();
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
