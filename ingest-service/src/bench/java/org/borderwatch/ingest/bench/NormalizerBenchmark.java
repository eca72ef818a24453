package org.borderwatch.ingest.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.common.json.Json;
import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.gazetteer.Gazetteer;
import org.borderwatch.ingest.pipeline.IngestLimits;
import org.borderwatch.ingest.pipeline.IngestPipeline;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.source.SourceRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Statements per second through the whole normaliser: parse, source registry, extraction rules, gazetteer, schema
 * check of the result and the de-duplication decision (dry run, so every call does the full work). The statements
 * are the project's own fixtures, cycled.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NormalizerBenchmark {

    private IngestPipeline pipeline;
    private List<byte[]> statements;
    private int next;

    @Setup
    public void setUp() throws IOException {
        pipeline = IngestCore.create(Gazetteer.builtIn(), SourceRegistry.builtIn(), IngestCore.DEFAULT_ZONE,
                IngestLimits.DEFAULTS, Duration.ofHours(24), 100_000, Clock.systemUTC(), new SimpleMeterRegistry())
                .pipeline();
        try (InputStream in = NormalizerBenchmark.class.getResourceAsStream("/fixtures/statements.jsonl")) {
            statements = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank())
                    .map(l -> Json.mapper().writeValueAsBytes(Json.tree(l.getBytes(StandardCharsets.UTF_8))
                            .get("statement")))
                    .toList();
        }
    }

    @Benchmark
    public IngestPipeline.Result normalizeStatement() {
        byte[] s = statements.get(next);
        next = (next + 1) % statements.size();
        return pipeline.processBatch(InputFormat.STATEMENT, s, "bench", true);
    }
}
