package org.borderwatch.deploy.local;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.json.JsonReadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code demo}: sends a timeline of statements to a running ingest-service (as a partner would, over HTTP with an API
 * key), waits until alert-service's verdicts for that period stop changing, and prints them. The built-in timeline
 * is the March 2025 surge: five claims in four days, denials, and an observer who saw nothing on two of the days.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Sends a timeline of statements to the running services and prints the verdicts they give. "
                + "Run it after 'up --with-services'. Sending it twice changes nothing (duplicates are dropped).")
public final class DemoCommand implements Callable<Integer> {

    /** The built-in timeline, in the launcher's resources. */
    static final String TIMELINE = "/demo/march-2025.jsonl";

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory of the running launcher, to find the services' ports (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("data");

    @Option(names = "--ingest", paramLabel = "URL", description = "ingest-service base URL (default: from --data, "
            + "else http://localhost:8081).")
    URI ingest;

    @Option(names = "--alert", paramLabel = "URL", description = "alert-service base URL (default: from --data, "
            + "else http://localhost:8083).")
    URI alert;

    @Option(names = "--api-key", paramLabel = "KEY", description = "Partner API key for ingest (default: the local "
            + "profile's ${DEFAULT-VALUE}).")
    String apiKey = "local-dev-key";

    @Option(names = "--user", paramLabel = "USER:PASSWORD", description = "Staff credentials for alert-service "
            + "(default: the local profile's ${DEFAULT-VALUE}).")
    String user = "staff:staff-local";

    @Option(names = "--timeline", paramLabel = "FILE", description = "NDJSON of statements "
            + "({sourceRef, source, publishedAt, language, text, url}) to send instead of the built-in one.")
    Path timeline;

