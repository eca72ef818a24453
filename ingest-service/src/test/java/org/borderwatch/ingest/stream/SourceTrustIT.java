package org.borderwatch.ingest.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.ingest.IngestITSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nobody takes over another source's report: through the raw topics a canonical report naming a registry source
 * needs its registry kind and party and may not flip the stance of the report it corrects; over HTTP a partner key
 * sends canonical reports only of the sources it was granted.
 */
class SourceTrustIT extends IngestITSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    private static String claim(String ref) {
        return statement(ref, "On 16 March at 09:35 Armenian units in Digh fired at our positions in Lachin.");
    }

    private static String canonical(String ref, String source, String stance) {
        return "{\"schemaVersion\":1,\"reportId\":\"00000000-0000-0000-0000-000000000000\",\"sourceRef\":\"" + ref
                + "\",\"source\":" + source + ",\"stance\":\"" + stance + "\",\"location\":{\"segments\":"
                + "[\"SYUNIK_EAST\"],\"ambiguous\":false},\"occurredAt\":\"2025-03-16T09:35:00+04:00\","
                + "\"publishedAt\":\"2025-03-17T10:00:00+04:00\",\"text\":\"" + ref + " nothing happened\"}";
    }

    private static List<IncidentReport> normalized(String ref) {
        return NORMALIZED.stream().map(r -> Json.read(r.value(), IncidentReport.class))
                .filter(r -> ref.equals(r.sourceRef())).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> rejected(String marker) {
        return REJECTED.stream().filter(r -> value(r).contains(marker)).toList();
    }

    @Test
    void aCanonicalReportCannotTakeOverAMinistrysStatementThroughTheRawTopics() {
        String ref = uniqueRef("hj");
        send(Topics.RAW_STATEMENT.name(), claim(ref));
        await().atMost(Duration.ofSeconds(30)).until(() -> !normalized(ref).isEmpty());

        String asObserver = canonical(ref, "{\"id\":\"az-mod\",\"kind\":\"INDEPENDENT_OBSERVER\",\"party\":\"EU\"}",
                "REFUTATION");
        String asMinistry = canonical(ref, "{\"id\":\"az-mod\",\"kind\":\"PARTY_OFFICIAL\",\"party\":\"AZ\"}",
                "REFUTATION");
        send(Topics.RAW_CANONICAL.name(), asObserver);
        send(Topics.RAW_CANONICAL.name(), asMinistry);
        String after = uniqueRef("after-takeover");
        send(Topics.RAW_CANONICAL.name(), canonical(after, "{\"id\":\"az-mod\",\"kind\":\"PARTY_OFFICIAL\"}", "CLAIM"));

        await().atMost(Duration.ofSeconds(30)).until(() -> rejected(ref).size() == 2 && !normalized(after).isEmpty());
        ConsumerRecord<String, byte[]> mismatch = REJECTED.stream().filter(r -> value(r).equals(asObserver))
                .findFirst().orElseThrow();
        assertThat(header(mismatch, Topics.HEADER_REJECT_REASON)).isEqualTo("SOURCE_MISMATCH");
        assertThat(header(mismatch, Topics.HEADER_REJECT_DETAIL)).contains("$.source.kind").contains("$.source.party");
        ConsumerRecord<String, byte[]> conflict = REJECTED.stream().filter(r -> value(r).equals(asMinistry))
                .findFirst().orElseThrow();
        assertThat(header(conflict, Topics.HEADER_REJECT_REASON)).isEqualTo("CORRECTION_CONFLICT");
        assertThat(header(conflict, Topics.HEADER_SOURCE)).isEqualTo(Topics.RAW_CANONICAL.name());
        assertThat(normalized(ref)).extracting(IncidentReport::revision).containsExactly(1);
        assertThat(normalized(ref).get(0).stance()).isEqualTo(Stance.CLAIM);
        assertThat(normalized(after).get(0).source().party().name()).isEqualTo("AZ");
    }

    @Test
    void aPartnerKeySendsCanonicalReportsOnlyOfTheSourcesItWasGranted() throws Exception {
        String ref = uniqueRef("grant");
        String mod = canonical(ref + "-mod", "{\"id\":\"az-mod\",\"kind\":\"PARTY_OFFICIAL\",\"party\":\"AZ\"}",
                "CLAIM");
        // a canonical-only key without a sources list: not a registry source
        HttpResponse<String> refused = post("it-key-canonical", mod);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = Json.mapper().readTree(refused.body());
        assertThat(problem.path("reason").asString()).isEqualTo("SOURCE_NOT_ALLOWED");
        assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo("$.source.id");
        // its own source it may send
        assertThat(post("it-key-canonical", canonical(ref + "-own", "{\"id\":\"it-desk\",\"kind\":\"NGO\"}", "CLAIM"))
                .statusCode()).isEqualTo(202);
        // a key granted euma sends euma's reports, and nobody else's
        assertThat(post("it-key-observer", canonical(ref + "-euma",
                "{\"id\":\"euma\",\"kind\":\"INDEPENDENT_OBSERVER\",\"party\":\"EU\"}", "REFUTATION")).statusCode())
                .isEqualTo(202);
        HttpResponse<String> other = post("it-key-observer", mod);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(other.body()).path("detail").asString())
                .isEqualTo("partner 'it-observer-desk' may not send canonical reports of source 'az-mod' (its key's "
                        + "sources: euma)");
        await().atMost(Duration.ofSeconds(30)).until(() -> !normalized(ref + "-euma").isEmpty()
                && !normalized(ref + "-own").isEmpty() && rejected(ref + "-mod").size() == 2);
        assertThat(rejected(ref + "-mod")).extracting(r -> header(r, Topics.HEADER_REJECT_REASON))
                .containsOnly("SOURCE_NOT_ALLOWED");
        assertThat(normalized(ref + "-mod")).isEmpty();
    }

    private HttpResponse<String> post(String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports/canonical"))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
