package org.borderwatch.ingest.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.gazetteer.Gazetteer;
import org.borderwatch.ingest.pipeline.IngestLimits;
import org.borderwatch.ingest.source.SourceRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Wires the plain-Java core from configuration. */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Gazetteer gazetteer(IngestProperties properties) {
        return properties.gazetteer().isBlank() ? Gazetteer.builtIn() : Gazetteer.load(Path.of(properties.gazetteer()));
    }

    @Bean
    SourceRegistry sourceRegistry(IngestProperties properties) {
        return properties.sources().isBlank() ? SourceRegistry.builtIn()
                : SourceRegistry.load(Path.of(properties.sources()));
    }

    @Bean
    IngestCore ingestCore(IngestProperties p, Gazetteer gazetteer, SourceRegistry sources, Clock clock,
                          MeterRegistry registry) {
        IngestLimits limits = new IngestLimits((int) p.maxRecordSize().toBytes(), p.clockSkew(),
                OffsetDateTime.of(p.earliestYear(), 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), p.occurredAfterPublished());
        return IngestCore.create(gazetteer, sources, ZoneOffset.of(p.zone()), limits, p.rules().toLimits(),
                p.sourceRules(), p.dedup().window(),
                p.dedup().maxEntries(), clock, registry);
    }
}
