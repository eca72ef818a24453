package org.borderwatch.classifier.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.borderwatch.common.json.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The replay command's first contract round ({@code src/test/resources/rounds/replay-1}, its README says how the
 * cases are written): 25 cases an analyst wrote from the documentation alone, before the jar ran, each an input and
 * what the README promises about the output. Every case runs through the command in-process, as {@code main} builds
 * it, and every expectation of its {@code case.json} is checked; an expectation type this checker does not know fails
 * the case rather than being skipped. {@link #theCheckerFailsWhenAnExpectationIsChanged} shows each type can fail.
 */
class ReplayContractRoundTest {

    static final Path ROUND = resource("/rounds/replay-1");
    static final int CASES = 25;
    /** The border's offset: {@code day} is the date of {@code window.from} there. */
    static final ZoneOffset BORDER = ZoneOffset.ofHours(4);
    static final Pattern LISTED_LINE = Pattern.compile("(?m)^line (\\d+): ");
    static final Set<String> SETTING_OPTIONS = Set.of("--set", "--config", "--gap", "--surge-min-claims");

    @TestFactory
    Stream<DynamicTest> everyCaseGivesWhatTheDocumentationPromises() {
        List<Path> cases = cases();
        assertThat(cases).hasSize(CASES);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
                () -> check(dir, readCase(dir))));
    }

    /**
     * One changed expectation per type, each on a case that passes as written, with what the failure must say: the
     * check must fail, and for that reason.
     */
    static Stream<Arguments> changedExpectations() {
        return Stream.of(
                changed("exitCode", "01-claim-alone-input-file", "exit code", e -> e.put("exitCode", 2)),
                changed("stdoutLines", "01-claim-alone-input-file", "non-empty stdout lines",
                        e -> e.put("stdoutLines", 2)),
                changed("stdoutContains", "03-claim-and-denial-disputed", "[stdoutContains]",
                        e -> array(e, "stdoutContains").add("\"occurrence\":\"CONFIRMED\"")),
                changed("stdoutNotContains", "07-unresolved-retaliation-placed-by-answer", "[stdoutNotContains]",
                        e -> array(e, "stdoutNotContains").add("\"segment\"")),
                changed("stderrContains", "15-lines-that-are-not-reports", "[stderrContains]",
                        e -> array(e, "stderrContains").add("line 1:")),
                changed("stderrNotContains", "15-lines-that-are-not-reports", "[stderrNotContains]",
                        e -> array(e, "stderrNotContains").add("line 3:")),
                changed("outputContains", "24-help-lists-settings", "[outputContains]",
                        e -> array(e, "outputContains").add("classifier.signals.claim-surge.window")),
                changed("sameStdoutAs", "15-lines-that-are-not-reports", "stdout the same bytes as",
                        e -> ((ObjectNode) e.get("sameStdoutAs")).put("case", "01-claim-alone-input-file")),
                changed("incidents occurrence", "03-claim-and-denial-disputed", "occurrence: expected \"CONFIRMED\"",
                        e -> incident(e, 0).put("occurrence", "CONFIRMED")),
                changed("incidents reportCount", "03-claim-and-denial-disputed", "reportCount: expected 3, got 2",
                        e -> incident(e, 0).put("reportCount", 3)),
                changed("incidents signals", "08-retaliation-cycle-tavush", "signals: expected [",
                        e -> array(incident(e, 0), "signals").add("SPREAD")),
                changed("incidents confidence", "01-claim-alone-input-file", "confidence: expected 0.251, got 0.250",
                        e -> incident(e, 0).put("confidence", 0.251)),
                changed("incidents killed", "25-fatalities-and-heavy-weapons", "killed: expected",
                        e -> incidentWith(e, "killed").put("killed", incidentWith(e, "killed").get("killed").asInt() + 1)),
                changed("incidents day", "18-uncorroborated-surge-march-2025", "day: expected 2025-02-28",
                        e -> incidentWith(e, "day").put("day", "2025-02-28")),
                changed("incidents closureReason", "10-closure-after-quiet-period", "closureReason: expected MERGED",
                        e -> incidentWith(e, "closureReason").put("closureReason", "MERGED")),
                changed("incidents: one more than the output has", "01-claim-alone-input-file",
                        "no assignment of the expected incidents",
                        e -> array(e, "incidents").add(incident(e, 0).deepCopy())),
                changed("distinctIncidentIds", "12-mixed-timeline-shuffled-all-versions", "of different incidents",
                        e -> {
                            // two of the three --all-versions lines of the one SYUNIK_WEST incident
                            ArrayNode incidents = e.putArray("incidents");
                            incidents.addObject().put("segment", "SYUNIK_WEST");
                            incidents.addObject().put("segment", "SYUNIK_WEST");
                            e.put("distinctIncidentIds", true);
                        }),
                changed("intentionallyInvalidLines", "15-lines-that-are-not-reports", "the lines listed on stderr",
                        e -> e.putArray("intentionallyInvalidLines").add(2).add(3).add(4)),
                changed("withoutTheSetting", "01-claim-alone-input-file", "without the setting", e -> e.put(
                        "withoutTheSetting", "a setting that is the default changes nothing, so this must fail")),
                changed("an expectation type the checker does not know", "01-claim-alone-input-file",
                        "does not know: stdoutMatches", e -> e.put("stdoutMatches", ".*")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changedExpectations")
    void theCheckerFailsWhenAnExpectationIsChanged(String type, String name, String says,
                                                   Consumer<ObjectNode> change) {
        Path dir = ROUND.resolve("cases").resolve(name);
        ObjectNode c = readCase(dir);
        check(dir, c.deepCopy()); // as written, it passes
        change.accept((ObjectNode) c.get("expect"));
        if (type.equals("withoutTheSetting")) {
            ((ArrayNode) c.get("args")).add("--set").add("classifier.session-gap=PT6H");
        }
        if (type.equals("distinctIncidentIds")) {
            ObjectNode anyLines = c.deepCopy();
            ((ObjectNode) anyLines.get("expect")).remove(type);
            check(dir, anyLines); // two lines match; that they are one incident is what fails below
        }
        assertThatThrownBy(() -> check(dir, c)).as(type).isInstanceOf(AssertionError.class).hasMessageContaining(says);
    }

    // ------------------------------------------------------------------------------------------------ the checker

    record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Checks every expectation of a case; all differences are collected before the case fails. */
    static void check(Path dir, JsonNode c) {
        JsonNode e = c.get("expect");
        List<String> args = strings(c.get("args"));
        Run run = run(dir, args, c.path("stdin").asBoolean(false));
        SoftAssertions soft = new SoftAssertions();
        for (String key : e.propertyNames()) {
            JsonNode v = e.get(key);
            switch (key) {
                case "exitCode" -> soft.assertThat(run.exitCode()).as("exit code; stderr: %s", run.err())
                        .isEqualTo(v.asInt());
                case "stdoutLines" -> soft.assertThat(run.lines()).as("non-empty stdout lines").hasSize(v.asInt());
                case "stdoutContains" -> strings(v).forEach(s -> soft.assertThat(run.out()).as(key).contains(s));
                case "stdoutNotContains" -> strings(v).forEach(s ->
                        soft.assertThat(run.out()).as(key).doesNotContain(s));
                case "stderrContains" -> strings(v).forEach(s -> soft.assertThat(run.err()).as(key).contains(s));
                case "stderrNotContains" -> strings(v).forEach(s ->
                        soft.assertThat(run.err()).as(key).doesNotContain(s));
                case "outputContains" -> strings(v).forEach(s ->
                        soft.assertThat(run.out() + run.err()).as(key).contains(s));
                case "sameStdoutAs" -> {
                    Path other = ROUND.resolve("cases").resolve(v.get("case").asString());
                    JsonNode otherCase = readCase(other);
                    Run ref = run(other, strings(v.has("args") ? v.get("args") : otherCase.get("args")),
                            otherCase.path("stdin").asBoolean(false));
                    soft.assertThat(run.out()).as("stdout the same bytes as %s", v).isEqualTo(ref.out());
                }
                case "incidents" -> matchIncidents(soft, (ArrayNode) v, run.lines(),
                        e.path("distinctIncidentIds").asBoolean(false));
                case "distinctIncidentIds" -> soft.assertThat(e.has("incidents")).as("%s without incidents", key)
                        .isTrue(); // checked with the incidents' matching
                case "intentionallyInvalidLines" -> {
                    Set<Integer> listed = new TreeSet<>();
                    Matcher m = LISTED_LINE.matcher(run.err());
                    while (m.find()) {
                        listed.add(Integer.parseInt(m.group(1)));
                    }
                    Set<Integer> declared = new TreeSet<>();
                    v.forEach(n -> declared.add(n.asInt()));
                    soft.assertThat(listed).as("the lines listed on stderr (line N: why)").isEqualTo(declared);
                }
                case "withoutTheSetting" -> {
                    Run without = run(dir, withoutSettings(args), c.path("stdin").asBoolean(false));
                    soft.assertThat(without.out()).as("without the setting (%s)", v.asString()).isNotEqualTo(run.out());
                }
                case "notes" -> {
                    // why, in the writer's words
                }
                default -> soft.fail("an expectation type the checker does not know: " + key);
            }
        }
        soft.assertAll();
    }

    /**
     * Each expected incident must match a different output line (order not asserted); with {@code distinct} the
     * lines matched must also be different incidents. Every assignment is tried, so an expectation that fits several
     * lines never takes the only line another one fits.
     */
    static void matchIncidents(SoftAssertions soft, ArrayNode expected, List<String> lines, boolean distinct) {
        List<JsonNode> outputs = new ArrayList<>();
        for (String line : lines) {
            outputs.add(Json.mapper().readTree(line));
        }
        int[] chosen = new int[expected.size()];
        if (assign(expected, outputs, distinct, 0, chosen)) {
            return;
        }
        StringBuilder why = new StringBuilder("no assignment of the expected incidents to different output lines"
                + (distinct ? " of different incidents" : "") + ":");
        for (int i = 0; i < expected.size(); i++) {
            List<String> closest = null;
            for (JsonNode out : outputs) {
                List<String> d = differences(expected.get(i), out);
                if (closest == null || d.size() < closest.size()) {
                    closest = d;
                }
            }
            why.append("\n  incident ").append(i).append(' ').append(expected.get(i)).append(": ")
                    .append(closest == null ? "no output line" : closest.isEmpty() ? "matches a line" : closest);
        }
        soft.fail(why.toString());
    }

    private static boolean assign(ArrayNode expected, List<JsonNode> outputs, boolean distinct, int i, int[] chosen) {
        if (i == expected.size()) {
            return true;
        }
        for (int j = 0; j < outputs.size(); j++) {
            if (taken(outputs, chosen, i, j, distinct) || !differences(expected.get(i), outputs.get(j)).isEmpty()) {
                continue;
            }
            chosen[i] = j;
            if (assign(expected, outputs, distinct, i + 1, chosen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean taken(List<JsonNode> outputs, int[] chosen, int i, int j, boolean distinct) {
        for (int k = 0; k < i; k++) {
            if (chosen[k] == j || distinct && outputs.get(chosen[k]).get("incidentId")
                    .equals(outputs.get(j).get("incidentId"))) {
                return true;
            }
        }
        return false;
    }

    /** The fields of an expected incident that an output line does not have, as "field: expected x, got y". */
    static List<String> differences(JsonNode expected, JsonNode out) {
        List<String> d = new ArrayList<>();
        for (String field : expected.propertyNames()) {
            Object want = expectedValue(field, expected.get(field));
            Object got = derived(field, out);
            if (!Objects.equals(want, got)) {
                d.add(field + ": expected " + want + ", got " + got);
            }
        }
        return d;
    }

    private static Object expectedValue(String field, JsonNode v) {
        return switch (field) {
            case "signals" -> new TreeSet<>(strings(v));
            case "reportCount", "killed" -> v.asInt();
            case "confidence" -> v.decimalValue().setScale(3, RoundingMode.HALF_EVEN);
            case "day", "closureReason" -> v.isNull() ? null : v.asString();
            default -> v;
        };
    }

    /** A field of an output line, or one derived from it as the round's README defines it. */
    static Object derived(String field, JsonNode out) {
        return switch (field) {
            case "signals" -> {
                Set<String> types = new TreeSet<>();
                out.path("signals").forEach(s -> types.add(s.get("type").asString()));
                yield types;
            }
            case "reportCount" -> {
                Set<String> ids = new HashSet<>();
                out.path("reportIds").forEach(byStance -> byStance.forEach(id -> ids.add(id.asString())));
                yield ids.size();
            }
            case "killed" -> {
                int killed = 0;
                for (JsonNode c : out.path("casualties")) {
                    killed += c.path("killed").asInt(0);
                }
                yield killed;
            }
            case "confidence" -> out.has("confidence")
                    ? BigDecimal.valueOf(out.get("confidence").asDouble()).setScale(3, RoundingMode.HALF_EVEN) : null;
            case "day" -> out.path("window").has("from") ? OffsetDateTime.parse(out.get("window").get("from")
                    .asString()).withOffsetSameInstant(BORDER).toLocalDate().toString() : null;
            case "closureReason" -> out.path("closure").has("reason")
                    ? out.get("closure").get("reason").asString() : null;
            default -> out.get(field);
        };
    }

    /** Runs {@code replay} with the case's arguments, as {@code main} builds the command (stdin: the case's input). */
    static Run run(Path dir, List<String> args, boolean stdin) {
        Path input = dir.resolve("input.jsonl");
        String[] a = args.stream().map(s -> s.replace("{input}", input.toString())
                .replace("{caseDir}", dir.toString())).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ReplayCommand.commandLine();
        ReplayCommand command = cl.getCommand();
        command.environment = name -> null; // placeholders take their defaults, whatever the machine's environment
        command.stdin = () -> {
            try {
                return stdin ? Files.newInputStream(input) : InputStream.nullInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(a);
        return new Run(code, out.toString(), err.toString());
    }

    /** The arguments without the settings under test (--set, --config and the shorthands, with their values). */
    static List<String> withoutSettings(List<String> args) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (SETTING_OPTIONS.contains(arg)) {
                i++;
            } else if (SETTING_OPTIONS.stream().noneMatch(o -> arg.startsWith(o + "="))) {
                kept.add(arg);
            }
        }
        return kept;
    }

    static List<Path> cases() {
        try (Stream<Path> dirs = Files.list(ROUND.resolve("cases"))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode readCase(Path dir) {
        try {
            return (ObjectNode) Json.mapper().readTree(Files.readString(dir.resolve("case.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(s -> values.add(s.asString()));
        return values;
    }

    private static Arguments changed(String type, String name, String says, Consumer<ObjectNode> change) {
        return Arguments.of(type, name, says, change);
    }

    private static ArrayNode array(ObjectNode node, String name) {
        return node.has(name) ? (ArrayNode) node.get(name) : node.putArray(name);
    }

    private static ObjectNode incident(ObjectNode expect, int i) {
        return (ObjectNode) expect.get("incidents").get(i);
    }

    private static ObjectNode incidentWith(ObjectNode expect, String field) {
        for (JsonNode i : expect.get("incidents")) {
            if (i.has(field)) {
                return (ObjectNode) i;
            }
        }
        throw new IllegalArgumentException("no expected incident with " + field);
    }

    private static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(ReplayContractRoundTest.class.getResource(name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
