package org.borderwatch.ingest.statement;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.gazetteer.Gazetteer;
import org.borderwatch.ingest.pipeline.IngestLimits;
import org.borderwatch.ingest.pipeline.IngestPipeline;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.source.SourceRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Prints how long the whole pipeline (dry run) takes for each adversarial class at 4, 16 and 64 KB (not a test: run
 * with {@code java -cp … org.borderwatch.ingest.statement.AdversarialTimingReport [class-name-filter]}). A class that
 * takes more than 5 s at 16 KB is not run at 64 KB.
 */
public final class AdversarialTimingReport {

    private AdversarialTimingReport() {
    }

    public static void main(String[] args) {
        String filter = args.length > 0 ? args[0] : "";
        IngestPipeline pipeline = IngestCore.create(Gazetteer.builtIn(), SourceRegistry.builtIn(),
                IngestCore.DEFAULT_ZONE, IngestLimits.DEFAULTS, Duration.ofHours(24), 100_000, Clock.systemUTC(),
                new SimpleMeterRegistry()).pipeline();
        // warm up on a small corpus
        for (int i = 0; i < 3; i++) {
            AdversarialStatements.corpus(2048).forEach(e -> pipeline.processBatch(InputFormat.STATEMENT, e.getValue(),
                    "warm-up", true));
        }
        System.out.printf("%-28s %10s %10s %10s  %s%n", "class", "4 KB ms", "16 KB ms", "64 KB ms", "outcome at 64 KB");
        for (String name : AdversarialStatements.CLASSES.keySet()) {
            if (!name.contains(filter)) {
                continue;
            }
            long[] ms = new long[3];
            String outcome = "-";
            int[] sizes = {4 * 1024, 16 * 1024, 64 * 1024};
            for (int i = 0; i < sizes.length; i++) {
                byte[] record = AdversarialStatements.record(AdversarialStatements.text(name, sizes[i] - 256));
                long t0 = System.nanoTime();
                IngestPipeline.Result r;
                try {
                    r = pipeline.processBatch(InputFormat.STATEMENT, record, "bench", true);
                } catch (Throwable t) {
                    outcome = "THREW " + t;
                    ms[i] = (System.nanoTime() - t0) / 1_000_000;
                    break;
                }
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
                outcome = describe(r);
                if (i == 1 && ms[i] > 5000) {
                    ms[2] = -1;
                    outcome = "skipped (too slow at 16 KB)";
                    break;
                }
            }
            System.out.printf("%-28s %10d %10d %10d  %s%n", name, ms[0], ms[1], ms[2], outcome);
        }
    }

    private static String describe(IngestPipeline.Result r) {
        List<String> parts = r.outcomes().stream().map(o -> o.rejection() != null
                ? o.rejection().reason() + " " + abbreviate(o.rejection().detail())
                : o.report().stance() + "/" + o.report().location().segments()).toList();
        return String.join("; ", parts);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
