package org.borderwatch.classifier.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.schema.JsonSchemas;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReplayCommandTest {

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(ReplayCommandTest.class.getResource("/fixtures/" + name).toURI());
    }

    static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ReplayCommand());
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void printsTheFinalAssessmentOfEveryIncidentAsSchemaValidJsonl() throws Exception {
        String out = run("--input", fixture("all-scenarios.jsonl").toString());
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(13);
        for (String line : lines) {
            assertThat(JsonSchemas.validate(JsonSchemas.ASSESSMENT, line)).as(line).isEmpty();
        }
        assertThat(lines.stream().map(l -> Json.read(l, Assessment.class).incidentId()).distinct()).hasSize(13);
    }

    @Test
    void allVersionsPrintsMoreLinesThanFinals() throws Exception {
        String all = run("--input", fixture("march-2025-surge.jsonl").toString(), "--all-versions");
        String finals = run("--input", fixture("march-2025-surge.jsonl").toString());
        assertThat(all.lines().count()).isGreaterThan(finals.lines().count());
        assertThat(finals.lines().count()).isEqualTo(5);
    }

    @Test
    void summaryPrintsATable() throws Exception {
        String out = run("--input", fixture("february-2024-revenge.jsonl").toString(), "--summary");
        assertThat(out).contains("INCIDENT", "SEGMENT", "OCCURRENCE", "SIGNALS")
                .contains("CONFIRMED", "FATALITIES,RETALIATION_CYCLE", "CRITICAL")
                .contains("4 reports, 0 duplicates ignored, 0 late, 2 incidents");
    }

    @Test
    void thresholdsCanBeChangedForBacktests() throws Exception {
        String out = run("--input", fixture("march-2025-surge.jsonl").toString(), "--summary",
                "--surge-min-claims", "6");
        assertThat(out).doesNotContain("CLAIM_SURGE");
    }

    @Test
    void linesThatAreNoReportAreListedAndSkippedAndTheRestIsReplayed() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("replay", ".jsonl");
        try {
            List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(
                    fixture("february-2024-revenge.jsonl")));
            lines.add(1, "{not json");
            lines.add(3, "{\"reportId\":\"only an id\"}");
            java.nio.file.Files.write(file, lines);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = ReplayCommand.commandLine();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));

            assertThat(cl.execute("--input", file.toString(), "--summary")).isEqualTo(ReplayCommand.EXIT_SOME_REFUSED);

            assertThat(out.toString()).contains("4 reports, 0 duplicates ignored, 0 late, 2 incidents");
            assertThat(err.toString().lines().toList()).hasSize(2)
                    .satisfiesExactly(l -> assertThat(l).startsWith("line 2: "), l -> assertThat(l).startsWith("line 4: "));
            assertThat(err.toString()).doesNotContain("\tat ");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void usageAndMissingFilesAreExitCodeOneWithoutAStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine cl = ReplayCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("--no-such-option")).isEqualTo(1);
        assertThat(cl.execute("--input", "/nonexistent/reports.jsonl")).isEqualTo(1);
        assertThat(err.toString()).contains("No such file: /nonexistent/reports.jsonl").doesNotContain("\tat ");
    }
}
