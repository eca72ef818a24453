package org.borderwatch.ingest.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.SourcePermission;
import org.borderwatch.ingest.pipeline.SourceRules;
import org.borderwatch.ingest.statement.RuleLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every setting of the ingest service, under {@code ingest.*}.
 *
 * @param zone               the sources' UTC offset: clock times and bare dates in statements are read in it
 * @param maxRecordSize      a larger record (or batch line) is rejected as TOO_LARGE
 * @param maxBatchSize       a larger HTTP body is refused with 413
 * @param clockSkew          how far in the future publishedAt/occurredAt may lie (TIME_OUT_OF_RANGE beyond)
 * @param earliestYear       publishedAt before 1 January of this year is TIME_OUT_OF_RANGE
 * @param occurredAfterPublished how far after its own publishedAt a report's event may start, beyond the slack of
 *                           its time precision (a day for DAY and UNKNOWN, an hour for HOUR), before the report is
 *                           TIME_OUT_OF_RANGE: no report describes an event that has not happened yet
 * @param gazetteer          path of a gazetteer JSON file replacing the built-in one (empty: built-in)
 * @param sources            path of a source registry JSON file replacing the built-in one (empty: built-in)
 * @param publishTimeout     how long a send to the broker may take before the caller gets an error (HTTP: 503);
 *                           keep the producer's {@code max.block.ms} and {@code delivery.timeout.ms} at or below it
 * @param retryAfter         the {@code Retry-After} a partner gets with that 503 (whole seconds)
 * @param publishThreads     the most broker sends running at once (each HTTP request or raw record being published
 *                           holds one, and a timed-out send keeps it until the client lets go); one more is refused
 *                           at once like a timed-out send (HTTP: 503 with {@code Retry-After}); 1–1000
 * @param rules              how much of a statement's text the rules read
 * @param rejected           what a record on the rejected topic keeps
 * @param canonical          what a canonical report's source may claim
 * @param corrections        what a correction may not change
 * @param kafka              what the raw topics may carry
 * @param readinessGauge     how often the {@code borderwatch.readiness} gauge evaluates the readiness group
 */
