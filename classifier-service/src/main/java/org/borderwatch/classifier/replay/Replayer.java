package org.borderwatch.classifier.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderwatch.classifier.engine.ClassifierEngine;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Stance;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * Offline replay: canonical reports (JSONL, any order) through the same engine as the stream, in publication order
 * (ties: order of the input), without a broker and without a clock.
 */
public final class Replayer {

    /** Output JSON with map keys sorted, so a replay prints the same bytes every time. */
    public static final ObjectWriter WRITER = Json.mapper().writer()
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public record Outcome(List<Assessment> versions, int reports, int duplicates, int late) {

        /**
         * The latest version of every incident, in order of the incidents' first versions — without the incidents
         * that merged into another or dissolved (their closing versions are in {@link #versions()}).
         */
        public List<Assessment> finals() {
            Map<UUID, Assessment> last = new LinkedHashMap<>();
            versions.forEach(a -> last.put(a.incidentId(), a));
            return last.values().stream().filter(a -> !ClassifierEngine.isRetirement(a)).toList();
        }
    }

    /**
     * Stream time order, whatever the input order: publication time; at the same instant claims before the
     * statements that may answer them, then by report id and revision, so shuffled input gives the same bytes.
     */
    public static final Comparator<IncidentReport> PUBLICATION_ORDER = Comparator
            .comparing((IncidentReport r) -> r.publishedAt().toInstant())
            .thenComparing(r -> r.stance() == Stance.CLAIM ? 0 : 1)
            .thenComparing(IncidentReport::reportId)
            .thenComparing(IncidentReport::revision);

    private final ClassifierEngine engine;

    public Replayer(ClassifierEngine engine) {
        this.engine = engine;
    }

    /** Reads JSONL reports; blank lines and lines starting with {@code #} are skipped; a bad line is an error. */
    public static List<IncidentReport> read(Reader in) throws IOException {
        Input input = readLeniently(in);
        if (!input.refused().isEmpty()) {
            throw new IllegalArgumentException(input.refused().get(0));
        }
        return input.reports();
    }

    /** What a JSONL input held: the reports, and one {@code "line N: why"} per line that is no report. */
    public record Input(List<IncidentReport> reports, List<String> refused) {
    }

    /**
     * Reads JSONL reports like {@link #read}, but a line that is no canonical report — not JSON, not valid against
     * the report schema ({@link CanonicalReports}), or refused by the record — is set aside with its line number and
     * reason, and reading goes on: one bad line in a year of history must not stop a backtest.
     */
    public static Input readLeniently(Reader in) throws IOException {
        List<IncidentReport> reports = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        BufferedReader reader = new BufferedReader(in);
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            CanonicalReports.Read read = CanonicalReports.read(line);
            if (read.isReport()) {
                reports.add(read.report());
            } else {
                refused.add("line " + n + ": " + read.refusal());
            }
        }
        return new Input(reports, refused);
    }

    public Outcome replay(List<IncidentReport> reports) {
        List<IncidentReport> ordered = new ArrayList<>(reports);
        ordered.sort(PUBLICATION_ORDER);
        List<Assessment> versions = new ArrayList<>();
        int duplicates = 0;
        int late = 0;
        for (IncidentReport r : ordered) {
            ClassifierEngine.Result result = engine.process(r);
            versions.addAll(result.assessments());
            if (result.outcome() == ClassifierEngine.Outcome.DUPLICATE) {
                duplicates++;
            } else if (result.outcome() == ClassifierEngine.Outcome.LATE) {
                late++;
            }
        }
        return new Outcome(versions, ordered.size(), duplicates, late);
    }

    public static String json(Assessment a) {
        return WRITER.writeValueAsString(a);
    }

    /** A readable table: incident, segment, window start, occurrence, attribution, severity, signals. */
    public static String summary(List<Assessment> finals) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-36s  %-16s  %-22s  %-10s  %-11s  %-8s  %-6s  %s%n";
        sb.append(String.format(fmt, "INCIDENT", "SEGMENT", "FROM", "OCCURRENCE", "ATTRIBUTION", "SEVERITY",
                "CLOSED", "SIGNALS"));
        for (Assessment a : finals) {
            sb.append(String.format(fmt, a.incidentId(), a.segment(),
                    a.window() == null ? "" : org.borderwatch.classifier.verdict.BorderTime.local(a.window().from()).toString(), a.occurrence(), a.attribution(),
                    a.severity(), a.closed() ? "yes" : "no",
                    String.join(",", a.signals().stream().map(s -> s.type().name()).toList())));
        }
        return sb.toString();
    }
}
