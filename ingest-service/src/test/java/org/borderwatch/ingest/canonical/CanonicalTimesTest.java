package org.borderwatch.ingest.canonical;

import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.ingest.Fixtures;
import org.borderwatch.ingest.pipeline.IngestPipeline;
import org.borderwatch.ingest.pipeline.IngestPipeline.Result;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.borderwatch.ingest.pipeline.Rejection;
import org.borderwatch.ingest.pipeline.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Canonical times the schema's pattern lets through, and every detail of a refused canonical record: one line. */
class CanonicalTimesTest {

    private static final String BASE = "{\"schemaVersion\":1,\"reportId\":\"00000000-0000-0000-0000-000000000000\","
            + "\"sourceRef\":\"t-1\",\"source\":{\"id\":\"ngo-x\",\"kind\":\"NGO\"},\"stance\":\"CLAIM\","
            + "\"location\":{\"segments\":[\"SYUNIK_EAST\"],\"ambiguous\":false},"
            + "\"occurredAt\":\"2025-04-02T10:00:00Z\",\"publishedAt\":\"2025-04-03T10:00:00+04:00\"}";
    /** What a detail must never contain: Java class or package names, exception names, parser settings. */
    private static final Pattern LEAK = Pattern.compile("(java|tools|org)\\.[a-z]+\\.|JsonNode|IncidentReport|"
            + "Exception|`|ParseCaseSensitive|\\[Source:");

    private final IngestPipeline pipeline = Fixtures.core(Clock.fixed(Instant.parse("2025-04-05T00:00:00Z"),
            ZoneOffset.UTC)).pipeline();

    private Result send(String json) {
        return pipeline.processBatch(InputFormat.CANONICAL, json.getBytes(StandardCharsets.UTF_8), "t", true);
    }

    private static String with(String extra) {
        return BASE.replace("\"publishedAt\"", extra + ",\"publishedAt\"");
    }

    @Test
    void aLeapSecondIsReadAsTheSecondBeforeIt() {
        IncidentReport r = send(BASE.replace("2025-04-02T10:00:00Z", "2025-04-02T23:59:60Z")).published().get(0);
        assertThat(r.occurredAt()).isEqualTo(OffsetDateTime.parse("2025-04-02T23:59:59Z"));
        IncidentReport local = send(with("\"answers\":{\"from\":\"2025-04-03T03:59:60.5+04:00\"}")).published().get(0);
        assertThat(local.answers().from()).isEqualTo(OffsetDateTime.parse("2025-04-03T03:59:59.5+04:00"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"occurredUntil\":\"2025-04-01T10:00:00Z\"|$.occurredUntil|$.occurredUntil: is before occurredAt",
            "\"answers\":{\"from\":\"2025-04-02T10:00:00Z\",\"to\":\"2025-04-01T10:00:00Z\"}|$.answers.to|"
                    + "$.answers.to: is before answers.from",
            "\"coverage\":{\"from\":\"2025-04-02T10:00:00Z\",\"to\":\"2025-04-01T10:00:00Z\"}|$.coverage.to|"
                    + "$.coverage.to: is before coverage.from",
            "\"casualties\":{\"killed\":99999999999}|$.casualties.killed|"
                    + "$.casualties.killed: the number 99999999999 is too large",
            "\"occurredUntil\":\"2025-02-30T10:00:00Z\"|$.occurredUntil|"
                    + "$.occurredUntil: is not a real date and time (2025-02-30T10:00:00Z: Invalid date 'FEBRUARY 30')"})
    void aBadFieldIsOneReadableLineNamingIt(String extra, String field, String detail) {
        Rejection r = send(with(extra)).rejections().get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.SCHEMA_VIOLATION);
        assertThat(r.detail()).isEqualTo(detail);
        assertThat(r.violations()).extracting(Violation::field).containsExactly(field);
    }

    @Test
    void noDetailOfARefusedCanonicalRecordLeaksAClassNameOrAParserDump() {
        List<String> inputs = List.of(
                BASE.replace("2025-04-02T10:00:00Z", "2025-04-02T25:00:00Z"),
                BASE.replace("2025-04-03T10:00:00+04:00", "2025-04-03T10:00:00+25:00"),
                BASE.replace("2025-04-02T10:00:00Z", "2025-13-02T10:00:00Z"),
                with("\"receivedAt\":\"2025-02-29T10:00:00Z\""),
                with("\"casualties\":{\"killed\":1.5}"),
                with("\"casualties\":{\"wounded\":-1}"),
                with("\"occurredUntil\":\"2025-04-01T10:00:00Z\""),
                BASE.replace("\"schemaVersion\":1", "\"schemaVersion\":99999999999999999999"),
                BASE.replace("\"ambiguous\":false", "\"ambiguous\":false,\"lat\":\"x\""),
                "{\"a\": ", "[1,2", "{\"a\" 1}", "\"text\"", "{}", "[]", "\u0000\u0001");
        for (String input : inputs) {
            Result r = send(input);
            assertThat(r.rejections()).as(input).isNotEmpty();
            for (Rejection rejection : r.rejections()) {
                assertThat(rejection.detail()).as(input).doesNotContainPattern(LEAK).doesNotContain("\n");
                assertThat(rejection.violations()).as(input)
                        .allSatisfy(v -> assertThat(v.toString()).doesNotContainPattern(LEAK));
            }
        }
    }
}
