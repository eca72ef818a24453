package org.borderwatch.ingest.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.TimePrecision;
import org.borderwatch.ingest.Fixtures;
import org.borderwatch.ingest.IngestCore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report whose event starts after its own publication (beyond the tolerance and its precision's slack) is
 * TIME_OUT_OF_RANGE in every format, with a detail naming both times; a threat is dated when it is made.
 */
class EventAfterPublicationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:20:00Z"), ZoneOffset.UTC);
    private final IngestPipeline pipeline = Fixtures.core(CLOCK).pipeline();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String canonical(String occurredAt, String precision, String publishedAt, String types) {
        return "{\"schemaVersion\":1,\"sourceRef\":\"lead-"
                + (occurredAt + precision + publishedAt + types).hashCode() + "\",\"source\":{\"id\":\"ngo-x\",\"kind\":\"MEDIA\"},\"stance\":\"CLAIM\",\"eventTypes\":[" + types
                + "],\"location\":{\"segments\":[\"TAVUSH\"]},\"occurredAt\":\"" + occurredAt + "\""
                + (precision == null ? "" : ",\"timePrecision\":\"" + precision + "\"")
                + ",\"publishedAt\":\"" + publishedAt + "\"}";
    }

    private static String statement(String publishedAt, String text) {
        return "{\"sourceRef\":\"st-" + publishedAt.hashCode() + text.hashCode() + "\",\"source\":\"Ministry of "
                + "Defence of Azerbaijan\",\"publishedAt\":\"" + publishedAt + "\",\"language\":\"en\",\"text\":\""
                + text + "\"}";
    }

    @Test
    void aCanonicalReportOfAnEventAfterItsPublicationIsRefusedNamingBothTimes() {
        // the partner's example: the event on 23 November, the report published on 20 November
        IngestPipeline.Result r = pipeline.processRecord(InputFormat.CANONICAL, bytes(canonical(
                "2026-11-23T01:00:00Z", null, "2026-11-20T10:00:00Z", "\"SMALL_ARMS_FIRE\"")), "t");
        assertThat(r.published()).isEmpty();
        Rejection rejection = r.rejections().get(0);
        assertThat(rejection.reason()).isEqualTo(RejectReason.TIME_OUT_OF_RANGE);
        assertThat(rejection.detail()).isEqualTo("occurredAt 2026-11-23T01:00Z is 2 days 15 hours after publishedAt "
                + "2026-11-20T10:00Z: a report cannot describe an event that has not happened yet (allowed: 10 minutes plus 1 day for "
                + "the UNKNOWN precision)"); // no timePrecision: UNKNOWN, the day of publication
        assertThat(rejection.violations()).extracting(Violation::field).containsExactly("$.occurredAt");
    }

    /** occurredAt − publishedAt within the tolerance plus the precision's slack passes; a second more does not. */
    @ParameterizedTest
    @CsvSource({
            "2026-11-20T10:10:00Z, MINUTE, true",
            "2026-11-20T10:10:01Z, MINUTE, false",
            "2026-11-20T11:10:00Z, HOUR, true",
            "2026-11-20T11:10:01Z, HOUR, false",
            "2026-11-21T10:10:00Z, DAY, true",
            "2026-11-21T10:10:01Z, DAY, false",
            "2026-11-21T10:00:00Z, UNKNOWN, true",
            "2026-11-22T00:00:00Z, UNKNOWN, false",
            "2026-11-20T09:00:00Z, MINUTE, true"})
    void theToleranceIsTheConfiguredLeadPlusThePrecisionsSlack(String occurredAt, TimePrecision precision,
                                                               boolean accepted) {
        IngestPipeline.Result r = pipeline.processRecord(InputFormat.CANONICAL, bytes(canonical(occurredAt,
                precision.name(), "2026-11-20T10:00:00Z", "\"SMALL_ARMS_FIRE\"")), "t");
        assertThat(r.rejections().isEmpty()).as(r.rejections().toString()).isEqualTo(accepted);
        if (!accepted) {
            assertThat(r.rejections().get(0).reason()).isEqualTo(RejectReason.TIME_OUT_OF_RANGE);
        }
    }

    @Test
    void theToleranceIsConfigurable() {
        IngestCore lenient = IngestCore.create(Fixtures.GAZETTEER, Fixtures.SOURCES, IngestCore.DEFAULT_ZONE,
                new IngestLimits(64 * 1024, Duration.ofMinutes(10), IngestLimits.DEFAULTS.earliest(),
                        Duration.ofDays(4)), Duration.ofHours(1), 100, CLOCK, new SimpleMeterRegistry());
        String report = canonical("2026-11-23T01:00:00Z", "MINUTE", "2026-11-20T10:00:00Z", "\"SMALL_ARMS_FIRE\"");
        assertThat(lenient.pipeline().processRecord(InputFormat.CANONICAL, bytes(report), "t").published()).hasSize(1);
        IngestCore strict = IngestCore.create(Fixtures.GAZETTEER, Fixtures.SOURCES, IngestCore.DEFAULT_ZONE,
                new IngestLimits(64 * 1024, Duration.ofMinutes(10), IngestLimits.DEFAULTS.earliest(), Duration.ZERO),
                Duration.ofHours(1), 100, CLOCK, new SimpleMeterRegistry());
        String oneMinute = canonical("2026-11-20T10:01:00Z", "MINUTE", "2026-11-20T10:00:00Z", "\"SMALL_ARMS_FIRE\"");
        assertThat(strict.pipeline().processRecord(InputFormat.CANONICAL, bytes(oneMinute), "t").rejections())
                .extracting(Rejection::reason).containsExactly(RejectReason.TIME_OUT_OF_RANGE);
        assertThat(pipeline.processRecord(InputFormat.CANONICAL, bytes(oneMinute), "t").published()).hasSize(1);
    }

    /** A threat announces a future action, but the event reported is the threat, made when the statement is. */
    @Test
    void aThreatIsDatedWhenItIsMadeSoTheRuleHoldsForThreatsToo() {
        IngestPipeline.Result threat = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement(
                "2026-11-20T13:00:00+04:00", "The Ministry of Defence warns that any provocation by the Armenian "
                        + "side will be resolutely suppressed.")), "t");
        IncidentReport made = threat.published().get(0);
        assertThat(made.eventTypes()).contains(EventType.THREAT);
        assertThat(made.occurredAt()).isBefore(made.publishedAt()); // the statement's own day

        IngestPipeline.Result dated = pipeline.processRecord(InputFormat.CANONICAL, bytes(canonical(
                "2026-11-22T00:00:00+04:00", "DAY", "2026-11-20T13:00:00+04:00", "\"THREAT\"")), "t");
        assertThat(dated.rejections()).extracting(Rejection::reason).containsExactly(RejectReason.TIME_OUT_OF_RANGE);
        assertThat(dated.rejections().get(0).detail()).contains("occurredAt 2026-11-22T00:00+04:00")
                .contains("publishedAt 2026-11-20T13:00+04:00")
                .endsWith("; a threat is dated when it is made, not by the action it announces");
    }

    @Test
    void aStatementWhoseTextDatesTheEventAfterItsPublicationIsRefused() {
        IngestPipeline.Result r = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement(
                "2026-11-20T10:20:00+04:00", "On 22 November 2026 at 09:35 Armenian units fired at our positions "
                        + "from Digh.")), "t");
        Rejection rejection = r.rejections().get(0);
        assertThat(rejection.reason()).isEqualTo(RejectReason.TIME_OUT_OF_RANGE);
        assertThat(rejection.detail()).startsWith("the text dates the event from 2026-11-22T09:35+04:00, 1 day 23 hours "
                + "after the statement's publishedAt 2026-11-20T10:20+04:00: a statement cannot report an event that "
                + "has not happened yet");
        assertThat(rejection.violations()).extracting(Violation::field).containsExactly("$.publishedAt");

        // a date without a year is the latest one not after the day after publication: still accepted
        IngestPipeline.Result nextDay = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement(
                "2026-11-20T23:30:00+04:00", "On 21 November Armenian units fired at our positions from Digh.")), "t");
        assertThat(nextDay.rejections()).isEmpty();
        // the same day, earlier: accepted as always
        IngestPipeline.Result sameDay = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement(
                "2026-11-20T10:20:00+04:00", "On 20 November at 09:35 Armenian units fired at our positions from "
                        + "Digh.")), "t");
        assertThat(sameDay.rejections()).isEmpty();
    }

    /**
     * A day word of another clause ("died … this morning") does not put a clock after publication: the clock falls back
     * to the rule for a clock alone. A day word written beside its clock ("today at 18:00") is the clock's own, and an
     * explicit date is the text's: both are still refused.
     */
    @Test
    void onlyADayWordBesideItsClockOrAnExplicitDatePutsTheEventAfterPublication() {
        IngestPipeline.Result otherClause = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement(
                "2026-11-20T11:00:00+04:00", "A soldier wounded by Armenian fire near Digh at about 15:10 died of his "
                        + "wounds in hospital this morning.")), "t");
        assertThat(otherClause.rejections()).isEmpty();
        assertThat(otherClause.published().get(0).occurredAt())
                .isEqualTo(java.time.OffsetDateTime.parse("2026-11-19T15:10:00+04:00"));

        for (String own : new String[]{"Today at 18:00 Armenian units fired at our positions from Digh.",
                "Armenian units fired at our positions from Digh at 18:00 today.",
                "On 22 November 2026 Armenian units fired at our positions from Digh. A soldier wounded at about 09:35 "
                        + "died this morning."}) {
            IngestPipeline.Result r = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement(
                    "2026-11-20T11:00:00+04:00", own)), "t");
            assertThat(r.rejections()).as(own).extracting(Rejection::reason)
                    .containsExactly(RejectReason.TIME_OUT_OF_RANGE);
        }
    }

    /**
     * An announced time (a ceasefire "from" a clock, what "will enter into force" at one) is no time of a reported
     * event: a notice published before it is accepted, dated by its publication day. An event the text itself dates
     * after publication is still refused, also beside such a notice.
     */
    @Test
    void anAnnouncedTimeIsNoEventAfterPublication() {
        for (String notice : new String[]{"Through the mediation of partners, the sides agreed on a truce from 18:00 "
                + "Moscow time on 21 November.",
                "The ceasefire will enter into force at 22:00 today. Both sides are called on to respect it.",
                "A ceasefire was agreed, starting at 00:00 on 22 November."}) {
            IngestPipeline.Result r = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement(
                    "2026-11-20T17:00:00+04:00", notice)), "t");
            assertThat(r.rejections()).as(notice).isEmpty();
            assertThat(r.published().get(0).occurredAt()).as(notice)
                    .isEqualTo(java.time.OffsetDateTime.parse("2026-11-20T00:00:00+04:00"));
            assertThat(r.published().get(0).timePrecision()).as(notice).isEqualTo(TimePrecision.UNKNOWN);
        }
        IngestPipeline.Result event = pipeline.processRecord(InputFormat.STATEMENT, bytes(statement(
                "2026-11-20T17:00:00+04:00", "The ceasefire will enter into force at 22:00 today. Today at 21:40 "
                        + "Armenian units fired at our positions from Digh.")), "t");
        assertThat(event.rejections()).extracting(Rejection::reason).containsExactly(RejectReason.TIME_OUT_OF_RANGE);
    }

    /** The partner's row: its timestamp (22 November 2025) predates its event_date (21 November 2026). */
    @Test
    void anAcledRowWhoseTimestampPredatesItsEventDateIsAMappingError() {
        String csv = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,admin1,location,"
                + "latitude,longitude,notes,fatalities,timestamp\n"
                + "ARM9002,2026-11-21,1,Explosions/Remote violence,Shelling/artillery/missile attack,"
                + "Military Forces of Armenia (1991-),Ararat,Yeraskh,39.76,44.82,\"Shelling reported.\",1,1763800000\n"
                + "ARM9003,2026-11-21,1,Explosions/Remote violence,Shelling/artillery/missile attack,"
                + "Military Forces of Armenia (1991-),Ararat,Yeraskh,39.76,44.82,\"Shelling reported.\",1,1795400000\n";
        IngestPipeline.Result r = pipeline.processBatch(InputFormat.ACLED, bytes(csv), "t", true);
        assertThat(r.published()).extracting(IncidentReport::sourceRef).containsExactly("ARM9003");
        Rejection rejection = r.rejections().get(0);
        assertThat(rejection.line()).isEqualTo(2);
        assertThat(rejection.reason()).isEqualTo(RejectReason.TIME_OUT_OF_RANGE);
        assertThat(rejection.detail()).startsWith("timestamp (publishedAt 2025-11-22T12:26:40+04:00) is 363 days 11 "
                + "hours before the event (occurredAt 2026-11-21T00:00+04:00, from event_date and time_precision;")
                .contains("mis-mapped");
        assertThat(rejection.violations()).extracting(Violation::field).containsExactly("timestamp");
    }

    @Test
    void durationsAreWrittenInWords() {
        assertThat(EventAfterPublication.readable(Duration.ofMinutes(10))).isEqualTo("10 minutes");
        assertThat(EventAfterPublication.readable(Duration.ofHours(25))).isEqualTo("1 day 1 hour");
        assertThat(EventAfterPublication.readable(Duration.ofSeconds(61))).isEqualTo("1 minute 1 second");
        assertThat(EventAfterPublication.readable(Duration.ZERO)).isEqualTo("0 seconds");
    }
}
