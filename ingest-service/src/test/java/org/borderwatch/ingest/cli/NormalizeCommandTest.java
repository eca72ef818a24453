package org.borderwatch.ingest.cli;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizeCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String GOOD = "{\"sourceRef\":\"c1\",\"source\":\"EUMA\",\"publishedAt\":\"2025-03-17T18:30:00+04:00\","
            + "\"text\":\"Patrols on 16 and 17 March in Syunik observed no incidents.\"}";
    private static final String GOOD2 = GOOD.replace("c1", "c2").replace("Syunik", "Tavush");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return NormalizeCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                CLOCK);
    }

    private List<String> stdout() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void readsStdinAndPrintsOneReportPerLine() {
        int code = run(GOOD + "\n" + GOOD2 + "\n", "--format", "statement");
        assertThat(code).isZero();
        assertThat(stdout()).hasSize(2);
        IncidentReport r = Json.read(stdout().get(0), IncidentReport.class);
        assertThat(r.stance()).isEqualTo(Stance.REFUTATION);
        assertThat(r.coverage()).isNotNull();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void rejectionsGoToStderrWithLineAndReasonAndTheExitCodeSaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("batch.jsonl");
        Files.writeString(file, GOOD + "\n{broken\n" + GOOD.replace("c1", "c3").replace("\"text\":\"Patrols", "\"text\":\"")
                .replaceAll("\"text\":\"[^\"]*\"", "\"text\":\" \"") + "\n");
        int code = run("", "--format", "statement", "--input", file.toString());
        assertThat(code).isEqualTo(2);
        assertThat(stdout()).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .anySatisfy(l -> assertThat(l).startsWith("line 2: MALFORMED"))
                .anySatisfy(l -> assertThat(l).startsWith("line 3: EMPTY_TEXT"));
    }

    @Test
    void aStatementsUnusableUrlIsDroppedWithAWarningOnStderrAndTheExitCodeStaysZero() {
        String ftp = GOOD.replace("c1", "c4").replace("}", ",\"url\":\"ftp://example.org/h50-29\"}");
        String canonical = "{\"schemaVersion\":1,\"sourceRef\":\"u1\",\"source\":{\"id\":\"desk\",\"kind\":\"MEDIA\"},"
                + "\"stance\":\"CLAIM\",\"location\":{\"segments\":[\"TAVUSH\"]},"
                + "\"occurredAt\":\"2025-03-16T09:00:00+04:00\",\"publishedAt\":\"2025-03-16T10:00:00+04:00\","
                + "\"url\":\"ftp://example.org/u1\"}";
        assertThat(run(GOOD + "\n" + ftp + "\n", "--format", "statement")).isZero();
        assertThat(stdout()).hasSize(2);
        IncidentReport kept = Json.read(stdout().get(1), IncidentReport.class);
        assertThat(kept.sourceRef()).isEqualTo("c4");
        assertThat(kept.stance()).isEqualTo(Stance.REFUTATION);
        assertThat(kept.url()).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly("line 2: WARNING: $.url: "
                + "must be an absolute http or https URL, not 'ftp': (dropped: the statement is kept without it)");

        // a canonical report keeps its rule: refused, naming $.url
        out.reset();
        err.reset();
        assertThat(run(canonical, "--format", "canonical")).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("line 1: SCHEMA_VIOLATION: $.url: must be an "
                + "absolute http or https URL, not 'ftp':");
    }

    @Test
    void aRecordIsMeasuredByItsContentNotItsEscapesAndARefusalNamesTheLimit() {
        String sentence = "On 16 March at 08:20 Armenian units fired at our positions near Sadarak.";
        String escaped = "{\"sourceRef\":\"w1\",\"source\":\"Ministry of Defence of Azerbaijan\","
                + "\"publishedAt\":\"2025-03-17T18:30:00+04:00\",\"text\":\"" + "\\u0020".repeat(2_000) + sentence + "\"}";
        String spaces = escaped.replace("w1", "w2").replace("\\u0020", " ").replace(sentence, " ".repeat(3_000) + sentence);
        // 12 KB as sent, 2 KB of content: accepted; 5 KB of real spaces: over the 4 KB limit, which the refusal names
        assertThat(run(escaped + "\n" + spaces + "\n", "--format", "statement", "--max-record-bytes", "4096"))
                .isEqualTo(2);
        assertThat(stdout()).singleElement().satisfies(line -> assertThat(Json.read(line, IncidentReport.class)
                .text()).hasSize(2_000 + sentence.length()));
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .matches("line 2: TOO_LARGE: 5\\d{3} bytes, more than the record limit of 4096 bytes "
                        + "\\(ingest.max-record-size; the command's --max-record-bytes\\)");
    }

    @Test
    void anUnknownFormatIsAUsageErrorOfOneLineNamingTheFormatsWithoutTheUsage() {
        assertThat(run(GOOD, "--format", "nope")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly("UNSUPPORTED_FORMAT: 'nope' (use canonical, statement or acled)");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void duplicatesAreListedOnStderrButDoNotChangeTheExitCode() {
        assertThat(run(GOOD + "\n" + GOOD2 + "\n" + GOOD + "\n", "--format", "statement")).isZero();
        assertThat(stdout()).hasSize(2);
        List<String> errLines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(errLines).hasSize(1);
        assertThat(errLines.get(0)).startsWith("line 3: DUPLICATE: same content as an earlier line (report ")
                .contains(Json.read(stdout().get(0), IncidentReport.class).reportId().toString());

        err.reset();
        out.reset();
        assertThat(run(GOOD + "\n" + GOOD + "\n{broken\n", "--format", "statement")).as("a rejection still says 2")
                .isEqualTo(2);
    }

    @Test
    void aMissingOrUnknownOptionIsAUsageErrorExitingOne() {
        assertThat(run("", "--input", "x.jsonl")).as("--format missing").isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format");
        assertThat(run("", "--format", "statement", "--no-such-option")).as("unknown option").isEqualTo(1);
    }

    @Test
    void aMissingInputFileIsOneLineAndExitsOne(@TempDir Path dir) {
        Path missing = dir.resolve("missing.jsonl");
        assertThat(run("", "--format", "statement", "--input", missing.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly("No such file: " + missing);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void worksForEveryFormat() {
        String csv = "event_id_cnty,event_date,event_type,sub_event_type,actor1,location\n"
                + "A1,2024-02-13,Battles,Armed clash,Military Forces of Azerbaijan (2003-),Nerkin Hand\n";
        assertThat(run(csv, "--format", "acled")).isZero();
        IncidentReport r = Json.read(stdout().get(0), IncidentReport.class);
        out.reset();
        assertThat(run(Json.write(r), "--format", "canonical")).isZero();
        assertThat(Json.read(stdout().get(0), IncidentReport.class).reportId()).isEqualTo(r.reportId());
    }

    @Test
    void readsAcledRecordsAsJsonLikeCsvRows() {
        String ndjson = "{\"event_id_cnty\":\"ARM1003\",\"event_date\":\"2024-02-15\",\"event_type\":\"Battles\","
                + "\"sub_event_type\":\"Armed clash\",\"location\":\"Nerkin Hand\",\"fatalities\":\"2\"}\n"
                + "{\"event_id_cnty\":\"ARM1004\",\"event_type\":\"Battles\"}\n";
        assertThat(run(ndjson, "--format", "acled")).isEqualTo(2);
        IncidentReport r = Json.read(stdout().get(0), IncidentReport.class);
        assertThat(r.sourceRef()).isEqualTo("ARM1003");
        assertThat(r.casualties().killed()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2: SCHEMA_VIOLATION: event_date: is required");
    }

    /** The command reads with the service's default rule limits, and its options change them like ingest.rules.*. */
    @Test
    void theRuleLimitsDefaultLikeTheServiceAndCanBeChanged() {
        String late = "{\"sourceRef\":\"lim\",\"source\":\"Ministry of Defence of Azerbaijan\","
                + "\"publishedAt\":\"2025-03-16T10:20:00+04:00\",\"text\":\"On 16 March at 09:35 Armenian units fired "
                + "at our positions. " + "The situation along the line of contact remains tense. ".repeat(55)
                + "The fire was opened from the direction of Digh.\"}";
        assertThat(run(late, "--format", "statement")).isZero();
        assertThat(Json.read(stdout().get(0), IncidentReport.class).location().segments())
                .containsExactly(org.borderwatch.common.model.BorderSegment.SYUNIK_EAST);
        out.reset();
        assertThat(run(late, "--format", "statement", "--max-text-chars", "2048")).isZero();
        assertThat(Json.read(stdout().get(0), IncidentReport.class).location().segments())
                .containsExactly(org.borderwatch.common.model.BorderSegment.UNRESOLVED);
        out.reset();
        assertThat(run(late, "--format", "statement", "--max-mark-run", "0")).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("maxMarkRun must be within 3-100");
    }

    /** The offline command names a missing canonical field by its path, like HTTP and the rejected topic. */
    @Test
    void aMissingCanonicalFieldIsNamedByItsPath() {
        String report = "{\"schemaVersion\":1,\"sourceRef\":\"m1\",\"source\":{\"id\":\"desk\"},"
                + "\"stance\":\"CLAIM\",\"location\":{\"segments\":[\"TAVUSH\"]},"
                + "\"occurredAt\":\"2025-03-20T01:00:00Z\"}";
        assertThat(run(report, "--format", "canonical")).isEqualTo(2);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr).startsWith("line 1: SCHEMA_VIOLATION: ").contains("$.publishedAt: is required")
                .contains("$.source.kind: is required").doesNotContain("$: required property")
                // the schema a partner validates against itself, not the topics' report schema
                .contains("(schema canonical-input.schema.json)").doesNotContain("incident-report");
    }

    /** A report of an event after its own publication is refused offline too, with the service's tolerance. */
    @Test
    void anEventAfterItsPublicationIsRefusedAndTheToleranceIsAnOption() {
        String report = "{\"schemaVersion\":1,\"sourceRef\":\"e1\",\"source\":{\"id\":\"desk\",\"kind\":\"MEDIA\"},"
                + "\"stance\":\"CLAIM\",\"location\":{\"segments\":[\"TAVUSH\"]},\"timePrecision\":\"MINUTE\","
                + "\"occurredAt\":\"2025-03-23T01:00:00Z\",\"publishedAt\":\"2025-03-20T10:00:00Z\"}";
        assertThat(run(report, "--format", "canonical")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("line 1: TIME_OUT_OF_RANGE: occurredAt "
                + "2025-03-23T01:00Z is 2 days 15 hours after publishedAt 2025-03-20T10:00Z");
        err.reset();
        assertThat(run(report, "--format", "canonical", "--occurred-after-published", "P3D")).isZero();
        assertThat(stdout()).hasSize(1);
        assertThat(run(report, "--format", "canonical", "--occurred-after-published", "-PT1M")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--occurred-after-published must not be negative");
    }
}
