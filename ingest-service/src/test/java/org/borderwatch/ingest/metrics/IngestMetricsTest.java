package org.borderwatch.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.common.model.Stance;
import org.borderwatch.ingest.Fixtures;
import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counters exist at 0 from start-up for every tag value known in advance, so {@code increase()} sees the first
 * correction, rejection or report of a kind instead of a series that appears with its first event.
 */
class IngestMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IngestCore core = Fixtures.core(Clock.fixed(Instant.parse("2025-03-20T00:00:00Z"), ZoneOffset.UTC),
            meters);

    private double count(String name, String... tags) {
        Counter c = meters.find(name).tags(tags).counter();
        assertThat(c).as(name + " " + String.join(",", tags) + " is registered").isNotNull();
        return c.count();
    }

    @Test
    void everyCounterIsThereAtZeroBeforeTheFirstEvent() {
        assertThat(count(IngestMetrics.CORRECTIONS)).isZero();
        assertThat(count(IngestMetrics.DUPLICATES)).isZero();
        assertThat(count(IngestMetrics.DEDUP_FEED)).isZero();
        for (InputFormat f : InputFormat.values()) {
            assertThat(count(IngestMetrics.RECEIVED, "format", f.id())).isZero();
            assertThat(meters.find(IngestMetrics.NORMALIZE_TIMER).tags("format", f.id()).timer()).isNotNull();
            assertThat(count(IngestMetrics.DRY_RUN, "format", f.id(), "outcome", "NEW")).isZero();
        }
        assertThat(count(IngestMetrics.RECEIVED, "format", "unknown")).isZero();
        for (RejectReason r : RejectReason.values()) {
            assertThat(count(IngestMetrics.REJECTED, "reason", r.name())).isZero();
            assertThat(count(IngestMetrics.DRY_RUN, "format", "statement", "outcome", r.name())).isZero();
        }
        for (Stance s : Stance.values()) {
            assertThat(count(IngestMetrics.NORMALIZED, "source", "euma", "stance", s.name())).isZero();
            assertThat(count(IngestMetrics.NORMALIZED, "source", "other", "stance", s.name())).isZero();
        }
        assertThat(meters.find(IngestMetrics.NORMALIZED).counters())
                .hasSize((Fixtures.SOURCES.all().size() + 1) * Stance.values().length);
    }

    @Test
    void theFirstCorrectionCountsOnTheSeriesThatWasThere() {
        Counter corrections = meters.find(IngestMetrics.CORRECTIONS).counter();
        String text = "{\"sourceRef\":\"m-1\",\"source\":\"Ministry of Defence of Armenia\","
                + "\"publishedAt\":\"2025-03-16T10:20:00+04:00\",\"language\":\"en\",\"text\":\"%s\"}";
        core.pipeline().countAll(core.pipeline().processRecord(InputFormat.STATEMENT, String.format(text,
                "On 16 March at 09:35 Azerbaijani units fired at our positions near Sotk.")
                .getBytes(StandardCharsets.UTF_8), "test"));
        core.pipeline().countAll(core.pipeline().processRecord(InputFormat.STATEMENT, String.format(text,
                "On 16 March at 09:40 Azerbaijani units fired at our positions near Sotk.")
                .getBytes(StandardCharsets.UTF_8), "test"));
        assertThat(meters.find(IngestMetrics.CORRECTIONS).counter()).isSameAs(corrections);
        assertThat(corrections.count()).isEqualTo(1);
    }
}
