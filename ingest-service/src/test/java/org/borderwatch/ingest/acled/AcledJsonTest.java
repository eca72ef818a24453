package org.borderwatch.ingest.acled;

import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.ingest.Fixtures;
import org.borderwatch.ingest.pipeline.IngestPipeline;
import org.borderwatch.ingest.pipeline.IngestPipeline.Result;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.borderwatch.ingest.pipeline.Rejection;
import org.borderwatch.ingest.pipeline.Violation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** ACLED records as JSON (ACLED's API: codebook field names, numbers as numbers or strings) read like CSV rows. */
class AcledJsonTest {

    private final IngestPipeline pipeline = Fixtures.core(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"),
            ZoneOffset.UTC)).pipeline();

    private static final String CSV = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,"
            + "admin1,location,latitude,longitude,notes,fatalities,timestamp\n"
            + "ARM1003,2024-02-15,1,Battles,Armed clash,Military Forces of Azerbaijan (2003-),Syunik,Nerkin Hand,"
            + "39.1,46.4,\"Two soldiers wounded.\",2,1707990000\n";
    /** The same event as ACLED's API returns it: numbers as strings, some as numbers. */
    private static final String JSON = "{\"event_id_cnty\":\"ARM1003\",\"event_date\":\"2024-02-15\","
            + "\"time_precision\":\"1\",\"event_type\":\"Battles\",\"sub_event_type\":\"Armed clash\","
            + "\"actor1\":\"Military Forces of Azerbaijan (2003-)\",\"admin1\":\"Syunik\",\"location\":\"Nerkin Hand\","
            + "\"latitude\":\"39.1\",\"longitude\":46.4,\"notes\":\"Two soldiers wounded.\",\"fatalities\":2,"
            + "\"timestamp\":1707990000,\"assoc_actor_1\":null,\"iso\":51}";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private IncidentReport one(Result r) {
        assertThat(r.rejections()).isEmpty();
        assertThat(r.published()).hasSize(1);
        return r.published().get(0);
    }

    @Test
    void aJsonRecordIsTheSameReportAsItsCsvRowOnEveryPath() {
        IncidentReport fromCsv = one(Fixtures.core(Clock.systemUTC()).pipeline()
                .processBatch(InputFormat.ACLED, utf8(CSV), "http", true));
        IncidentReport fromJson = one(pipeline.processBatch(InputFormat.ACLED, utf8(JSON), "http", true));
        assertThat(fromJson.withReceivedAt(null)).isEqualTo(fromCsv.withReceivedAt(null));
        assertThat(fromJson.sourceRef()).isEqualTo("ARM1003");
        assertThat(fromJson.actingParty()).isEqualTo(Party.AZ);
        assertThat(fromJson.eventTypes()).containsExactly(EventType.SMALL_ARMS_FIRE);
        assertThat(fromJson.location().segments()).containsExactly(BorderSegment.SYUNIK_EAST);
        assertThat(fromJson.location().lon()).isEqualTo(46.4);
        assertThat(fromJson.casualties().killed()).isEqualTo(2);
        assertThat(fromJson.publishedAt().toInstant()).isEqualTo(Instant.ofEpochSecond(1707990000));
        // a raw topic's record (one Kafka record) reads the same
        assertThat(one(pipeline.processRecord(InputFormat.ACLED, utf8("\n  " + JSON), "t")).reportId())
                .isEqualTo(fromCsv.reportId());
    }

    @Test
    void aJsonArrayAndNdjsonGiveOneReportPerRecordNumberedLikeOtherFormats() {
        String second = JSON.replace("ARM1003", "ARM1004").replace("Nerkin Hand", "Sotk").replace("Syunik",
                "Gegharkunik");
        Result array = pipeline.processBatch(InputFormat.ACLED, utf8("[" + JSON + ",\n" + second + "]"), "t", true);
        assertThat(array.published()).extracting(IncidentReport::sourceRef).containsExactly("ARM1003", "ARM1004");
        assertThat(array.outcomes()).extracting(IngestPipeline.Outcome::line).containsExactly(1, 2);
        Result ndjson = pipeline.processBatch(InputFormat.ACLED, utf8(JSON + "\n\n" + second.replace("2024-02-15", "")
                + "\n"), "t", true);
        assertThat(ndjson.published()).extracting(IncidentReport::sourceRef).containsExactly("ARM1003");
        Rejection bad = ndjson.rejections().get(0);
        assertThat(bad.line()).isEqualTo(3);
        assertThat(bad.reason()).isEqualTo(RejectReason.SCHEMA_VIOLATION);
        assertThat(bad.detail()).isEqualTo("event_date: is required");
        assertThat(new String(bad.original(), StandardCharsets.UTF_8)).startsWith("{\"event_id_cnty\":\"ARM1004\"");
    }

    @Test
    void aFieldThatIsNeitherStringNorNumberIsNamedAndBrokenJsonIsMalformed() {
        Rejection nested = pipeline.processBatch(InputFormat.ACLED,
                utf8(JSON.replace("\"iso\":51", "\"iso\":{\"code\":51}")), "t", true).rejections().get(0);
        assertThat(nested.reason()).isEqualTo(RejectReason.SCHEMA_VIOLATION);
        assertThat(nested.violations()).extracting(Violation::field).containsExactly("$.iso");
        Rejection broken = pipeline.processRecord(InputFormat.ACLED, utf8("{\"event_id_cnty\": "), "t")
                .rejections().get(0);
        assertThat(broken.reason()).isEqualTo(RejectReason.MALFORMED);
        Rejection scalar = pipeline.processBatch(InputFormat.ACLED, utf8("[1]"), "t", true).rejections().get(0);
        assertThat(scalar.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(scalar.detail()).startsWith("an ACLED record must be a JSON object");
    }

    @Test
    void aRefusedRowSentWithoutHeaderIsKeptAsThePartnerSentItNotWithIngestsHeaderInFront() {
        String row = "ARM2009,16 Brumaire 2024,2024,1,Political violence,Battles,Armed clash";
        Rejection r = pipeline.processRecord(InputFormat.ACLED, utf8(row + "\n"), "t").rejections().get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.SCHEMA_VIOLATION);
        assertThat(new String(r.original(), StandardCharsets.UTF_8)).isEqualTo(row);
        // with its own header line, the row keeps that header (both are the partner's bytes)
        Rejection withHeader = pipeline.processRecord(InputFormat.ACLED,
                utf8("event_id_cnty,event_date\nARM2010,someday\n"), "t").rejections().get(0);
        assertThat(new String(withHeader.original(), StandardCharsets.UTF_8))
                .isEqualTo("event_id_cnty,event_date\nARM2010,someday");
    }
}
