package org.borderwatch.ingest.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.ingest.IngestITSupport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RawTopicsIT extends IngestITSupport {

    private static final String CLAIM = "On 16 March at 09:35 Armenian units in Digh fired at our positions in Lachin.";

    private static List<IncidentReport> normalized(String ref) {
        return NORMALIZED.stream().map(r -> Json.read(r.value(), IncidentReport.class))
                .filter(r -> ref.equals(r.sourceRef())).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> rejected(String marker) {
        return REJECTED.stream().filter(r -> value(r).contains(marker)).toList();
    }

    @Test
    void aRawStatementArrivesNormalisedKeyedByItsSegment() {
        String ref = uniqueRef("raw");
        send(Topics.RAW_STATEMENT.name(), statement(ref, CLAIM));
        await().atMost(Duration.ofSeconds(30)).until(() -> !normalized(ref).isEmpty());
        ConsumerRecord<String, byte[]> record = NORMALIZED.stream()
                .filter(r -> value(r).contains(ref)).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(BorderSegment.SYUNIK_EAST.name());
        IncidentReport report = normalized(ref).get(0);
        assertThat(report.location().settlement()).isEqualTo("Tegh");
        assertThat(report.receivedAt()).isNotNull();
    }

    @Test
    void poisonRecordsAreRejectedWithTheirReasonAndGoodRecordsBehindThemStillArrive() {
        String marker = uniqueRef("poison");
        String malformed = "{\"sourceRef\":\"" + marker + "-m\", broken";
        String oversize = statement(marker + "-big", "x".repeat(5000));
        String schemaBreaking = "{\"schemaVersion\":1,\"reportId\":\"not-a-uuid\",\"sourceRef\":\"" + marker
                + "-s\",\"stance\":\"RUMOUR\"}";
        String good = uniqueRef("after-poison");

        send(Topics.RAW_STATEMENT.name(), malformed);
        send(Topics.RAW_STATEMENT.name(), oversize);
        send(Topics.RAW_CANONICAL.name(), schemaBreaking);
        send(Topics.RAW_STATEMENT.name(), statement(good, CLAIM));
        send(Topics.RAW_CANONICAL.name(), Json.write(IncidentReport.builder()
                .reportId(java.util.UUID.randomUUID()).sourceRef(good + "-c")
                .source(new org.borderwatch.common.model.Source("partner-x", "Partner", 
                        org.borderwatch.common.model.SourceKind.NGO, null))
                .location(org.borderwatch.common.model.Location.of(BorderSegment.ARARAT))
                .publishedAt(java.time.OffsetDateTime.parse("2025-03-16T10:00:00+04:00")).build()));

        await().atMost(Duration.ofSeconds(30)).until(() -> rejected(marker).size() == 3
                && !normalized(good).isEmpty() && !normalized(good + "-c").isEmpty());
        assertThat(rejected(marker)).extracting(r -> header(r, Topics.HEADER_REJECT_REASON))
                .containsExactlyInAnyOrder("MALFORMED", "TOO_LARGE", "SCHEMA_VIOLATION");
        ConsumerRecord<String, byte[]> m = rejected(marker + "-m").get(0);
        assertThat(value(m)).isEqualTo(malformed);
        assertThat(header(m, Topics.HEADER_SOURCE)).isEqualTo(Topics.RAW_STATEMENT.name());
        assertThat(header(m, Topics.HEADER_REJECT_DETAIL)).isNotBlank();
        assertThat(header(rejected(marker + "-s").get(0), Topics.HEADER_REJECT_DETAIL)).contains("$.stance");
        assertThat(header(rejected(marker + "-s").get(0), Topics.HEADER_SOURCE)).isEqualTo(Topics.RAW_CANONICAL.name());
    }

    @Test
    void anExactDuplicateIsDroppedAndACorrectionIsPublishedWithAHigherRevision() {
        String ref = uniqueRef("dup");
        String after = uniqueRef("dup-marker");
        send(Topics.RAW_STATEMENT.name(), statement(ref, CLAIM));
        send(Topics.RAW_STATEMENT.name(), statement(ref, CLAIM));
        send(Topics.RAW_STATEMENT.name(), statement(ref, CLAIM.replace("09:35", "09:40")));
        send(Topics.RAW_STATEMENT.name(), statement(after, CLAIM));
        await().atMost(Duration.ofSeconds(30)).until(() -> !normalized(after).isEmpty() && normalized(ref).size() >= 2);
        assertThat(normalized(ref)).extracting(IncidentReport::revision).containsExactly(1, 2);
        assertThat(normalized(ref)).extracting(IncidentReport::reportId).containsOnly(normalized(ref).get(0).reportId());
    }

    @Test
    void anAcledRowArrivesAsADatasetReport() {
        String id = "IT" + System.nanoTime();
        send(Topics.RAW_ACLED.name(), "event_id_cnty,event_date,event_type,sub_event_type,actor1,location\n"
                + id + ",2024-02-13,Battles,Armed clash,Military Forces of Azerbaijan (2003-),Nerkin Hand\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> !normalized(id).isEmpty());
        assertThat(normalized(id).get(0).source().kind()).isEqualTo(org.borderwatch.common.model.SourceKind.DATASET);
    }
}
