package org.borderwatch.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import org.borderwatch.ingest.acled.AcledNormalizer;
import org.borderwatch.ingest.canonical.CanonicalNormalizer;
import org.borderwatch.ingest.gazetteer.Gazetteer;
import org.borderwatch.ingest.metrics.IngestMetrics;
import org.borderwatch.ingest.pipeline.Deduplicator;
import org.borderwatch.ingest.pipeline.IngestLimits;
import org.borderwatch.ingest.pipeline.IngestPipeline;
import org.borderwatch.ingest.pipeline.SourceRules;
import org.borderwatch.ingest.source.SourceRegistry;
import org.borderwatch.ingest.statement.RuleLimits;
import org.borderwatch.ingest.statement.StatementExtractor;
import org.borderwatch.ingest.statement.StatementNormalizer;

import org.borderwatch.common.model.Stance;
import org.borderwatch.ingest.pipeline.Deduplicator.Disposition;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.borderwatch.ingest.source.RegisteredSource;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plain-Java ingest core, wired: the same object serves the Kafka bindings, the HTTP API and the offline
 * command.
 */
public record IngestCore(Gazetteer gazetteer, SourceRegistry sources, IngestPipeline pipeline) {

    /** The sources' local time (Armenia and Azerbaijan are both UTC+4). */
    public static final ZoneOffset DEFAULT_ZONE = ZoneOffset.ofHours(4);

    public static IngestCore create(Gazetteer gazetteer, SourceRegistry sources, ZoneOffset zone, IngestLimits limits,
                                    Duration dedupWindow, int dedupMaxEntries, Clock clock, MeterRegistry registry) {
        return create(gazetteer, sources, zone, limits, RuleLimits.DEFAULTS, dedupWindow, dedupMaxEntries, clock,
                registry);
    }

    /** The core with the given limits on how much of a statement's text the rules read. */
    public static IngestCore create(Gazetteer gazetteer, SourceRegistry sources, ZoneOffset zone, IngestLimits limits,
                                    RuleLimits ruleLimits, Duration dedupWindow, int dedupMaxEntries, Clock clock,
                                    MeterRegistry registry) {
        return create(gazetteer, sources, zone, limits, ruleLimits, SourceRules.DEFAULTS, dedupWindow,
                dedupMaxEntries, clock, registry);
    }

    /** The core with the given rules on sources and corrections too. */
    public static IngestCore create(Gazetteer gazetteer, SourceRegistry sources, ZoneOffset zone, IngestLimits limits,
                                    RuleLimits ruleLimits, SourceRules sourceRules, Duration dedupWindow,
                                    int dedupMaxEntries, Clock clock, MeterRegistry registry) {
        StatementExtractor extractor = new StatementExtractor(gazetteer, zone);
        IngestMetrics metrics = new IngestMetrics(registry);
        Deduplicator deduplicator = new Deduplicator(dedupWindow, dedupMaxEntries, clock, sourceRules.keepStance());
        metrics.rememberedIds(deduplicator, Deduplicator::size);
        metrics.startAtZero(Arrays.stream(InputFormat.values()).map(InputFormat::id).toList(),
                Arrays.stream(RejectReason.values()).map(Enum::name).toList(),
                Stream.concat(sources.all().stream().map(RegisteredSource::id), Stream.of(IngestPipeline.OTHER_SOURCE))
                        .toList(),
                Arrays.stream(Stance.values()).map(Enum::name).toList(),
                Arrays.stream(Disposition.values()).map(Enum::name).toList());
        IngestPipeline pipeline = new IngestPipeline(
                List.of(new CanonicalNormalizer(sources, sourceRules),
                        new StatementNormalizer(sources, extractor, zone, ruleLimits),
                        new AcledNormalizer(gazetteer, sources, zone)),
                deduplicator, limits, clock, metrics, sources);
        return new IngestCore(gazetteer, sources, pipeline);
    }
}
