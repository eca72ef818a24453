package org.borderwatch.ingest.acled;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.ingest.IngestITSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** ACLED records as JSON through the raw topic and HTTP; a refused headerless row keeps the partner's bytes. */
class AcledFormatsIT extends IngestITSupport {

    private static String record(String id, String location, String admin1) {
        return "{\"event_id_cnty\":\"" + id + "\",\"event_date\":\"2024-02-15\",\"time_precision\":\"1\","
                + "\"event_type\":\"Battles\",\"sub_event_type\":\"Armed clash\",\"actor1\":\"Military Forces of "
                + "Azerbaijan (2003-)\",\"admin1\":\"" + admin1 + "\",\"location\":\"" + location + "\","
                + "\"latitude\":\"39.1\",\"longitude\":46.4,\"fatalities\":\"2\",\"timestamp\":1707990000}";
    }

    private static List<IncidentReport> normalized(String ref) {
        return NORMALIZED.stream().map(r -> Json.read(r.value(), IncidentReport.class))
                .filter(r -> ref.equals(r.sourceRef())).toList();
    }

    @Test
    void jsonRecordsArriveThroughTheRawTopicAndHttpAndARefusedHeaderlessRowKeepsItsBytes() throws Exception {
        String id = "JS" + System.nanoTime();
        send(Topics.RAW_ACLED.name(), "partner-it", record(id, "Nerkin Hand", "Syunik")
                .getBytes(StandardCharsets.UTF_8), Map.of("contentType", "application/json"));
        String row = id + "-bad,not a date,2024,1,Political violence,Battles,Armed clash";
        send(Topics.RAW_ACLED.name(), row + "\n");

        String body = "[" + record(id + "-h1", "Sotk", "Gegharkunik") + "," + record(id + "-h2", "Chinari", "Tavush")
                + "]";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/reports/acled"))
                .header("Content-Type", "application/json").header("X-Api-Key", "it-key-statements")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode receipt = Json.mapper().readTree(r.body());
        assertThat(receipt.path("accepted").size()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(30)).until(() -> !normalized(id).isEmpty() && !normalized(id + "-h2").isEmpty()
                && REJECTED.stream().anyMatch(x -> new String(x.value(), StandardCharsets.UTF_8).startsWith(id)));
        assertThat(normalized(id).get(0).location().primarySegment()).isEqualTo(BorderSegment.SYUNIK_EAST);
        assertThat(normalized(id + "-h1").get(0).location().primarySegment()).isEqualTo(BorderSegment.GEGHARKUNIK);
        ConsumerRecord<String, byte[]> refused = REJECTED.stream()
                .filter(x -> new String(x.value(), StandardCharsets.UTF_8).startsWith(id)).findFirst().orElseThrow();
        assertThat(value(refused)).isEqualTo(row);
        assertThat(header(refused, Topics.HEADER_REJECT_REASON)).isEqualTo("SCHEMA_VIOLATION");
        assertThat(header(refused, Topics.HEADER_REJECT_DETAIL)).contains("event_date");
    }
}