@Validated
@ConfigurationProperties("ingest")
public record IngestProperties(
        @NotBlank @DefaultValue("+04:00") String zone,
        @NotNull @DefaultValue("64KB") DataSize maxRecordSize,
        @NotNull @DefaultValue("5MB") DataSize maxBatchSize,
        @NotNull @DefaultValue("10m") Duration clockSkew,
        @Min(1900) @Max(2100) @DefaultValue("1991") int earliestYear,
        @NotNull @DefaultValue("10m") Duration occurredAfterPublished,
        @DefaultValue("") String gazetteer,
        @DefaultValue("") String sources,
        @NotNull @DefaultValue("10s") Duration publishTimeout,
        @NotNull @DefaultValue("30s") Duration retryAfter,
        @Min(1) @Max(1000) @DefaultValue("8") int publishThreads,
        @Valid @NotNull @DefaultValue Dedup dedup,
        @Valid @NotNull @DefaultValue TopicNames topics,
        @Valid @NotNull @DefaultValue Api api,
        @Valid @NotNull @DefaultValue Rules rules,
        @Valid @NotNull @DefaultValue Rejected rejected,
        @Valid @NotNull @DefaultValue Canonical canonical,
        @Valid @NotNull @DefaultValue Corrections corrections,
        @Valid @NotNull @DefaultValue Kafka kafka,
        @Valid @NotNull @DefaultValue ReadinessGauge readinessGauge) {

    /** Zero or more. */
    @AssertTrue(message = "must not be negative")
    public boolean isOccurredAfterPublishedNotNegative() {
        return occurredAfterPublished == null || !occurredAfterPublished.isNegative();
    }

    /** The rules on sources and corrections for the plain-Java core. */
    public SourceRules sourceRules() {
        return new SourceRules(canonical.registeredKinds(), corrections.keepStance());
    }

    /**
     * @param registeredKinds source kinds only a source in the registry may have: a canonical report whose source id
     *                        the registry does not know may not claim one (SOURCE_MISMATCH); a report naming a
     *                        registry source always needs that source's kind and party
     */
    public record Canonical(@NotNull @DefaultValue({"PARTY_OFFICIAL", "INDEPENDENT_OBSERVER"})
                            Set<SourceKind> registeredKinds) {
    }

    /**
     * @param allowedSources per raw format ({@code canonical}, {@code statement}, {@code acled}), the registry source
     *                       ids its raw topic may carry reports of ({@code *} for any); a format not listed carries
     *                       any source. The raw topics have no per-partner identity: who may write to them is the
     *                       broker's ACLs' business, this only narrows what a topic may speak for.
     */
    public record Kafka(Map<String, Set<String>> allowedSources) {
        public Kafka {
            allowedSources = allowedSources == null ? Map.of() : Map.copyOf(allowedSources);
        }

        /** Every key is a format ingest knows. */
        @AssertTrue(message = "allowed-sources keys must be formats: canonical, statement, acled")
        public boolean isAllowedSourcesKeyedByFormat() {
            return allowedSources.keySet().stream().allMatch(k -> InputFormat.parse(k).isPresent());
        }

        /** The allow-list of the raw topic of {@code format} ({@code topic}), or any source without one. */
        public SourcePermission permission(InputFormat format, String topic) {
            Set<String> listed = allowedSources.entrySet().stream()
                    .filter(e -> InputFormat.parse(e.getKey()).filter(format::equals).isPresent())
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            return SourcePermission.topic(topic, "ingest.kafka.allowed-sources." + format.id(), listed);
        }
    }

    /**
     * @param interval the delay between the end of one evaluation of the readiness group and the start of the next;
     *                 an evaluation still running after it makes the gauge 0
     */
    public record ReadinessGauge(
            @NotNull @DefaultValue(org.borderwatch.support.ReadinessGauge.DEFAULT_INTERVAL) Duration interval) {
        /** Strictly positive. */
        @AssertTrue(message = "ingest.readiness-gauge.interval must be positive")
        public boolean isIntervalPositive() {
            return interval == null || interval.compareTo(Duration.ZERO) > 0;
        }
    }

    /**
     * @param keepStance a correction (new content under a known report id) may not change the report's stance from
     *                   one known stance to another (CORRECTION_CONFLICT); its source kind and party never change
     */
    public record Corrections(@DefaultValue("true") boolean keepStance) {
    }

    /**
     * Bounds on what the statement rules read (the report keeps the whole text); the defaults are
     * {@link RuleLimits#DEFAULTS}, which the offline command uses too.
     *
     * @param maxTextChars the rules read at most this many characters of a text (up to the last sentence end before
     *                     it): their cost is linear, so this bounds one record's time if max-record-size is raised
     * @param maxMarkRun   the most combining marks in a row the rules read (longer runs, as in "Zalgo" text, make
     *                     regex word boundaries quadratic)
     */
    public record Rules(@Min(RuleLimits.MIN_TEXT_CHARS) @DefaultValue("65536") int maxTextChars,
                        @Min(RuleLimits.MIN_MARK_RUN) @Max(RuleLimits.LARGEST_MARK_RUN) @DefaultValue("8") int maxMarkRun) {
        public RuleLimits toLimits() {
            return new RuleLimits(maxTextChars, maxMarkRun);
        }
    }

    /**
     * @param maxPayload a rejected record's original bytes are cut here so the record fits the broker's message size
     *                   limit ({@code message.max.bytes}, 1 MB by default; keep this below it, with room for headers)
     */
    public record Rejected(@NotNull @DefaultValue("900KB") DataSize maxPayload) {
        /** Between 1 KB and 100 MB. */
        @AssertTrue(message = "must be between 1KB and 100MB")
        public boolean isMaxPayloadInRange() {
            return maxPayload == null
                    || maxPayload.toBytes() >= 1024 && maxPayload.toBytes() <= 100L * 1024 * 1024;
        }
    }

    /**
     * @param window           exact duplicates seen within this period are dropped (after it, re-published with
     *                         the same revision)
     * @param maxEntries       how many report ids are remembered (least recently seen forgotten first)
     * @param shared           read the normalised topic into the memory (the last {@code correctionMemory} at
     *                         start-up, then everything any instance publishes), so restarts and replicas share it
     * @param correctionMemory how far back start-up reads the normalised topic, so a correction of a report
     *                         published that long ago continues its revision after a restart (never shorter than
     *                         {@code window})
     * @param catchUpTimeout how long start-up waits for that first read before starting anyway
     * @param refresh        how often the feed looks for new partitions (and waits before reconnecting)
     */
    public record Dedup(@NotNull @DefaultValue("24h") Duration window,
                        @Min(1) @DefaultValue("100000") int maxEntries,
                        @DefaultValue("true") boolean shared,
                        @NotNull @DefaultValue("60s") Duration catchUpTimeout,
                        @NotNull @DefaultValue("5m") Duration refresh,
                        @NotNull @DefaultValue("400d") Duration correctionMemory) {

        /** How far back start-up reads: {@code correctionMemory}, at least {@code window}. */
        public Duration startupRead() {
            return correctionMemory.compareTo(window) > 0 ? correctionMemory : window;
        }
    }

    /** Topic names; each defaults to the name in {@link Topics}. */
    public record TopicNames(String canonical, String statement, String acled, String normalized, String rejected) {
        public TopicNames {
            canonical = orDefault(canonical, Topics.RAW_CANONICAL.name());
            statement = orDefault(statement, Topics.RAW_STATEMENT.name());
            acled = orDefault(acled, Topics.RAW_ACLED.name());
            normalized = orDefault(normalized, Topics.NORMALIZED.name());
            rejected = orDefault(rejected, Topics.REJECTED.name());
        }

        private static String orDefault(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    /**
     * @param header the request header carrying a partner's API key
     * @param keys   the partners allowed to post, with the formats each may send
     */
    public record Api(@NotBlank @DefaultValue("X-Api-Key") String header, @Valid @DefaultValue List<ApiKey> keys) {
        public Api {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }
    }

    /**
     * @param sources the registry source ids this partner may send reports of, in every format ({@code *} for
     *                any); unset: only reports of sources the registry does not know. Sources the registry does not
     *                know are open to every key that allows them (see {@link SourcePermission})
     * @param allowUnregistered whether this key may send reports of publishers the registry does not know (a
     *                statement's {@code unregistered/<slug>}, a canonical report's own source id); default true, as
     *                before the setting existed. Such a publisher speaks only for itself, but the classifier counts
     *                its report: a key meant for registered sources only should set it to false
     */
    public record ApiKey(@NotBlank String partner, @NotBlank String key, @NotEmpty Set<String> formats,
                         Set<String> sources, @DefaultValue("true") boolean allowUnregistered) {
        public SourcePermission permission() {
            return new SourcePermission(partner, sources, allowUnregistered);
        }

        @Override
        public String toString() {
            return "ApiKey[partner=" + partner + ", formats=" + formats + ", sources=" + sources
                    + ", allowUnregistered=" + allowUnregistered + "]";
        }
    }
}
