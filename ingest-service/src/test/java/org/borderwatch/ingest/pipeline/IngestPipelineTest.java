package org.borderwatch.ingest.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.common.Uuids;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.ingest.Fixtures;
import org.borderwatch.ingest.metrics.IngestMetrics;
import org.borderwatch.ingest.pipeline.Deduplicator.Disposition;
import org.borderwatch.ingest.pipeline.IngestPipeline.Result;
import org.borderwatch.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IngestPipelineTest {

    private static final Instant NOW = Instant.parse("2025-03-20T12:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IngestPipeline pipeline = Fixtures.core(clock, meters).pipeline();

    static String statement(String ref, String text) {
        return "{\"sourceRef\":\"" + ref + "\",\"source\":\"Ministry of Defence of Azerbaijan\","
                + "\"publishedAt\":\"2025-03-16T10:20:00+04:00\",\"language\":\"en\",\"text\":\"" + text + "\"}";
    }

    private static final String CLAIM = "On 16 March at 09:35 Armenian units fired at our positions from Digh.";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStatementBecomesAReportWithADeterministicId() {
        Result r = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("ref-1", CLAIM)), "t");
        IncidentReport report = r.published().get(0);
        assertThat(total(IngestMetrics.NORMALIZED)).as("counted only once sent").isZero();
        assertThat(total(IngestMetrics.RECEIVED)).isZero();
        pipeline.countAll(r);
        assertThat(report.reportId()).isEqualTo(Uuids.reportId("az-mod", "ref-1"));
        assertThat(report.revision()).isEqualTo(1);
        assertThat(report.receivedAt().toInstant()).isEqualTo(NOW);
        assertThat(report.location().primarySegment()).isEqualTo(BorderSegment.SYUNIK_EAST);
        assertThat(meters.counter(IngestMetrics.NORMALIZED, "source", "az-mod", "stance", "CLAIM").count()).isEqualTo(1);
        assertThat(meters.counter(IngestMetrics.RECEIVED, "format", "statement").count()).isEqualTo(1);
        assertThat(meters.timer(IngestMetrics.NORMALIZE_TIMER, "format", "statement").count()).isEqualTo(1);
    }

    @Test
    void aDenialThatAccusesTheOtherSideGivesASecondReportForTheCounterAccusation() {
        String denial = statement("den-1", "The claim of the Armenian side that our units fired near Khoznavar is false. "
                + "On the contrary, at 21:10 on 15 March Armenian units fired at our positions in the Gubadli direction.");
        Result r = pipeline.processRecord(InputFormat.STATEMENT, bytes(denial), "t");
        pipeline.countAll(r);
        assertThat(r.outcomes()).extracting(IngestPipeline.Outcome::line).containsExactly(1, 1);
        assertThat(r.published()).extracting(IncidentReport::stance).containsExactly(Stance.DENIAL, Stance.CLAIM);
        assertThat(r.published()).extracting(IncidentReport::actingParty).containsExactly(Party.AZ, Party.AM);
        assertThat(r.published()).extracting(IncidentReport::reportId)
                .containsExactly(Uuids.reportId("az-mod", "den-1"), Uuids.reportId("az-mod", "den-1#counter-claim"));
        assertThat(meters.counter(IngestMetrics.NORMALIZED, "source", "az-mod", "stance", "CLAIM").count()).isEqualTo(1);
        // the same statement again: both are duplicates
        Result again = pipeline.processRecord(InputFormat.STATEMENT, bytes(denial), "t");
        assertThat(again.published()).isEmpty();
        assertThat(again.duplicates()).hasSize(2);
    }

    @Test
    void withoutASourceRefTheIdComesFromTheContent() {
        String noRef = statement("x", CLAIM).replace("\"sourceRef\":\"x\",", "");
        UUID first = pipeline.processRecord(InputFormat.STATEMENT, bytes(noRef), "t").published().get(0).reportId();
        UUID again = Fixtures.core(clock).pipeline().processRecord(InputFormat.STATEMENT, bytes(noRef), "t")
                .published().get(0).reportId();
        UUID other = Fixtures.core(clock).pipeline().processRecord(InputFormat.STATEMENT,
                bytes(noRef.replace("09:35", "09:36")), "t").published().get(0).reportId();
        assertThat(first).isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void anExactDuplicateWithinTheWindowIsDroppedAndCounted() {
        pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("dup", CLAIM)), "t");
        clock.advance(Duration.ofHours(1));
        Result again = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("dup", CLAIM)), "t");
        assertThat(again.published()).isEmpty();
        assertThat(again.duplicates()).hasSize(1);
        pipeline.countAll(again);
        assertThat(meters.counter(IngestMetrics.DUPLICATES).count()).isEqualTo(1);
        clock.advance(Duration.ofHours(24));
        Result later = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("dup", CLAIM)), "t");
        assertThat(later.outcomes().get(0).disposition()).isEqualTo(Disposition.REPEAT);
        assertThat(later.published().get(0).revision()).isEqualTo(1);
    }

    @Test
    void aCorrectionUnderTheSameSourceRefIsPublishedWithAHigherRevision() {
        IncidentReport v1 = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("corr", CLAIM)), "t")
                .published().get(0);
        Result corrected = pipeline.processRecord(InputFormat.STATEMENT,
                bytes(statement("corr", CLAIM.replace("09:35", "09:50"))), "t");
        IncidentReport v2 = corrected.published().get(0);
        assertThat(corrected.outcomes().get(0).disposition()).isEqualTo(Disposition.CORRECTION);
        assertThat(v2.reportId()).isEqualTo(v1.reportId());
        assertThat(v2.revision()).isEqualTo(2);
        // the old version sent again late is not a new correction
        Result stale = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("corr", CLAIM)), "t");
        assertThat(stale.published()).isEmpty();
    }

    @Test
    void brokenJsonIsMalformed() {
        Result result = pipeline.processRecord(InputFormat.STATEMENT, bytes("{\"source\": "), "raw");
        assertThat(total(IngestMetrics.REJECTED)).as("counted only once sent").isZero();
        pipeline.countAll(result);
        Rejection r = result.rejections().get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(new String(r.original(), StandardCharsets.UTF_8)).isEqualTo("{\"source\": ");
        assertThat(r.origin()).isEqualTo("raw");
        assertThat(meters.counter(IngestMetrics.REJECTED, "reason", "MALFORMED").count()).isEqualTo(1);
    }

    @Test
    void missingAndMistypedFieldsAreNamed() {
        Rejection r = pipeline.processRecord(InputFormat.STATEMENT,
                bytes("{\"source\": 7, \"publishedAt\": \"yesterday\", \"text\": \"x\"}"), "t").rejections().get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.SCHEMA_VIOLATION);
        assertThat(r.violations()).extracting(Violation::field).containsExactlyInAnyOrder("$.source", "$.publishedAt");
    }

    @Test
    void anEmptyTextIsRejectedAsSuch() {
        Rejection r = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("e", "  ")), "t")
                .rejections().get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.EMPTY_TEXT);
    }

    @Test
    void aRecordOverTheLimitIsTooLarge() {
        String big = statement("big", "x".repeat(IngestLimits.DEFAULTS.maxRecordBytes()));
        assertThat(pipeline.processRecord(InputFormat.STATEMENT, bytes(big), "t").rejections().get(0).reason())
                .isEqualTo(RejectReason.TOO_LARGE);
    }

    /**
     * About 20,000 spaces and one sentence: the rules read it, and so does every path. Sent with each space escaped
     * ({@code \\u0020}: six bytes for one character) the record was 120 KB and refused as {@code TOO_LARGE}, though
     * its content is 20 KB: the limit now measures a JSON record's content, not its escapes.
     */
    @Test
    void aTextOfTwentyThousandSpacesAndOneSentenceIsAcceptedHoweverItsSpacesAreEscaped() {
        String spaces = " ".repeat(20_000);
        for (String run : new String[] {spaces, "\\u0020".repeat(20_000), "\\u00a0".repeat(20_000),
                "\\n".repeat(20_000)}) {
            byte[] record = bytes(statement("ws-" + run.length(), run + CLAIM));
            Result raw = pipeline.processRecord(InputFormat.STATEMENT, record, "t");
            assertThat(raw.rejections()).as(run.substring(0, 6)).isEmpty();
            assertThat(raw.published()).singleElement().satisfies(r -> {
                assertThat(r.text()).hasSize(20_000 + CLAIM.length()).endsWith(CLAIM);
                assertThat(r.actingParty()).isEqualTo(Party.AM);
            });
            // the offline command's and HTTP's path (dry run: the record above is already known)
            Result batch = pipeline.processBatch(InputFormat.STATEMENT, record, "t", true);
            assertThat(batch.rejections()).isEmpty();
            assertThat(batch.outcomes()).singleElement().extracting(o -> o.disposition()).isEqualTo(Disposition.DUPLICATE);
        }
    }

    @Test
    void aRecordTooLargeInItsContentIsRefusedNamingBothSizesAndTheLimit() {
        int max = IngestLimits.DEFAULTS.maxRecordBytes();
        // 70,000 no-break spaces: 140,000 bytes of content, escaped or not
        Rejection plain = pipeline.processRecord(InputFormat.STATEMENT,
                bytes(statement("nbsp", "\u00a0".repeat(70_000) + CLAIM)), "t").rejections().get(0);
        assertThat(plain.reason()).isEqualTo(RejectReason.TOO_LARGE);
        assertThat(plain.detail()).matches("\\d+ bytes, more than the record limit of " + max
                + " bytes \\(ingest.max-record-size; the command's --max-record-bytes\\)");
        Rejection escaped = pipeline.processRecord(InputFormat.STATEMENT,
                bytes(statement("nbsp-escaped", "\\u00a0".repeat(60_000) + CLAIM)), "t").rejections().get(0);
        assertThat(escaped.detail()).matches("3602\\d\\d bytes \\(1202\\d\\d as compact JSON\\), more than the record "
                + "limit of " + max + " bytes \\(ingest.max-record-size; the command's --max-record-bytes\\)");
        // beyond what escapes alone could explain, it is not read at all: refused by its size as sent
        Rejection huge = pipeline.processRecord(InputFormat.STATEMENT,
                bytes(statement("huge", "\\u0020".repeat(max + 1) + CLAIM)), "t")
                .rejections().get(0);
        assertThat(huge.detail()).doesNotContain("compact JSON").contains("(ingest.max-record-size; ");
    }

    @Test
    void publicationsFromTheFutureOrTheDistantPastAreOutOfRange() {
        String future = statement("f", CLAIM).replace("2025-03-16T10:20", "2025-03-21T10:20");
        String ancient = statement("a", CLAIM).replace("2025-03-16T10:20", "1980-03-16T10:20");
        assertThat(pipeline.processRecord(InputFormat.STATEMENT, bytes(future), "t").rejections().get(0).reason())
                .isEqualTo(RejectReason.TIME_OUT_OF_RANGE);
        assertThat(pipeline.processRecord(InputFormat.STATEMENT, bytes(ancient), "t").rejections().get(0).reason())
                .isEqualTo(RejectReason.TIME_OUT_OF_RANGE);
    }

    @Test
    void aBatchKeepsGoodLinesAndReportsBadOnesByLine() {
        String ndjson = statement("b1", CLAIM) + "\n" + "not json\n\n" + statement("b2", CLAIM) + "\n"
                + statement("b3", "") + "\n";
        Result r = pipeline.processBatch(InputFormat.STATEMENT, bytes(ndjson), "http", false);
        assertThat(r.published()).extracting(IncidentReport::sourceRef).containsExactly("b1", "b2");
        assertThat(r.rejections()).extracting(Rejection::line, Rejection::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, RejectReason.MALFORMED),
                        org.assertj.core.groups.Tuple.tuple(5, RejectReason.EMPTY_TEXT));
    }

    @Test
    void aJsonArrayAndAPrettyPrintedObjectAreBatchesToo() {
        String array = "[" + statement("a1", CLAIM) + "," + statement("a2", CLAIM) + "]";
        assertThat(pipeline.processBatch(InputFormat.STATEMENT, bytes(array), "http", false).published()).hasSize(2);
        String pretty = statement("p1", CLAIM).replace(",", ",\n  ");
        assertThat(pipeline.processBatch(InputFormat.STATEMENT, bytes(pretty), "http", false).published()).hasSize(1);
    }

    @Test
    void aDryRunPublishesNothingAndRemembersNothing() {
        Result dry = pipeline.processBatch(InputFormat.STATEMENT, bytes(statement("dry", CLAIM)), "http", true);
        assertThat(dry.outcomes().get(0).report()).isNotNull();
        assertThat(total(IngestMetrics.NORMALIZED)).isZero();
        Result real = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("dry", CLAIM)), "t");
        assertThat(real.outcomes().get(0).disposition()).isEqualTo(Disposition.NEW);
    }

    @Test
    void aDryRunJudgesAnExactRepeatInsideTheBatchAsTheRealSendWouldAndStillRemembersNothing() {
        String line = statement("dry-dup", CLAIM);
        String batch = line + "\n" + statement("dry-dup-other", CLAIM) + "\n" + line + "\n";
        Result dry = pipeline.processBatch(InputFormat.STATEMENT, bytes(batch), "http", true);
        assertThat(dry.outcomes()).extracting(o -> o.line() + ":" + o.disposition())
                .containsExactly("1:NEW", "2:NEW", "3:DUPLICATE");
        Result real = pipeline.processBatch(InputFormat.STATEMENT, bytes(batch), "http", false);
        assertThat(real.outcomes()).extracting(o -> o.line() + ":" + o.disposition())
                .containsExactly("1:NEW", "2:NEW", "3:DUPLICATE");
        Result dryAgain = pipeline.processBatch(InputFormat.STATEMENT, bytes(line), "http", true);
        assertThat(dryAgain.outcomes().get(0).disposition()).isEqualTo(Disposition.DUPLICATE);
    }

    /** A partner testing with dry runs must not move the counters the rejection alerts watch. */
    @Test
    void dryRunsCountOnlyOnTheirOwnMeter() {
        pipeline.processBatch(InputFormat.STATEMENT, bytes(statement("dry-count", CLAIM) + "\n{broken\n"), "http",
                true);
        pipeline.processBatch(InputFormat.STATEMENT, bytes(""), "http", true);
        pipeline.refusedRequest("unknown", RejectReason.UNSUPPORTED_FORMAT, true);
        assertThat(total(IngestMetrics.RECEIVED)).isZero();
        assertThat(total(IngestMetrics.REJECTED)).isZero();
        assertThat(meters.counter(IngestMetrics.DRY_RUN, "format", "statement", "outcome", "NEW").count()).isEqualTo(1);
        assertThat(meters.counter(IngestMetrics.DRY_RUN, "format", "statement", "outcome", "MALFORMED").count())
                .isEqualTo(2);
        assertThat(meters.counter(IngestMetrics.DRY_RUN, "format", "unknown", "outcome", "UNSUPPORTED_FORMAT")
                .count()).isEqualTo(1);

        pipeline.refusedRequest("unknown", RejectReason.UNSUPPORTED_FORMAT, false);
        assertThat(meters.counter(IngestMetrics.REJECTED, "reason", "UNSUPPORTED_FORMAT").count()).isEqualTo(1);
        assertThat(meters.counter(IngestMetrics.RECEIVED, "format", "unknown").count()).isEqualTo(1);
    }

    @Test
    void aCanonicalReportIsValidatedAndGetsItsIdFromSourceAndRef() {
        IncidentReport in = IncidentReport.builder()
                .reportId(UUID.randomUUID())
                .sourceRef("partner-42")
                .source(new Source("partner-x", "Partner X", SourceKind.NGO, Party.UNKNOWN))
                .stance(Stance.CLAIM)
                .location(Location.of(BorderSegment.TAVUSH))
                .publishedAt(OffsetDateTime.parse("2025-03-10T10:00:00+04:00"))
                .build();
        IncidentReport out = pipeline.processRecord(InputFormat.CANONICAL, Json.writeBytes(in), "t").published().get(0);
        assertThat(out.reportId()).as("a publisher the registry does not know is published as unregistered")
                .isEqualTo(Uuids.reportId("unregistered/partner-x", "partner-42"));
        assertThat(out.location().segments()).containsExactly(BorderSegment.TAVUSH);

        String broken = Json.write(in).replace("\"CLAIM\"", "\"RUMOUR\"");
        Rejection r = pipeline.processRecord(InputFormat.CANONICAL, bytes(broken), "t").rejections().get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.SCHEMA_VIOLATION);
        assertThat(r.violations()).extracting(Violation::field).contains("$.stance");
    }

    @Test
    void aReportTheBrokerRefusedIsForgottenSoItsRetryIsPublishedNotDropped() {
        Result first = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("refused", CLAIM)), "t");
        pipeline.unpublished(first.outcomes());
        Result retry = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("refused", CLAIM)), "t");
        assertThat(retry.outcomes().get(0).disposition()).isEqualTo(Disposition.NEW);
        assertThat(retry.published()).hasSize(1);
        pipeline.countAll(retry);
        // the refused attempt counted nothing: one record received, one report normalised
        assertThat(meters.counter(IngestMetrics.RECEIVED, "format", "statement").count()).isEqualTo(1);
        assertThat(meters.counter(IngestMetrics.NORMALIZED, "source", "az-mod", "stance", "CLAIM").count())
                .isEqualTo(1);
        // once published, the same input is a duplicate again
        Result again = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("refused", CLAIM)), "t");
        assertThat(again.duplicates()).hasSize(1);
    }

    @Test
    void aRefusedCorrectionIsTakenBackToTheVersionBeforeIt() {
        pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("refused-corr", CLAIM)), "t");
        String corrected = statement("refused-corr", CLAIM.replace("09:35", "09:50"));
        Result refused = pipeline.processRecord(InputFormat.STATEMENT, bytes(corrected), "t");
        assertThat(refused.published().get(0).revision()).isEqualTo(2);
        pipeline.unpublished(refused.outcomes());
        Result retry = pipeline.processRecord(InputFormat.STATEMENT, bytes(corrected), "t");
        assertThat(retry.outcomes().get(0).disposition()).isEqualTo(Disposition.CORRECTION);
        assertThat(retry.published().get(0).revision()).isEqualTo(2);
        Result original = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("refused-corr", CLAIM)), "t");
        assertThat(original.duplicates()).hasSize(1);
    }

    @Test
    void whatAnotherInstancePublishedIsKnownHereThroughTheTopic() {
        IngestPipeline other = Fixtures.core(clock).pipeline();
        IncidentReport published = other.processRecord(InputFormat.STATEMENT, bytes(statement("shared", CLAIM)), "t")
                .published().get(0);
        // read back from the normalised topic as JSON, as the feed does
        IncidentReport fromTopic = Json.read(Json.writeBytes(published), IncidentReport.class);
        pipeline.published(fromTopic, NOW);

        clock.advance(Duration.ofMinutes(5));
        Result same = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("shared", CLAIM)), "t");
        assertThat(same.published()).isEmpty();
        assertThat(same.duplicates()).extracting(IncidentReport::revision).containsExactly(1);

        Result corrected = pipeline.processRecord(InputFormat.STATEMENT,
                bytes(statement("shared", CLAIM.replace("09:35", "09:40"))), "t");
        assertThat(corrected.outcomes().get(0).disposition()).isEqualTo(Disposition.CORRECTION);
        assertThat(corrected.published().get(0).revision()).isEqualTo(2);
    }

    @Test
    void theTopicKeepsTheHighestRevisionAsTheLatestWhateverTheOrderItIsReadIn() {
        IngestPipeline other = Fixtures.core(clock).pipeline();
        IncidentReport v1 = other.processRecord(InputFormat.STATEMENT, bytes(statement("order", CLAIM)), "t")
                .published().get(0);
        IncidentReport v2 = other.processRecord(InputFormat.STATEMENT,
                bytes(statement("order", CLAIM.replace("09:35", "09:45"))), "t").published().get(0);
        pipeline.published(v2, NOW);
        pipeline.published(v1, NOW.plusSeconds(1));
        pipeline.published(v1, NOW.plusSeconds(2));
        assertThat(pipeline.rememberedIds()).isEqualTo(1);

        Result stale = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement("order", CLAIM)), "t");
        assertThat(stale.duplicates()).extracting(IncidentReport::revision).containsExactly(1);
        Result third = pipeline.processRecord(InputFormat.STATEMENT,
                bytes(statement("order", CLAIM.replace("09:35", "10:15"))), "t");
        assertThat(third.published().get(0).revision()).isEqualTo(3);
    }

    @Test
    void aFailureInsideANormaliserIsParkedNotThrown() {
        IngestPipeline failing = new IngestPipeline(java.util.List.of(new ReportNormalizer() {
            @Override
            public InputFormat format() {
                return InputFormat.STATEMENT;
            }

            @Override
            public IncidentReport normalize(byte[] record, OffsetDateTime receivedAt) {
                throw new IllegalStateException("boom");
            }
        }), new Deduplicator(Duration.ofHours(1), 10, clock), IngestLimits.DEFAULTS, clock,
                new IngestMetrics(meters));
        Rejection r = failing.processRecord(InputFormat.STATEMENT, bytes("{}"), "t").rejections().get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.PROCESSING_ERROR);
        assertThat(r.detail()).contains("boom");
    }

    @Test
    void anAcledBodyIsJsonWhenItStartsWithABraceOrBracketAndOtherwiseACsvDocument() {
        // the HTTP API answers one refused JSON record with a 400 and a CSV document (rows) with per-line results
        assertThat(IngestPipeline.readsAsJson(InputFormat.ACLED, bytes("\uFEFF \n{\"event_id_cnty\":\"ARM1\"}")))
                .isTrue();
        assertThat(IngestPipeline.readsAsJson(InputFormat.ACLED, bytes("[{\"event_id_cnty\":\"ARM1\"}]"))).isTrue();
        assertThat(IngestPipeline.readsAsJson(InputFormat.ACLED, bytes("event_id_cnty,event_date\nARM1,2024-02-13")))
                .isFalse();
        assertThat(IngestPipeline.readsAsJson(InputFormat.ACLED, bytes("ARM1,2024-02-13,2024,1"))).isFalse();
        // the JSON formats are JSON whatever the body starts with (a broken one is refused as MALFORMED)
        assertThat(IngestPipeline.readsAsJson(InputFormat.STATEMENT, bytes("source=x"))).isTrue();
        assertThat(IngestPipeline.split(InputFormat.ACLED, bytes("{\"event_id_cnty\":\"ARM1\"}"))).hasSize(1);
    }

    /** What a meter counted over all its series (they exist at 0 from start-up: see IngestMetrics.startAtZero). */
    private double total(String name) {
        return meters.find(name).counters().stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }
}
