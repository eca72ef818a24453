package org.borderwatch.ingest.canonical;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.ingest.IngestITSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Canonical edge cases over the real HTTP server: one readable line naming the field, here and on the topic. */
class CanonicalHttpIT extends IngestITSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    private static String report(String ref, String occurredAt, String extra) {
        return "{\"schemaVersion\":1,\"reportId\":\"00000000-0000-0000-0000-000000000000\",\"sourceRef\":\"" + ref
                + "\",\"source\":{\"id\":\"it-desk\",\"kind\":\"NGO\"},\"stance\":\"CLAIM\",\"location\":{\"segments\":"
                + "[\"ARARAT\"],\"ambiguous\":false},\"occurredAt\":\"" + occurredAt + "\"" + extra
                + ",\"publishedAt\":\"2025-04-03T10:00:00+04:00\"}";
    }

    private HttpResponse<String> post(String query, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports/canonical"
                        + query)).header("Content-Type", "application/json").header("X-Api-Key", "it-key-canonical")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLeapSecondIsAcceptedAndARangeEndingBeforeItStartsIsOneLineNamingTheField() throws Exception {
        HttpResponse<String> leap = post("?dryRun=true", report(uniqueRef("leap"), "2025-04-02T23:59:60Z", ""));
        assertThat(leap.statusCode()).as(leap.body()).isEqualTo(200);
        assertThat(Json.mapper().readTree(leap.body()).path("reports").path(0).path("occurredAt").asString())
                .isEqualTo("2025-04-02T23:59:59Z");

        String ref = uniqueRef("backwards");
        String backwards = report(ref, "2025-04-02T10:00:00Z", ",\"occurredUntil\":\"2025-04-01T10:00:00Z\"");
        HttpResponse<String> refused = post("", backwards);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = Json.mapper().readTree(refused.body());
        assertThat(problem.path("reason").asString()).isEqualTo("SCHEMA_VIOLATION");
        assertThat(problem.path("detail").asString()).isEqualTo("$.occurredUntil: is before occurredAt");
        assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo("$.occurredUntil");
        await().atMost(Duration.ofSeconds(30)).until(() -> REJECTED.stream().anyMatch(r -> value(r).equals(backwards)));
        assertThat(REJECTED.stream().filter(r -> value(r).equals(backwards)).findFirst().orElseThrow())
                .extracting(r -> header(r, Topics.HEADER_REJECT_DETAIL))
                .isEqualTo("$.occurredUntil: is before occurredAt");

        HttpResponse<String> broken = post("", "{\"sourceRef\": ");
        assertThat(Json.mapper().readTree(broken.body()).path("detail").asString())
                .isEqualTo("not valid JSON: Unexpected end-of-input within/between Object entries");
    }
}
