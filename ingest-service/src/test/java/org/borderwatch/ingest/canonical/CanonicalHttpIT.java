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

    /**
     * A partner need not send what ingest computes: without reportId, receivedAt and revision the report is
     * accepted (not "required property 'reportId' not found"), gets the same id as with a placeholder id, and is
     * published with revision 1 and ingest's receivedAt; schemaVersion stays required.
     */
    @Test
    void reportIdReceivedAtAndRevisionMayBeLeftOut() throws Exception {
        String ref = uniqueRef("no-id");
        String bare = report(ref, "2025-04-02T10:00:00Z", "").replace(
                "\"reportId\":\"00000000-0000-0000-0000-000000000000\",", "");
        assertThat(bare).doesNotContain("reportId").doesNotContain("revision").doesNotContain("receivedAt");
        HttpResponse<String> accepted = post("", bare);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode entry = Json.mapper().readTree(accepted.body()).path("accepted").path(0);
        String expectedId = org.borderwatch.common.Uuids.reportId("unregistered/it-desk", ref).toString();
        assertThat(entry.path("reportId").asString()).isEqualTo(expectedId);
        assertThat(entry.path("revision").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> NORMALIZED.stream().anyMatch(r -> value(r).contains(ref)));
        JsonNode published = Json.mapper().readTree(NORMALIZED.stream().filter(r -> value(r).contains(ref))
                .findFirst().orElseThrow().value());
        assertThat(published.path("reportId").asString()).isEqualTo(expectedId);
        assertThat(published.path("revision").asInt()).isEqualTo(1);
        assertThat(published.path("receivedAt").isMissingNode()).isFalse();

        // the same report with an id of its own is the same report (the id is recomputed): a duplicate
        HttpResponse<String> withId = post("", report(ref, "2025-04-02T10:00:00Z", ""));
        assertThat(Json.mapper().readTree(withId.body()).path("duplicates").path(0).path("reportId").asString())
                .isEqualTo(expectedId);

        HttpResponse<String> noVersion = post("?dryRun=true", bare.replace("\"schemaVersion\":1,", ""));
        assertThat(Json.mapper().readTree(noVersion.body()).path("rejections").path(0).path("detail").asString())
                .contains("schemaVersion");
    }

    /**
     * A missing required field is named by its own JSON path (as the statement format and the Problem example do),
     * not by the object lacking it ("$: required property 'publishedAt' not found"): in the problem's errors and
     * detail, and in the rejected record's detail header.
     */
    @Test
    void aMissingRequiredFieldIsNamedByItsPathNestedOnesToo() throws Exception {
        String ref = uniqueRef("missing");
        String missing = report(ref, "2025-04-02T10:00:00Z", "")
                .replace(",\"publishedAt\":\"2025-04-03T10:00:00+04:00\"", "")
                .replace(",\"kind\":\"NGO\"", "");
        assertThat(missing).doesNotContain("publishedAt").doesNotContain("kind");
        HttpResponse<String> refused = post("", missing);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = Json.mapper().readTree(refused.body());
        assertThat(problem.path("reason").asString()).isEqualTo("SCHEMA_VIOLATION");
        java.util.List<String> fields = new java.util.ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("$.publishedAt", "$.source.kind");
        problem.path("errors").forEach(e -> assertThat(e.path("message").asString()).isEqualTo("is required"));
        assertThat(problem.path("detail").asString()).contains("$.publishedAt: is required")
                .contains("$.source.kind: is required").doesNotContain("$: ")
                .endsWith("(schema canonical-input.schema.json)");

        await().atMost(Duration.ofSeconds(30)).until(() -> REJECTED.stream().anyMatch(r -> value(r).equals(missing)));
        assertThat(header(REJECTED.stream().filter(r -> value(r).equals(missing)).findFirst().orElseThrow(),
                Topics.HEADER_REJECT_DETAIL)).contains("$.publishedAt: is required")
                .contains("$.source.kind: is required");

        HttpResponse<String> dry = post("?dryRun=true", missing);
        assertThat(Json.mapper().readTree(dry.body()).path("rejections").path(0).path("errors").path(0)
                .path("field").asString()).startsWith("$.");
    }

    /** The partner's example: an event on 23 November in a report published on 20 November is refused, named. */
    @Test
    void aReportPublishedBeforeItsEventIsTimeOutOfRange() throws Exception {
        String ref = uniqueRef("before");
        String early = report(ref, "2025-04-06T01:00:00Z", ",\"timePrecision\":\"MINUTE\"");
        HttpResponse<String> dry = post("?dryRun=true", early);
        assertThat(dry.statusCode()).isEqualTo(200);
        JsonNode rejection = Json.mapper().readTree(dry.body()).path("rejections").path(0);
        assertThat(rejection.path("reason").asString()).isEqualTo("TIME_OUT_OF_RANGE");
        assertThat(rejection.path("detail").asString()).isEqualTo("occurredAt 2025-04-06T01:00Z is 2 days 19 hours "
                + "after publishedAt 2025-04-03T10:00+04:00: a report cannot describe an event that has not happened "
                + "yet (allowed: 10 minutes)");
        assertThat(rejection.path("errors").path(0).path("field").asString()).isEqualTo("$.occurredAt");
        HttpResponse<String> refused = post("", early);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(refused.body()).path("reason").asString()).isEqualTo("TIME_OUT_OF_RANGE");
    }
}
