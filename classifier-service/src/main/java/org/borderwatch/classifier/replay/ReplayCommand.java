package org.borderwatch.classifier.replay;

import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.concurrent.Callable;
import org.borderwatch.classifier.engine.ClassifierEngine;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.classifier.signal.SignalThresholds;
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
                + "usage or I/O error, 2 when some lines were skipped. Every threshold of the service can be changed "
                + "for a backtest (--set, --config), with the service's names, defaults and limits.")
public final class ReplayCommand implements Callable<Integer> {

    @Option(names = {"-i", "--input"}, description = "JSONL file of canonical reports; '-' or absent: stdin")
    Path input;

    @Option(names = "--all-versions", description = "print every assessment version, not only the last")
    boolean allVersions;

    @Option(names = "--summary", description = "print a readable table instead of JSON")
    boolean summary;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "a classifier.* setting of the service, named "
            + "as in its application.yml (e.g. classifier.signals.surge-window=P5D); repeatable; overrides --config")
    List<String> sets = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "a .yml/.yaml or .properties file shaped like "
            + "the service's application.yml (e.g. the one you deploy): its classifier.* settings; repeatable, later "
            + "files win")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--gap", paramLabel = "DURATION",
            description = "shorthand for --set classifier.session-gap=DURATION (default "
                    + ClassifierSettings.SESSION_GAP + ")")
    String gap;

    @Option(names = "--surge-min-claims", paramLabel = "N",
            description = "shorthand for --set classifier.signals.surge-min-claims=N (default "
                    + SignalThresholds.SURGE_MIN_CLAIMS + ")")
    String surgeMinClaims;

    @Spec
    CommandSpec spec;

    /** Environment variables for placeholders in --config files (replaced in tests). */
    UnaryOperator<String> environment = System::getenv;

    /** Standard input, read when there is no --input (replaced in tests). */
    java.util.function.Supplier<java.io.InputStream> stdin = () -> System.in;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> values;
        ClassifierSettings settings;
        try {
            values = settingValues(err);
            settings = SettingKeys.settings(values);
        } catch (SettingKeys.SettingException e) {
            err.println(e.getMessage());
            err.flush();
            return EXIT_USAGE_OR_IO;
        }
        Replayer.Input read;
        try (Reader in = input == null || input.toString().equals("-")
                ? new InputStreamReader(stdin.get(), StandardCharsets.UTF_8)
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
            List<String> changed = SettingKeys.all().stream().filter(k -> values.containsKey(k.name()))
                    .filter(k -> !k.read(values.get(k.name())).equals(k.read(k.defaultValue())))
                    .map(k -> k.name() + "=" + values.get(k.name()) + " (default " + k.defaultValue() + ")")
                    .toList();
            if (!changed.isEmpty()) {
                // only then, so that a summary with the defaults reads as it always did
                out.println("settings other than the defaults: " + String.join(", ", changed));
            }
        } else {
            shown.forEach(a -> out.println(Replayer.json(a)));
        }
        out.flush();
        return read.refused().isEmpty() ? 0 : EXIT_SOME_REFUSED;
    }

    /**
     * The settings given, canonical key → text: --config files in order, then --set and the shorthands (which may
     * not give one key two different values).
     */
    private Map<String, String> settingValues(PrintWriter err) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Path file : configs) {
            SettingsFile.Read read = SettingsFile.read(file, environment);
            read.notices().forEach(err::println);
            read.values().forEach((name, value) -> values.put(
                    SettingKeys.check(name, value, file.toString()).name(), value.strip()));
        }
        Map<String, String> given = new LinkedHashMap<>();
        List<String[]> commandLine = new ArrayList<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq < 0) {
                throw new SettingKeys.SettingException("--set " + set + ": expected KEY=VALUE, e.g. --set "
                        + "classifier.signals.surge-window=P5D");
            }
            commandLine.add(new String[] {"--set " + set, set.substring(0, eq).strip(), set.substring(eq + 1)});
        }
        if (gap != null) {
            commandLine.add(new String[] {"--gap " + gap, "classifier.session-gap", gap});
        }
        if (surgeMinClaims != null) {
            commandLine.add(new String[] {"--surge-min-claims " + surgeMinClaims,
                "classifier.signals.surge-min-claims", surgeMinClaims});
        }
        for (String[] c : commandLine) {
            String name = SettingKeys.check(c[1], c[2], c[0]).name();
            String before = given.put(name, c[2].strip());
            if (before != null && !before.equals(c[2].strip())) {
                throw new SettingKeys.SettingException(c[0] + ": " + name + " is already given as " + before);
            }
        }
        values.putAll(given);
        return values;
    }

    /** Exit codes, as ingest's {@code normalize}: 0 all read, 1 usage or I/O error, 2 some lines were no report. */
    static final int EXIT_USAGE_OR_IO = 1;
    static final int EXIT_SOME_REFUSED = 2;

    /** The command line (bad options exit with 1, not picocli's default 2, which here means "lines skipped"). */
    public static picocli.CommandLine commandLine() {
        picocli.CommandLine cl = new picocli.CommandLine(new ReplayCommand());
        cl.getHelpSectionMap().put(picocli.CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, new Footer());
        return cl;
    }

    /** The help's example files, as paths from the repository root (ReplayCommandTest checks that they exist). */
    static final String EXAMPLE_JAR = "classifier-service/target/classifier-service-0.1.0-SNAPSHOT.jar";
    static final String EXAMPLE_INPUT = "classifier-service/src/test/resources/fixtures/march-2025-surge.jsonl";
    static final String EXAMPLE_CONFIG = "classifier-service/src/main/resources/application.yml";

    /** The help's footer: an example backtest and every setting with its default (generated from SettingKeys). */
    static final class Footer implements picocli.CommandLine.IHelpSectionRenderer {
        @Override
        public String render(picocli.CommandLine.Help help) {
            return String.format("%nBacktest a threshold: replay the same reports with a setting changed and compare, "
                    + "e.g. the March 2025 surge%nwith a 5-day instead of the 7-day claim-surge window "
                    + "(from the repository root, after the build):%n"
                    + "  J=" + EXAMPLE_JAR + "%n"
                    + "  F=" + EXAMPLE_INPUT + "%n"
                    + "  java -jar $J replay --summary --input $F%n"
                    + "  java -jar $J replay --summary --input $F --set classifier.signals.surge-window=P5D%n"
                    + "or start from a configuration file (here the service's own; the deployed one the same way) "
                    + "and change one value:%n"
                    + "  java -jar $J replay --summary --input $F --config " + EXAMPLE_CONFIG + " "
                    + "--set classifier.signals.surge-min-claims=4%n"
                    + "%nSettings (the service's classifier.* keys; relaxed names such as surgeWindow accepted; an "
                    + "unknown key or a value%nnot allowed is a usage error, exit code 1):%n")
                    + SettingKeys.table();
        }
    }
}
