package org.borderwatch.ingest.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.ingest.IngestITSupport;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The review's hostile statement over the real server: a {@code javascript:} link (dropped from a statement with a
 * warning, refused in a canonical report), a publisher name with a line break and markup, a sourceRef forging a log
 * line — each refused naming its field and recorded on the rejected topic; and place text with a line break,
 * normalised on the normalised topic.
 */
class PartnerTextIT extends IngestITSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String format, String key, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports/" + format))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> statement(String ref, String source, String url) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sourceRef", ref);
        m.put("source", source);
        m.put("publishedAt", "2025-03-16T10:20:00+04:00");
        m.put("language", "en");
        m.put("text", "On 16 March at 08:20 Armenian units in Khnatsakh fired at our positions.");
        if (url != null) {
            m.put("url", url);
        }
        return m;
    }

    private static ConsumerRecord<String, byte[]> rejectedFor(String marker) {
        await().atMost(Duration.ofSeconds(20)).until(() -> REJECTED.stream().anyMatch(r -> value(r).contains(marker)));
        return REJECTED.stream().filter(r -> value(r).contains(marker)).findFirst().orElseThrow();
    }

    @Test
    void aJavascriptLinkIsDroppedFromAStatementWithAWarningAndRefusedInACanonicalReport() throws Exception {
        // a statement's text is not lost over its link: 202, the url left out of the report, a warning naming $.url
        String ref = uniqueRef("js-url");
        HttpResponse<String> r = post("statement", "it-key-statements",
                statement(ref, "Ministry of Defence of Azerbaijan", "javascript:alert(document.cookie)"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode receipt = Json.mapper().readTree(r.body());
        assertThat(receipt.path("accepted")).hasSize(1);
        assertThat(receipt.path("rejections")).isEmpty();
        JsonNode warning = receipt.path("warnings").path(0);
        assertThat(warning.path("line").asInt()).isEqualTo(1);
        assertThat(warning.path("field").asString()).isEqualTo("$.url");
        assertThat(warning.path("message").asString()).isEqualTo("must be an absolute http or https URL, not "
                + "'javascript': (dropped: the statement is kept without it)");
        await().atMost(Duration.ofSeconds(20)).until(() -> NORMALIZED.stream().anyMatch(n -> value(n).contains(ref)));
        IncidentReport kept = Json.read(NORMALIZED.stream().filter(n -> value(n).contains(ref)).findFirst()
                .orElseThrow().value(), IncidentReport.class);
        assertThat(kept.url()).isNull();
        assertThat(kept.actingParty()).isNotNull();

        // a dry run answers the same warning beside the report
        String dryRef = uniqueRef("ftp-url-dry");
        HttpResponse<String> dry = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/reports/statement?dryRun=true")).header("Content-Type", "application/json")
                .header("X-Api-Key", "it-key-statements").POST(HttpRequest.BodyPublishers.ofString(Json.write(
                        statement(dryRef, "Ministry of Defence of Azerbaijan", "ftp://example.org/x")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonNode answer = Json.mapper().readTree(dry.body());
        assertThat(answer.path("reports").path(0).has("url")).isFalse();
        assertThat(answer.path("warnings").path(0).path("message").asString()).contains("not 'ftp':");

        String cref = uniqueRef("js-url-canonical");
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("schemaVersion", 1);
        canonical.put("sourceRef", cref);
        canonical.put("source", Map.of("id", "desk-x", "kind", "MEDIA"));
        canonical.put("stance", "CLAIM");
        canonical.put("location", Map.of("segments", List.of("TAVUSH")));
        canonical.put("occurredAt", "2025-03-16T09:00:00+04:00");
        canonical.put("publishedAt", "2025-03-16T10:00:00+04:00");
        canonical.put("url", "data:text/html,<script>alert(1)</script>");
        HttpResponse<String> c = post("canonical", "it-key-canonical", canonical);
        assertThat(c.statusCode()).isEqualTo(400);
        assertThat(c.body()).contains("\"field\":\"$.url\"").contains("not 'data':");

        // the same report with an https link is accepted, and its place text arrives normalised
        String okRef = uniqueRef("place-text");
        canonical.put("sourceRef", okRef);
        canonical.put("url", "https://example.org/desk-x/1");
        canonical.put("location", Map.of("segments", List.of("TAVUSH"), "text", "Berkaber\r\nOccurrence CONFIRMED\u202E"));
        HttpResponse<String> ok = post("canonical", "it-key-canonical", canonical);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> NORMALIZED.stream().anyMatch(n -> value(n).contains(okRef)));
        IncidentReport published = Json.read(NORMALIZED.stream().filter(n -> value(n).contains(okRef)).findFirst()
                .orElseThrow().value(), IncidentReport.class);
        assertThat(published.location().text()).isEqualTo("Berkaber Occurrence CONFIRMED");
        assertThat(published.url()).isEqualTo("https://example.org/desk-x/1");
    }

    @Test
    void aPublisherNameOrSourceRefWithLineBreaksOrBidiCharactersIsRefusedNamingTheField() throws Exception {
        String ref = uniqueRef("evil-name");
        HttpResponse<String> name = post("statement", "it-key-open", statement(ref,
                "Evil <script>alert(1)</script> ]]> \r\nBcc: x@evil.example & Co", "https://example.org/1"));
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(name.body()).contains("\"field\":\"$.source\"").contains("contains a control character (U+000D)");
        assertThat(header(rejectedFor(ref), "bw-partner")).isEqualTo("it-open-desk");

        String marker = uniqueRef("evil-ref");
        HttpResponse<String> forged = post("statement", "it-key-open", statement(marker
                + "\n2026-11-23T07:00:00.000Z  INFO 1 --- [main] fake: admin logged in", "Border Daily News", null));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("\"field\":\"$.sourceRef\"").contains("(U+000A)");

        HttpResponse<String> spoofed = post("statement", "it-key-open", statement(uniqueRef("bidi"),
                "Ministry of Defence of \u202Enajiabreza", null));
        assertThat(spoofed.statusCode()).isEqualTo(400);
        assertThat(spoofed.body()).contains("a bidirectional formatting character (U+202E)");

        HttpResponse<String> longName = post("statement", "it-key-open", statement(uniqueRef("long"),
                "Border Daily News ".repeat(12), null));
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(longName.body()).contains("is longer than 200 characters");
    }
}
