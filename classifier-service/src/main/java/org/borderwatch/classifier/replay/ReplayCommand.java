package org.borderwatch.classifier.replay;

import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.borderwatch.classifier.engine.ClassifierEngine;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.IncidentReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code replay --input FILE}: backtest the classifier on historical reports, no broker needed. */
@Command(name = "replay", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ReplayCommand.EXIT_USAGE_OR_IO,
        description = "Replays canonical reports (JSONL, any order) in publication order through the classifier "
                + "and prints the final assessment of every incident as JSONL. Lines that are no canonical report "
                + "are listed on stderr ('line N: why') and skipped. Exit code 0 when every line was read, 1 for a "
                + "usage or I/O error, 2 when some lines were skipped.")
public final class ReplayCommand implements Callable<Integer> {

    @Option(names = {"-i", "--input"}, description = "JSONL file of canonical reports; '-' or absent: stdin")
    Path input;

    @Option(names = "--all-versions", description = "print every assessment version, not only the last")
    boolean allVersions;

    @Option(names = "--summary", description = "print a readable table instead of JSON")
    boolean summary;

    @Option(names = "--gap", description = "session gap (ISO-8601 duration), default ${DEFAULT-VALUE}",
            defaultValue = "PT6H")
    java.time.Duration gap;

    @Option(names = "--surge-min-claims", description = "CLAIM_SURGE minimum claims, default ${DEFAULT-VALUE}",
            defaultValue = "3")
    int surgeMinClaims;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ClassifierSettings defaults = ClassifierSettings.defaults();
        var t = defaults.signals();
        ClassifierSettings settings = new ClassifierSettings(gap, defaults.grace(), defaults.quietPeriod(),
                new org.borderwatch.classifier.signal.SignalThresholds(t.surgeWindow(), surgeMinClaims,
                        t.surgeFactor(), t.surgeBaselineWeeks(), t.uncorroboratedShare(), t.fatalitiesCritical(),
                        t.retaliationWindow(), t.spreadSegments(), t.spreadWindow(), t.quietCalm(),
                        t.quietLookback(), t.quietMinIncidents(), t.milestoneLookback()),
                defaults.reliability(), defaults.severity());
        PrintWriter err = spec.commandLine().getErr();
        Replayer.Input read;
        try (Reader in = input == null || input.toString().equals("-")
                ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            read = Replayer.readLeniently(in);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("No such file: " + input);
            err.flush();
            return EXIT_USAGE_OR_IO;
        } catch (java.io.IOException e) {
            err.println("Cannot read " + input + ": " + e.getMessage());
            err.flush();
            return EXIT_USAGE_OR_IO;
        }
        read.refused().forEach(err::println);
        err.flush();
        List<IncidentReport> reports = read.reports();
        Replayer.Outcome outcome = new Replayer(new ClassifierEngine(settings, Neighbours.fromClasspath()))
                .replay(reports);
        PrintWriter out = spec.commandLine().getOut();
        List<Assessment> shown = allVersions ? outcome.versions() : outcome.finals();
        if (summary) {
            out.print(Replayer.summary(shown));
            out.printf("%d reports, %d duplicates ignored, %d late, %d incidents%n", outcome.reports(),
                    outcome.duplicates(), outcome.late(), outcome.finals().size());
        } else {
            shown.forEach(a -> out.println(Replayer.json(a)));
        }
        out.flush();
        return read.refused().isEmpty() ? 0 : EXIT_SOME_REFUSED;
    }

    /** Exit codes, as ingest's {@code normalize}: 0 all read, 1 usage or I/O error, 2 some lines were no report. */
    static final int EXIT_USAGE_OR_IO = 1;
    static final int EXIT_SOME_REFUSED = 2;

    /** The command line (bad options exit with 1, not picocli's default 2, which here means "lines skipped"). */
    public static picocli.CommandLine commandLine() {
        return new picocli.CommandLine(new ReplayCommand());
    }
}
