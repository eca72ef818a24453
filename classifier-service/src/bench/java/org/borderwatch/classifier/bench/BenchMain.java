package org.borderwatch.classifier.bench;

import java.util.List;
import org.borderwatch.classifier.engine.ClassifierEngine;
import org.borderwatch.common.model.IncidentReport;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code mvn -Pbench -pl classifier-service test-compile exec:exec}: a short JMH run of the core, then a memory
 * check over a long synthetic replay (state and heap must stay flat while the timeline grows).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder().include(EngineBenchmark.class.getSimpleName()).forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(3)).measurementIterations(3)
                .measurementTime(TimeValue.seconds(5)).build();
        for (RunResult r : new Runner(options).run()) {
            double replaysPerSecond = r.getPrimaryResult().getScore();
            System.out.printf("JMH: %.2f replays/s of %d reports = %.0f reports/s%n", replaysPerSecond,
                    EngineBenchmark.REPORTS, replaysPerSecond * EngineBenchmark.REPORTS);
        }
        memoryCheck(args.length > 0 ? Integer.parseInt(args[0]) : 1460);
    }

    /** Replays {@code days} of synthetic reports and prints state size and heap at checkpoints. */
    static void memoryCheck(int days) {
        List<IncidentReport> reports = SyntheticTimeline.generate(days, EngineBenchmark.PER_DAY, 2);
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        int checkpoint = reports.size() / 8;
        long start = System.nanoTime();
        System.out.printf("memory check: %d days, %d reports%n", days, reports.size());
        System.out.printf("%10s %10s %10s %10s %10s %12s%n", "reports", "open", "closed", "retained", "claims",
                "heapMB");
        for (int i = 0; i < reports.size(); i++) {
            engine.process(reports.get(i));
            if ((i + 1) % checkpoint == 0 || i == reports.size() - 1) {
                System.gc();
                Runtime rt = Runtime.getRuntime();
                long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
                int claims = engine.state().claims.values().stream().mapToInt(List::size).sum();
                System.out.printf("%10d %10d %10d %10d %10d %12d%n", i + 1, engine.openIncidents(),
                        engine.retainedClosedIncidents(), engine.state().reports.size(), claims, heap);
            }
        }
        System.out.printf("replayed in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
