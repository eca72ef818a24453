package org.borderwatch.ingest.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.ingest.IngestITSupport;
import org.borderwatch.ingest.SlowBrokerInterceptor;
import org.borderwatch.ingest.metrics.IngestMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Raw records as non-Spring clients (kcat, librdkafka, plain producers) send them: a {@code contentType} header as a
 * plain string, whatever its value, and tombstones. The raw bytes are what ingest reads; a tombstone is a counted
 * rejection with its reason; nothing reaches the rejected topic without the {@code bw-reject-*} headers.
 */
class RawRecordHeadersIT extends IngestITSupport {

    private static final String CLAIM = "On 16 March at 09:35 Armenian units in Digh fired at our positions in Lachin.";

    @Autowired
    MeterRegistry registry;

    @Test
    void rawBytesAreReadWhateverTheContentTypeHeaderSaysAndATombstoneIsRejectedWithItsReason() {
        String key = uniqueRef("ct-key");
        String marker = uniqueRef("ct");
        Map<String, String> contentTypes = new LinkedHashMap<>();
        contentTypes.put("json", "application/json");
        contentTypes.put("json-utf8", "application/json; charset=utf-8");
        contentTypes.put("text", "text/plain");
        contentTypes.put("octets", "application/octet-stream");
        contentTypes.put("nonsense", "not a media type;;");
        contentTypes.put("empty", "");
        double malformedBefore = count(IngestMetrics.REJECTED, "reason", "MALFORMED");
        double receivedBefore = count(IngestMetrics.RECEIVED, "format", "statement");

        // one key: one partition, so the good record is read after everything before it
        contentTypes.forEach((name, type) -> send(Topics.RAW_STATEMENT.name(), key,
                statement(marker + "-" + name, CLAIM).getBytes(StandardCharsets.UTF_8), Map.of("contentType", type)));
        send(Topics.RAW_STATEMENT.name(), key, null, Map.of("contentType", "application/json"));
        send(Topics.RAW_CANONICAL.name(), key, canonical(marker + "-canonical"), Map.of("contentType",
                "application/json"));
        String acledId = "CT" + System.nanoTime();
        send(Topics.RAW_ACLED.name(), key, ("event_id_cnty,event_date,event_type,sub_event_type,location\n" + acledId
                + ",2024-02-13,Battles,Armed clash,Nerkin Hand\n").getBytes(StandardCharsets.UTF_8),
                Map.of("contentType", "text/csv; charset=utf-8"));
        String good = marker + "-good";
        send(Topics.RAW_STATEMENT.name(), key, statement(good, CLAIM).getBytes(StandardCharsets.UTF_8), Map.of());

        await().atMost(Duration.ofSeconds(40)).until(() -> !normalized(good).isEmpty()
                && !tombstoneRejections(key).isEmpty());
        for (String name : contentTypes.keySet()) {
            assertThat(normalized(marker + "-" + name)).as("record with contentType " + contentTypes.get(name))
                    .hasSize(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !normalized(marker + "-canonical").isEmpty()
                && !normalized(acledId).isEmpty());
        assertThat(normalized(marker + "-json").get(0).location().primarySegment())
                .isEqualTo(BorderSegment.SYUNIK_EAST);

        ConsumerRecord<String, byte[]> tombstone = tombstoneRejections(key).get(0);
        assertThat(tombstoneRejections(key)).hasSize(1);
        assertThat(header(tombstone, Topics.HEADER_REJECT_REASON)).isEqualTo("MALFORMED");
        assertThat(header(tombstone, Topics.HEADER_REJECT_DETAIL))
                .startsWith("record has no value (a tombstone)").contains("key " + key).contains("offset ");
        assertThat(header(tombstone, Topics.HEADER_SOURCE)).isEqualTo(Topics.RAW_STATEMENT.name());
        assertThat(tombstone.value()).isEmpty();
        // nothing of this test reached the rejected topic but the tombstone, and nothing without a reason
        assertThat(REJECTED).filteredOn(r -> key.equals(r.key()) || value(r).contains(marker)).isEmpty();
        assertThat(REJECTED).allSatisfy(r -> assertThat(header(r, Topics.HEADER_REJECT_REASON)).isNotBlank());
        assertThat(count(IngestMetrics.REJECTED, "reason", "MALFORMED") - malformedBefore).isEqualTo(1);
        assertThat(count(IngestMetrics.RECEIVED, "format", "statement") - receivedBefore)
                .isEqualTo(contentTypes.size() + 2);
    }

    @Test
    void aRecordWhoseReportCannotBePublishedIsParkedWithItsReasonAfterItsAttemptsAndCounted() {
        String key = uniqueRef("park-key");
        String ref = uniqueRef("park");
        // the reports' producer (a test interceptor) sends a report carrying the marker where the broker refuses it
        String held = statement(ref, CLAIM + " " + SlowBrokerInterceptor.REFUSED_MARKER);
        double before = count(IngestMetrics.REJECTED, "reason", "PUBLISH_FAILED");
        double receivedBefore = count(IngestMetrics.RECEIVED, "format", "statement");
        double normalizedBefore = normalizedClaims();
        send(Topics.RAW_STATEMENT.name(), key, held.getBytes(StandardCharsets.UTF_8),
                Map.of("contentType", "application/json"));

        await().atMost(Duration.ofSeconds(60)).until(() -> REJECTED.stream().anyMatch(r -> value(r).equals(held)));
        ConsumerRecord<String, byte[]> parked = REJECTED.stream().filter(r -> value(r).equals(held)).findFirst()
                .orElseThrow();
        assertThat(header(parked, Topics.HEADER_REJECT_REASON)).isEqualTo("PUBLISH_FAILED");
        assertThat(header(parked, Topics.HEADER_REJECT_DETAIL))
                .startsWith("its reports could not be published after every attempt: ")
                .contains("offset ").doesNotContain("Exception");
        assertThat(header(parked, Topics.HEADER_SOURCE)).isEqualTo(Topics.RAW_STATEMENT.name());
        assertThat(parked.key()).isNull();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                count(IngestMetrics.REJECTED, "reason", "PUBLISH_FAILED") - before == 1);
        // the metrics count the outcome, not the attempts: received once, never normalised, rejected once
        assertThat(count(IngestMetrics.RECEIVED, "format", "statement") - receivedBefore).isEqualTo(1);
        assertThat(normalizedClaims() - normalizedBefore).isZero();
        assertThat(count(IngestMetrics.REJECTED, "reason", "PUBLISH_FAILED") - before).isEqualTo(1);
        // and the partition moved on; a good record counts as usual
        String after = uniqueRef("after-park");
        send(Topics.RAW_STATEMENT.name(), key, statement(after, CLAIM).getBytes(StandardCharsets.UTF_8), Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> !normalized(after).isEmpty());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(count(IngestMetrics.RECEIVED, "format", "statement") - receivedBefore).isEqualTo(2);
            assertThat(normalizedClaims() - normalizedBefore).isEqualTo(1);
        });
        assertThat(count(IngestMetrics.REJECTED, "reason", "PUBLISH_FAILED") - before).isEqualTo(1);
    }

    private double normalizedClaims() {
        Counter c = registry.find(IngestMetrics.NORMALIZED).tag("source", "az-mod").tag("stance", "CLAIM").counter();
        return c == null ? 0 : c.count();
    }

    private static List<IncidentReport> normalized(String ref) {
        return NORMALIZED.stream().map(r -> Json.read(r.value(), IncidentReport.class))
                .filter(r -> ref.equals(r.sourceRef())).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> tombstoneRejections(String key) {
        return REJECTED.stream().filter(r -> key.equals(r.key()) || String.valueOf(
                header(r, Topics.HEADER_REJECT_DETAIL)).contains(key)).toList();
    }

    private double count(String meter, String tag, String value) {
        Counter c = registry.find(meter).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    private static byte[] canonical(String ref) {
        return Json.writeBytes(IncidentReport.builder().reportId(UUID.randomUUID()).sourceRef(ref)
                .source(new Source("partner-ct", "Partner", SourceKind.NGO, null))
                .location(Location.of(BorderSegment.ARARAT))
                .publishedAt(OffsetDateTime.parse("2025-03-16T10:00:00+04:00")).build());
    }
}
