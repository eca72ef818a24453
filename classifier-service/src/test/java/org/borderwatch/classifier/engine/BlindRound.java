package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.borderwatch.classifier.verdict.BorderTime;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.IncidentReport;
import tools.jackson.databind.JsonNode;

/**
 * A round of blind rows ({@code src/test/resources/round-N/rows.json}, from the twelfth round on): per row its
 * reports in order of arrival, every final incident as
 * {@code SEGMENT MM-dd HH:mm [sourceRefs] OCCURRENCE/ATTRIBUTION SEVERITY {SIGNALS} k=killed closed|open} — window
 * start at UTC+4, {@code ??:??} where the writer fixed only the day, {@code k=?} and a last {@code ?} where they
 * fixed neither the killed nor the closure (held-out batch 55, written as statements) — and {@code why}, the rule each
 * expectation follows. {@link BlindRoundTest} checks every row of a round; {@code ClassifierTopologyTest} streams them.
 */
public record BlindRound(int number, List<Row> rows) {

    /** One row of a round: its id, title, reasons, reports in order of arrival and expected final lines. */
    public record Row(String id, String title, String why, List<IncidentReport> arriving, List<String> expected) {
        @Override
        public String toString() {
            return id + " " + title;
        }
    }

    private static final Map<Integer, BlindRound> READ = new ConcurrentHashMap<>();

    /** The round's rows, as its fixture gives them (read once). */
    public static BlindRound of(int number) {
        return READ.computeIfAbsent(number, BlindRound::read);
    }

    /** The row with this id. */
    public Row row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Override
    public String toString() {
        return "round " + number;
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private static final Pattern LINE = Pattern.compile("^(\\S+ \\S+ \\S+) \\[(.*?)] (.*) \\{(.*?)} (.*)$");

    /**
     * The finals as the row writes them, sorted; an incident whose start the row fixed only to the day ({@code ??:??}),
     * or whose killed or closure it left open, is written so where it matches that line in every field it fixes.
     */
    static List<String> describe(List<Assessment> finals, Map<UUID, String> refs, List<String> expected) {
        List<String> lines = new ArrayList<>();
        for (Assessment a : finals) {
            String start = WHEN.format(BorderTime.local(a.window().from()));
            String rest = " " + a.reportIds().values().stream().flatMap(List::stream).map(refs::get)
                    .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(" ", "[", "]"))
                    + " " + a.occurrence() + "/" + a.attribution() + " " + a.severity() + " "
                    + a.signals().stream().map(s -> s.type().name()).sorted().collect(Collectors.joining(" ", "{", "}"))
                    + " k=" + a.killed() + " " + (a.closed() ? "closed" : "open");
            String line = a.segment() + " " + start + rest;
            lines.add(normalised(expected).stream().filter(e -> leavesOpen(e, line)).findFirst().orElse(line));
        }
        return lines.stream().sorted().toList();
    }

    /**
     * Whether the written line {@code e} matches {@code line} in every field it fixes: {@code ??:??} leaves the hour
     * open, {@code k=?} the killed, a last {@code ?} the closure (a writer who fixed only what they expected).
     */
    private static boolean leavesOpen(String e, String line) {
        String[] want = e.split(" ", -1);
        String[] got = line.split(" ", -1);
        if (want.length != got.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            boolean open = want[i].equals("??:??") && got[i].matches("\\d\\d:\\d\\d")
                    || want[i].equals("k=?") && got[i].startsWith("k=")
                    || i == want.length - 1 && want[i].equals("?") && got[i].matches("closed|open");
            if (!open && !want[i].equals(got[i])) {
                return false;
            }
        }
        return true;
    }

    /** The row's lines, normalised and sorted as {@link #describe} writes the finals. */
    static List<String> sorted(List<String> expected) {
        return normalised(expected).stream().sorted().toList();
    }

    /** The row's lines with their refs and signals in sorted order (the writer listed them in any order). */
    private static List<String> normalised(List<String> expected) {
        List<String> out = new ArrayList<>();
        for (String line : expected) {
            Matcher m = LINE.matcher(line.strip());
            assertThat(m.matches()).as(line).isTrue();
            out.add(m.group(1) + " [" + String.join(" ", new TreeSet<>(List.of(m.group(2).split(" ")))) + "] "
                    + m.group(3) + " {" + (m.group(4).isBlank() ? "" : String.join(" ",
                    new TreeSet<>(List.of(m.group(4).split(" "))))) + "} " + m.group(5));
        }
        return out;
    }

    /** Each report's id to its sourceRef, the name the rows give it. */
    static Map<UUID, String> refs(List<IncidentReport> reports) {
        Map<UUID, String> refs = new HashMap<>();
        reports.forEach(r -> refs.put(r.reportId(), r.sourceRef()));
        return refs;
    }

    private static BlindRound read(int number) {
        String resource = "/round-" + number + "/rows.json";
        try (InputStream in = BlindRound.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            JsonNode rows = Json.tree(in.readAllBytes());
            List<Row> out = new ArrayList<>();
            for (JsonNode row : rows) {
                List<IncidentReport> reports = new ArrayList<>();
                row.get("reports").forEach(r -> reports.add(Json.convert(r, IncidentReport.class)));
                List<String> expected = new ArrayList<>();
                row.get("expected").forEach(e -> expected.add(e.asString()));
                out.add(new Row(row.get("id").asString(), row.get("title").asString(), row.get("why").asString(),
                        List.copyOf(reports), List.copyOf(expected)));
            }
            return new BlindRound(number, List.copyOf(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