    @Option(names = "--from", paramLabel = "INSTANT", description = "Show verdicts of incidents from this time "
            + "(default: the earliest publishedAt of the timeline minus one day).")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "... up to this time (default: the latest "
            + "publishedAt of the timeline plus one day).")
    Instant to;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for the verdicts to settle: seconds (90), 90s, 2m or PT90S "
                    + "(default: 90 s).")
    Duration timeout = Duration.ofSeconds(90);

    @Option(names = "--explain", description = "Also print, for each incident, the sentences behind its verdict and "
            + "the statements it rests on (source, stance, publication time, address).")
    boolean explain;

    @Option(names = "--settle", paramLabel = "DURATION", hidden = true, converter = DurationConverter.class,
            description = "How long the verdicts must stay unchanged to count as settled.")
    Duration settle = Duration.ofSeconds(4);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<LauncherState> state = LauncherState.read(new DataLayout(data).stateFile());
        if (state.isPresent() && !state.get().isAlive() && (ingest == null || alert == null)) {
            err.println("The launcher that used " + data.toAbsolutePath().normalize() + " (pid " + state.get().pid()
                    + ") is no longer running; start it again with 'up --with-services', or name the services with "
                    + "--ingest and --alert.");
            return ExitCodes.FAILURE;
        }
        URI ingestUri = ingest != null ? ingest : serviceUri(state, "ingest-service", 8081);
        URI alertUri = alert != null ? alert : serviceUri(state, "alert-service", 8083);
        byte[] body = timelineBytes();
        List<Instant> published = publishedTimes(body);
        if (published.isEmpty()) {
            err.println("The timeline has no statement with a publishedAt.");
            return ExitCodes.FAILURE;
        }
        Instant shownFrom = from != null ? from : published.stream().min(Instant::compareTo).orElseThrow()
                .minus(Duration.ofDays(1));
        Instant shownTo = to != null ? to : published.stream().max(Instant::compareTo).orElseThrow()
                .plus(Duration.ofDays(1));

        HttpResponse<String> sent;
        try {
            sent = http.send(HttpRequest.newBuilder(ingestUri.resolve("/api/v1/reports/statement"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-ndjson")
                    .header("X-Api-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("ingest-service does not answer at " + ingestUri + " (" + describe(e) + "). Start everything "
                    + "with 'up --with-services', or give --ingest.");
            return ExitCodes.FAILURE;
        }
        if (sent.statusCode() != 202) {
            err.println("ingest-service refused the timeline: HTTP " + sent.statusCode() + " " + sent.body());
            return ExitCodes.FAILURE;
        }
        JsonNode receipt = Json.tree(sent.body().getBytes(StandardCharsets.UTF_8));
        out.printf("Sent %d statements to %s: %d accepted, %d duplicates (already sent), %d refused.%n",
                published.size(), ingestUri, size(receipt, "accepted"), size(receipt, "duplicates"),
                size(receipt, "rejections"));
        for (JsonNode r : receipt.path("rejections")) {
            out.printf("  line %d: %s %s%n", r.path("line").asInt(), r.path("reason").asString(),
                    r.path("detail").asString());
        }
        out.println("Waiting for the verdicts of " + shownFrom + " .. " + shownTo + " at " + alertUri + " ...");
        out.flush();

        URI verdicts = alertUri.resolve("/api/v1/verdicts?size=500&from=" + shownFrom + "&to=" + shownTo);
        String auth = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plus(timeout);
        String last = null;
        Instant lastChange = Instant.now();
        JsonNode settled = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(verdicts).timeout(Duration.ofSeconds(10))
                        .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                err.println("alert-service does not answer at " + alertUri + " (" + describe(e) + ").");
                return ExitCodes.FAILURE;
            }
            if (r.statusCode() != 200) {
                err.println("alert-service refused the query: HTTP " + r.statusCode() + " " + r.body());
                return ExitCodes.FAILURE;
            }
            JsonNode list = Json.tree(r.body().getBytes(StandardCharsets.UTF_8));
            String fingerprint = versions(list);
            if (!fingerprint.equals(last)) {
                last = fingerprint;
                lastChange = Instant.now();
            } else if (!list.isEmpty() && Duration.between(lastChange, Instant.now()).compareTo(settle) >= 0) {
                settled = list;
                break;
            }
            Thread.sleep(500);
        }
        if (settled == null) {
            err.println("No settled verdicts within " + timeout + ": is classifier-service running? ('status' shows "
                    + "what answers.)");
            return ExitCodes.FAILURE;
        }
        print(out, settled);
        if (explain) {
            for (JsonNode v : byWindow(settled)) {
                String id = v.path("incidentId").asString();
                HttpResponse<String> r;
                try {
                    r = http.send(HttpRequest.newBuilder(alertUri.resolve("/api/v1/verdicts/" + id))
                            .timeout(Duration.ofSeconds(10)).header("Authorization", auth).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    err.println("alert-service does not answer at " + alertUri + " (" + describe(e) + ").");
                    return ExitCodes.FAILURE;
                }
                if (r.statusCode() != 200) {
                    err.println("alert-service refused the verdict of " + id + ": HTTP " + r.statusCode());
                    return ExitCodes.FAILURE;
                }
                explain(out, v, Json.tree(r.body().getBytes(StandardCharsets.UTF_8)));
            }
        }
        out.println("Details: GET " + alertUri.resolve("/api/v1/verdicts/") + "<incident> (rationale and history)"
                + (explain ? "." : ", or run demo again with --explain."));
        out.flush();
        return ExitCodes.OK;
    }

    private byte[] timelineBytes() {
        try {
            if (timeline != null) {
                return Files.readAllBytes(timeline);
            }
            try (InputStream in = DemoCommand.class.getResourceAsStream(TIMELINE)) {
                if (in == null) {
                    throw new IllegalStateException("the launcher jar has no " + TIMELINE);
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The publication times of the timeline's statements (lines that are no JSON are left to ingest to refuse). */
    static List<Instant> publishedTimes(byte[] ndjson) {
        List<Instant> out = new ArrayList<>();
        for (String line : new String(ndjson, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode published = Json.tree(line.getBytes(StandardCharsets.UTF_8)).path("publishedAt");
                if (published.isString()) {
                    out.add(OffsetDateTime.parse(published.asString()).toInstant());
                }
            } catch (JsonReadException | DateTimeParseException e) {
                // ingest will name the problem
            }
        }
        return out;
    }

    private static URI serviceUri(Optional<LauncherState> state, String service, int fallbackPort) {
        String host = state.map(LauncherState::host).orElse("localhost");
        int port = state.map(s -> s.services().get(service)).orElse(fallbackPort);
        return URI.create("http://" + host + ":" + port);
    }

    private static int size(JsonNode receipt, String field) {
        return receipt.path(field).size();
    }

    private static String versions(JsonNode list) {
        StringBuilder b = new StringBuilder();
        for (JsonNode v : list) {
            b.append(v.path("incidentId").asString()).append('@').append(v.path("version").asLong()).append(';');
        }
        return b.toString();
    }

    private static List<JsonNode> byWindow(JsonNode list) {
        List<JsonNode> rows = new ArrayList<>();
        list.forEach(rows::add);
        rows.sort(Comparator.comparing(v -> v.path("window").path("from").asString()));
        return rows;
    }

    /** One incident's why: the verdict's sentences and the statements behind it, in publication order. */
    static void explain(PrintWriter out, JsonNode summary, JsonNode detail) {
        out.printf("%n%s  %s · %s / %s · %s%n", summary.path("incidentId").asString(), summary.path("segment").asString(),
                summary.path("occurrence").asString(), summary.path("attribution").asString(),
                summary.path("severity").asString());
        out.println("  Why:");
        detail.path("rationale").forEach(sentence -> out.println("    - " + sentence.asString()));
        JsonNode evidence = detail.path("latest").path("evidence");
        if (evidence.isEmpty()) {
            return;
        }
        out.println("  Statements:");
        for (JsonNode e : evidence) {
            JsonNode source = e.path("source");
            String name = source.path("name").asString("");
            out.printf("    - %s  %-12s  %s%s%n", e.path("publishedAt").asString(), e.path("stance").asString(),
                    name.isBlank() ? source.path("id").asString() : name + " (" + source.path("id").asString() + ")",
                    e.path("url").isString() ? "  " + e.path("url").asString() : "");
        }
    }

    private static void print(PrintWriter out, JsonNode list) {
        out.printf("%n%-36s  %-16s  %-17s  %-10s  %-11s  %-8s  %s%n", "INCIDENT", "SEGMENT", "FROM", "OCCURRENCE",
                "ATTRIBUTION", "SEVERITY", "SIGNALS");
        List<JsonNode> rows = byWindow(list);
        for (JsonNode v : rows) {
            List<String> signals = new ArrayList<>();
            v.path("signals").forEach(s -> signals.add(s.asString()));
            String occurrence = v.path("occurrence").asString();
            JsonNode review = v.path("review");
            if (!review.isMissingNode() && !review.isNull()) {
                occurrence = review.path("occurrence").asString() + "*";
            }
            String start = v.path("window").path("from").asString();
            out.printf("%-36s  %-16s  %-17s  %-10s  %-11s  %-8s  %s%n", v.path("incidentId").asString(),
                    v.path("segment").asString(), start.length() > 16 ? start.substring(0, 16) : start, occurrence,
                    v.path("attribution").asString(), v.path("severity").asString(),
                    signals.isEmpty() ? "-" : String.join(",", signals));
        }
        if (rows.stream().anyMatch(v -> !v.path("review").isMissingNode() && !v.path("review").isNull())) {
            out.println("* reviewed by staff");
        }
    }

    private static String describe(IOException e) {
        return e instanceof ConnectException ? "connection refused" : e.toString();
    }
}
