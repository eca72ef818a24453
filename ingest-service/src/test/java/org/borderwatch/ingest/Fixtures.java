package org.borderwatch.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.ingest.gazetteer.Gazetteer;
import org.borderwatch.ingest.pipeline.IngestLimits;
import org.borderwatch.ingest.source.SourceRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** Shared test data: the built-in gazetteer and registry (loaded once) and fixture files. */
public final class Fixtures {

    public static final Gazetteer GAZETTEER = Gazetteer.builtIn();
    public static final SourceRegistry SOURCES = SourceRegistry.builtIn();

    private Fixtures() {
    }

    public static IngestCore core(Clock clock, MeterRegistry registry) {
        return IngestCore.create(GAZETTEER, SOURCES, IngestCore.DEFAULT_ZONE, IngestLimits.DEFAULTS,
                Duration.ofHours(24), 10_000, clock, registry);
    }

    public static IngestCore core(Clock clock) {
        return core(clock, new SimpleMeterRegistry());
    }

    public static String resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
