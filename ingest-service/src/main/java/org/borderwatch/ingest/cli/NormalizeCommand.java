package org.borderwatch.ingest.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.common.json.Json;
import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.gazetteer.Gazetteer;
import org.borderwatch.ingest.pipeline.IngestLimits;
import org.borderwatch.ingest.pipeline.IngestPipeline;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.Rejection;
import org.borderwatch.ingest.source.SourceRegistry;
import org.borderwatch.ingest.statement.RuleLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/**
 * {@code normalize --format statement --input FILE}: the ingest normaliser without broker or Spring. Canonical
 * reports go to stdout, one JSON per line; rejections to stderr, one per line with reason and detail. Exit code 0
 * when everything was accepted, 2 when something was rejected, 1 for a usage error (a missing or unknown option) or
 * an input that cannot be read (one line on stderr, no stack trace).
 */
@Command(name = "normalize", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
        description = "Normalise partner input offline: reports as JSON lines on stdout, rejections on stderr.")
public final class NormalizeCommand implements Callable<Integer> {

    @Option(names = {"-f", "--format"}, required = true, description = "canonical, statement or acled")
    String format;

    @Option(names = {"-i", "--input"}, description = "input file (JSON object, JSON array, NDJSON or CSV); "
            + "default or '-': standard input")
    String input;

    @Option(names = "--gazetteer", description = "gazetteer JSON file instead of the built-in one")
    Path gazetteer;

    @Option(names = "--sources", description = "source registry JSON file instead of the built-in one")
    Path sources;

    @Option(names = "--zone", description = "the sources' UTC offset for times in texts (default +04:00)")
    String zone = "+04:00";

    @Option(names = "--max-record-bytes", description = "size limit per record (default 65536)")
    int maxRecordBytes = IngestLimits.DEFAULTS.maxRecordBytes();

    @Option(names = "--max-text-chars", description = "the rules read at most this many characters of a text "
            + "(default 65536, like ingest.rules.max-text-chars)")
    int maxTextChars = RuleLimits.DEFAULTS.maxTextChars();

    @Option(names = "--max-mark-run", description = "the most combining marks in a row the rules read "
            + "(default 8, like ingest.rules.max-mark-run)")
    int maxMarkRun = RuleLimits.DEFAULTS.maxMarkRun();

    @Option(names = "--occurred-after-published", description = "how far after its publishedAt a report's event "
            + "may start, beyond its time precision, as ISO-8601 (default PT10M, like ingest.occurred-after-published)")
    Duration occurredAfterPublished = IngestLimits.DEFAULTS.occurredAfterPublished();

    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public NormalizeCommand(InputStream stdin, PrintStream out, PrintStream err, Clock clock) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** Runs the command and returns its exit code. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, Clock clock) {
        CommandLine cli = new CommandLine(new NormalizeCommand(stdin, out, err, clock));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        InputFormat f = InputFormat.parse(format).orElse(null);
        if (f == null) {
            err.println("UNSUPPORTED_FORMAT: '" + format + "' (use canonical, statement or acled)");
            return 1;
        }
        RuleLimits ruleLimits;
        try {
            ruleLimits = new RuleLimits(maxTextChars, maxMarkRun);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        byte[] bytes;
        try {
            bytes = input == null || input.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(input));
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("No such file: " + input);
            return 1;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            err.println("Cannot read " + (input == null ? "standard input" : input) + ": " + e.getMessage());
            return 1;
        }
        if (occurredAfterPublished.isNegative()) {
            err.println("--occurred-after-published must not be negative");
            return 1;
        }
        IngestLimits limits = new IngestLimits(maxRecordBytes, IngestLimits.DEFAULTS.clockSkew(),
                IngestLimits.DEFAULTS.earliest(), occurredAfterPublished);
        IngestCore core = IngestCore.create(
                gazetteer == null ? Gazetteer.builtIn() : Gazetteer.load(gazetteer),
                sources == null ? SourceRegistry.builtIn() : SourceRegistry.load(sources),
                ZoneOffset.of(zone), limits, ruleLimits, Duration.ofDays(3650), 1_000_000, clock,
                new SimpleMeterRegistry());
        IngestPipeline.Result result = core.pipeline().processBatch(f, bytes, "cli", false);
        core.pipeline().countAll(result); // nothing to send: every outcome is final
        for (IngestPipeline.Outcome o : result.outcomes()) {
            // a field dropped from an accepted record (a statement's unusable url): said, but not a rejection
            o.warnings().forEach(w -> err.println("line " + o.line() + ": WARNING: " + w.field() + ": "
                    + w.message().replace('\n', ' ')));
            if (o.published()) {
                out.println(Json.write(o.report()));
            } else if (o.rejection() != null) {
                Rejection r = o.rejection();
                err.println("line " + r.line() + ": " + r.reason() + ": " + r.detail().replace('\n', ' '));
            } else {
                err.println("line " + o.line() + ": DUPLICATE: same content as an earlier line (report "
                        + o.report().reportId() + ")");
            }
        }
        out.flush();
        return result.rejections().isEmpty() ? 0 : 2;
    }
}
