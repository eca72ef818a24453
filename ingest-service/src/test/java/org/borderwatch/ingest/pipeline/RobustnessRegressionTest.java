package org.borderwatch.ingest.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.ingest.Fixtures;
import org.borderwatch.ingest.metrics.IngestMetrics;
import org.borderwatch.ingest.pipeline.IngestPipeline.Result;
import org.borderwatch.ingest.statement.AdversarialStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per input class the robustness audit (InputFuzzTest, AdversarialTimingReport) found mishandled. */
class RobustnessRegressionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-20T12:00:00Z"), ZoneOffset.UTC);
    private final IngestPipeline pipeline = Fixtures.core(CLOCK).pipeline();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String statement(String publishedAt) {
        return "{\"sourceRef\":\"rb-1\",\"source\":\"Ministry of Defence of Azerbaijan\",\"publishedAt\":\""
                + publishedAt + "\",\"text\":\"On 16 March at 09:35 Armenian units fired at our positions.\"}";
    }

    /** Extreme dates: the date rules overflowed the calendar ("Invalid value for Year") — a PROCESSING_ERROR. */
    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z"})
    void aStatementPublishedAtTheEdgeOfTheCalendarIsTimeOutOfRange(String publishedAt) {
        Result r = pipeline.processRecord(InputFormat.STATEMENT, utf8(statement(publishedAt)), "t");
        assertThat(r.rejections()).singleElement().satisfies(rej -> {
            assertThat(rej.reason()).isEqualTo(RejectReason.TIME_OUT_OF_RANGE);
            assertThat(rej.detail()).contains("outside the years 1-9999");
            assertThat(rej.violations()).extracting(Violation::field).containsExactly("$.publishedAt");
        });
    }

    /** An empty JSON array: the batch path answered with no outcome at all (HTTP: 202 listing nothing). */
    @Test
    void anEmptyJsonArrayIsRejectedRatherThanAnsweredWithNothing() {
        for (InputFormat format : List.of(InputFormat.STATEMENT, InputFormat.CANONICAL)) {
            Result r = pipeline.processBatch(format, utf8(" [ ] "), "http", false);
            assertThat(r.rejections()).singleElement().satisfies(rej -> {
                assertThat(rej.reason()).isEqualTo(RejectReason.MALFORMED);
                assertThat(rej.detail()).isEqualTo("an empty JSON array: no records");
            });
        }
    }

    /**
     * Random bytes, NUL bytes: the parser's or a field's message quoted them, control characters and all, into the
     * detail (a header, and the command's one line per rejection).
     */
    @Test
    void aDetailQuotingControlCharactersIsOneReadableLine() {
        byte[] binary = {'{', '"', 'a', 0x01, 0x00, '\n', 0x7f, (byte) 0x9b};
        byte[] acledNul = utf8("event_id_cnty,event_date,event_type,fatalities\nX1,2024-02-13,Battles,1\u00002\n");
        List<Rejection> rejections = new ArrayList<>();
        rejections.addAll(pipeline.processRecord(InputFormat.STATEMENT, binary, "t").rejections());
        rejections.addAll(pipeline.processRecord(InputFormat.ACLED, acledNul, "t").rejections());
        assertThat(rejections).hasSize(2).allSatisfy(rej -> {
            assertThat(rej.detail()).isNotBlank().doesNotContain("\n", "\u0000", "\u0001", "\u007f", "\u009b");
            assertThat(rej.toString().lines()).hasSize(1);
        });
        assertThat(rejections.get(1).detail()).contains("1\\u00002");
        assertThat(new Rejection(RejectReason.MALFORMED, "x".repeat(5000), null, new byte[0], 1, "t").detail())
                .hasSize(Rejection.MAX_DETAIL + 1).endsWith("…");
    }

    /**
     * Runs of hyphenated or apostrophised words (a word pattern's repeated group recursed once per word): 64 KB of
     * them overflowed a 1 MB stack, and the StackOverflowError — an Error, not an exception — escaped the pipeline,
     * which on a raw topic stops the listener container: the partition blocked. Each class is run here on a thread
     * with half that stack, so recursion that grows with the text fails this test again.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hyphen-words", "cyrillic-hyphen-words", "apostrophe-words", "in-response-no-stop",
            "long-sentence-no-stop"})
    void longRunsOfJoinedWordsDoNotRecurseWithTheText(String inputClass) throws InterruptedException {
        byte[] record = AdversarialStatements.record(AdversarialStatements.text(inputClass, 64 * 1024 - 256));
        assertThat(record.length).isLessThanOrEqualTo(IngestLimits.DEFAULTS.maxRecordBytes());
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                outcome.set(pipeline.processRecord(InputFormat.STATEMENT, record, "t"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        assertThat(outcome.get()).isInstanceOf(Result.class);
        Result r = (Result) outcome.get();
        assertThat(r.rejections()).isEmpty();
        assertThat(r.published()).isNotEmpty();
    }

    /**
     * A text longer than the rules read (possible once the record limit is raised): the rules stop at the last
     * sentence end before {@link org.borderwatch.ingest.statement.RuleLimits#maxTextChars()}, the report is
     * still produced and carries the whole text.
     */
    @Test
    void aTextLongerThanTheRulesReadIsCutAtASentenceEndAndStillReported() {
        int max = org.borderwatch.ingest.statement.RuleLimits.DEFAULTS.maxTextChars();
        String head = "On 16 March at 09:35 Armenian units fired at our positions from Digh. ";
        String filler = "The situation remains tense. ".repeat(max / 29 + 10);
        String text = head + filler + "On 17 March Armenian units fired near Berd.";
        IngestPipeline big = org.borderwatch.ingest.IngestCore.create(Fixtures.GAZETTEER, Fixtures.SOURCES,
                org.borderwatch.ingest.IngestCore.DEFAULT_ZONE, new IngestLimits(1 << 20, Duration.ofMinutes(10),
                        IngestLimits.DEFAULTS.earliest()), Duration.ofHours(1), 100, CLOCK,
                new SimpleMeterRegistry()).pipeline();
        Result r = big.processRecord(InputFormat.STATEMENT, AdversarialStatements.record(text), "t");
        assertThat(r.published()).singleElement().satisfies(report -> {
            assertThat(report.text()).isEqualTo(text);
            assertThat(report.location().segments()).containsExactly(org.borderwatch.common.model.BorderSegment.SYUNIK_EAST);
        });
    }

    /**
     * A canonical report repeating one segment thousands of times: the validator reported one violation per item,
     * all equal, joined quadratically into the detail and listed thousands of times in the HTTP problem.
     */
    @Test
    void thousandsOfEqualViolationsAreNamedOnce() {
        String statement = "{\"sourceRef\":\"rb-2\",\"source\":\"Ministry of Defence of Azerbaijan\",\"publishedAt\":"
                + "\"2025-03-16T10:20:00+04:00\",\"text\":\"On 16 March Armenian units fired at our positions from Digh.\"}";
        String canonical = org.borderwatch.common.json.Json.write(pipeline.processBatch(InputFormat.STATEMENT,
                utf8(statement), "t", true).published().get(0));
        String repeated = canonical.replaceFirst("\"segments\":\\[[^\\]]*]",
                "\"segments\":[" + "\"SYUNIK_EAST\",".repeat(4000) + "\"SYUNIK_EAST\"]");
        Result r = pipeline.processRecord(InputFormat.CANONICAL, utf8(repeated), "t");
        assertThat(r.rejections()).singleElement().satisfies(rej -> {
            assertThat(rej.reason()).isEqualTo(RejectReason.SCHEMA_VIOLATION);
            assertThat(rej.violations()).hasSize(1);
            assertThat(rej.violations().get(0).field()).isEqualTo("$.location.segments");
        });
        List<Violation> many = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            many.add(new Violation("$.f" + i, "is wrong"));
        }
        RejectedInputException e = RejectedInputException.violations(many);
        assertThat(e.violations()).hasSize(RejectedInputException.MAX_VIOLATIONS);
        assertThat(e.getMessage()).endsWith("; and 30 more");
    }

    /** NDJSON with CRLF or lone-CR line ends (the latter was one malformed record), and a BOM before it. */
    @Test
    void ndjsonWithCrlfOrLoneCrLineEndsIsSplitIntoItsRecords() {
        String a = statement("2025-03-16T10:20:00+04:00");
        String b = a.replace("rb-1", "rb-2");
        for (String separator : List.of("\r\n", "\r", "\n")) {
            Result r = pipeline.processBatch(InputFormat.STATEMENT, utf8("\uFEFF" + a + separator + b + separator),
                    "http", true);
            assertThat(r.rejections()).as(separator).isEmpty();
            assertThat(r.outcomes()).as(separator).hasSize(2);
        }
    }

    /**
     * Thousands of combining marks on one letter ("Zalgo" text): the regex word boundary walks back over the whole
     * run at every position in it, so 16 KB took 12 s and 64 KB minutes. The rules now read at most
     * {@code ingest.rules.max-mark-run} (8) marks in a row; the report keeps the text as sent, and ordinary accents are untouched.
     */
    @Test
    void longRunsOfCombiningMarksAreShortenedForTheRulesOnly() {
        String zalgo = "On 16 March Armenian units fired at our positions from Digh" + "\u0301\u0316".repeat(15_000)
                + ". Kəlbəcər and Zo\u0301d.";
        Result r = pipeline.processRecord(InputFormat.STATEMENT, AdversarialStatements.record(zalgo), "t");
        assertThat(r.published()).singleElement().satisfies(report -> {
            assertThat(report.text()).isEqualTo(zalgo);
            assertThat(report.location().segments()).contains(org.borderwatch.common.model.BorderSegment.SYUNIK_EAST);
        });
        String marks = "x" + "\uDB40\uDD00".repeat(20) + "\u0301".repeat(20) + "e\u0301\u0323";
        String capped = org.borderwatch.ingest.statement.StatementNormalizerAccess.capMarkRuns(marks);
        assertThat(capped).isEqualTo("x" + "\uDB40\uDD00".repeat(8) + "e\u0301\u0323");
        String plain = "Կրակ է բացվել Sotk-ի ուղղությամբ; Kəlbəcər; Zo\u0301d";
        assertThat(org.borderwatch.ingest.statement.StatementNormalizerAccess.capMarkRuns(plain)).isSameAs(plain);
    }

    /**
     * Long runs of white space where the date, saying, attacker, victim and range rules read: an answered clause with
     * no full stop ("in response to …" over and over) blanks the text the casualty rules read to spaces, and a partner
     * may send thousands of spaces between a date and its verb. Patterns that re-scanned such a run from each of its
     * spaces were quadratic; the record must still come out with its place and its text as sent.
     */
    @Test
    void longRunsOfWhiteSpaceBetweenTheRulesWordsKeepTheReport() {
        String spaces = " ".repeat(4_000);
        List<String> texts = List.of(
                "On 16 March" + spaces + ", the ministry" + spaces + "said that Armenian units" + spaces
                        + "fired at our positions from Digh" + spaces + "from 14 March" + spaces + "to 16 March"
                        + spaces + ", adding that" + spaces + "servicemen" + spaces + "were wounded.",
                "On 16 March Armenian units fired at our positions from Digh in response to the provocation"
                        + " of the enemy near Digh and Tegh".repeat(600));
        for (String text : texts) {
            Result r = pipeline.processRecord(InputFormat.STATEMENT, AdversarialStatements.record(text), "t");
            assertThat(r.published()).as(r.rejections().toString()).singleElement().satisfies(report -> {
                assertThat(report.text()).isEqualTo(text);
                assertThat(report.location().segments())
                        .contains(org.borderwatch.common.model.BorderSegment.SYUNIK_EAST);
            });
        }
    }

    /** Whatever still overflows the stack is parked as PROCESSING_ERROR, and the next record flows on. */
    @Test
    void aStackOverflowInANormaliserIsParkedAndTheNextRecordStillFlows() {
        ReportNormalizer recursing = new ReportNormalizer() {
            @Override
            public InputFormat format() {
                return InputFormat.CANONICAL;
            }

            @Override
            public IncidentReport normalize(byte[] record, OffsetDateTime receivedAt) {
                if (record[0] == 'x') {
                    throw new StackOverflowError();
                }
                return Fixtures.core(CLOCK).pipeline().processRecord(InputFormat.STATEMENT,
                        utf8(statement("2025-03-16T10:20:00+04:00")), "t").published().get(0);
            }
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        IngestPipeline p = new IngestPipeline(List.of(recursing), new Deduplicator(Duration.ofHours(1), 100, CLOCK),
                IngestLimits.DEFAULTS, CLOCK, new IngestMetrics(meters));
        Result poison = p.processRecord(InputFormat.CANONICAL, utf8("x"), "raw");
        p.countAll(poison);
        assertThat(poison.rejections()).singleElement().satisfies(rej -> {
            assertThat(rej.reason()).isEqualTo(RejectReason.PROCESSING_ERROR);
            assertThat(rej.detail()).contains("StackOverflowError");
            assertThat(rej.original()).containsExactly('x');
        });
        assertThat(p.processRecord(InputFormat.CANONICAL, utf8("ok"), "raw").published()).hasSize(1);
        assertThat(meters.counter(IngestMetrics.REJECTED, "reason", "PROCESSING_ERROR").count()).isEqualTo(1);
    }
}
