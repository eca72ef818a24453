package org.borderwatch.classifier.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.borderwatch.classifier.engine.ClassifierEngine;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.common.model.IncidentReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Reports per second through the core: a 90-day synthetic timeline (~20 reports a day) per invocation. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {

    static final int DAYS = 90;
    static final int PER_DAY = 14;
    static final int REPORTS = SyntheticTimeline.generate(DAYS, PER_DAY, 1).size();

    private List<IncidentReport> reports;
    private Neighbours neighbours;

    @Setup
    public void setUp() {
        reports = SyntheticTimeline.generate(DAYS, PER_DAY, 1);
        neighbours = Neighbours.fromClasspath();
    }

    @Benchmark
    @OperationsPerInvocation(1) // reported per replay; BenchMain divides into reports per second
    public int replay() {
        ClassifierEngine engine = new ClassifierEngine(ClassifierSettings.defaults(), neighbours);
        int emitted = 0;
        for (IncidentReport r : reports) {
            emitted += engine.process(r).assessments().size();
        }
        return emitted;
    }
}
