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
 * needs its registry kind and party and may not flip the stance of the report it corrects (and a raw topic with an
 * allow-list carries only its sources); over HTTP a partner key sends reports of registry sources, in every format,
 * only when it was granted them.
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

    /**
     * The review's hole: a statement is as weighty as a canonical report, so a key may send statements (and ACLED
     * rows) of a registry source only with a grant; an observer's "no incidents" from a key without one is refused,
     * named, and recorded with the partner's name — and the claim it would have refuted stands alone.
     */
    @Test
    void aStatementOfARegistrySourceNeedsTheKeysGrantInEveryFormat() throws Exception {
        String ref = uniqueRef("euma-spoof");
        String refutation = "{\"sourceRef\":\"" + ref + "\",\"source\":\"EU Mission in Armenia\","
                + "\"publishedAt\":\"2025-03-18T12:00:00+04:00\",\"language\":\"en\",\"text\":\"EUMA patrols on "
                + "16 and 17 March in Syunik and Gegharkunik observed no incidents.\"}";
        HttpResponse<String> refused = post("statement", "it-key-open", refutation);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = Json.mapper().readTree(refused.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:borderwatch:problem:rejected-input");
        assertThat(problem.path("reason").asString()).isEqualTo("SOURCE_NOT_ALLOWED");
        assertThat(problem.path("detail").asString()).isEqualTo("partner 'it-open-desk' may not send statement "
                + "reports of source 'euma' (a registered source: its key needs it listed in sources)");
        // a ministry's statement likewise, and a dataset's rows: ACLED rows are the registry's source acled
        String mod = uniqueRef("mod-spoof");
        assertThat(post("statement", "it-key-open", claim(mod)).statusCode()).isEqualTo(400);
        String acledId = "SPOOF" + System.nanoTime();
        HttpResponse<String> rows = post("acled", "it-key-open", "event_id_cnty,event_date,event_type,"
                + "sub_event_type,location\n" + acledId + ",2024-02-13,Battles,Armed clash,Nerkin Hand\n");
        assertThat(rows.statusCode()).as(rows.body()).isEqualTo(202);
        JsonNode rowRejection = Json.mapper().readTree(rows.body()).path("rejections").path(0);
        assertThat(rowRejection.path("reason").asString()).isEqualTo("SOURCE_NOT_ALLOWED");
        assertThat(rowRejection.path("detail").asString()).contains("'it-open-desk'").contains("'acled'");
        // a publisher the registry does not know speaks only for itself: open to every key
        String blog = uniqueRef("blog");
        assertThat(post("statement", "it-key-open", refutation.replace(ref, blog)
                .replace("EU Mission in Armenia", "Riverside Border Blog")).statusCode()).isEqualTo(202);
        // the key granted euma sends euma's statements, and no ministry's
        String granted = uniqueRef("euma-granted");
        assertThat(post("statement", "it-key-observer", refutation.replace(ref, granted)).statusCode())
                .isEqualTo(202);
        String observerMod = uniqueRef("observer-mod");
        HttpResponse<String> ministry = post("statement", "it-key-observer", claim(observerMod));
        assertThat(Json.mapper().readTree(ministry.body()).path("detail").asString()).isEqualTo("partner "
                + "'it-observer-desk' may not send statement reports of source 'az-mod' (its key's sources: euma)");

        await().atMost(Duration.ofSeconds(30)).until(() -> !normalized(blog).isEmpty() && !normalized(granted).isEmpty()
                && !rejected(ref).isEmpty() && !rejected(mod).isEmpty() && !rejected(acledId).isEmpty()
                && !rejected(observerMod).isEmpty());
        assertThat(normalized(ref)).isEmpty();
        assertThat(normalized(granted).get(0).source().id()).isEqualTo("euma");
        assertThat(normalized(granted).get(0).stance()).isEqualTo(Stance.REFUTATION);
        assertThat(NORMALIZED.stream().noneMatch(r -> value(r).contains(acledId))).isTrue();
        ConsumerRecord<String, byte[]> recorded = rejected(ref).get(0);
        assertThat(value(recorded)).isEqualTo(refutation);
        assertThat(header(recorded, Topics.HEADER_REJECT_REASON)).isEqualTo("SOURCE_NOT_ALLOWED");
        assertThat(header(recorded, Topics.HEADER_SOURCE)).isEqualTo("http");
        assertThat(header(recorded, ReportPublisher.HEADER_PARTNER)).isEqualTo("it-open-desk");
        assertThat(header(rejected(acledId).get(0), ReportPublisher.HEADER_PARTNER)).isEqualTo("it-open-desk");
        assertThat(normalized(mod)).isEmpty();
        assertThat(header(rejected(observerMod).get(0), ReportPublisher.HEADER_PARTNER))
                .isEqualTo("it-observer-desk");
    }

    /** F2: a key with allow-unregistered=false cannot invent a publisher; its granted source still goes through. */
    @Test
    void aKeyWithoutAllowUnregisteredCannotSendReportsOfAnInventedPublisher() throws Exception {
        String ref = uniqueRef("invented");
        String invented = "{\"sourceRef\":\"" + ref + "\",\"source\":\"Border Daily News\","
                + "\"publishedAt\":\"2025-04-02T11:00:00+04:00\",\"language\":\"en\",\"text\":\"On 2 April at 08:10 "
                + "Azerbaijani armed forces shelled Armenian positions near Sotk with artillery, killing five Armenian "
                + "soldiers.\"}";
        HttpResponse<String> refused = post("statement", "it-key-registered-only", invented);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = Json.mapper().readTree(refused.body());
        assertThat(problem.path("reason").asString()).isEqualTo("SOURCE_NOT_ALLOWED");
        assertThat(problem.path("detail").asString()).isEqualTo("partner 'it-registered-only' may not send statement "
                + "reports of publishers the registry does not know (source 'unregistered/border-daily-news'; its "
                + "key sets allow-unregistered: false)");
        String canonicalRef = uniqueRef("invented-canonical");
        HttpResponse<String> ownSource = post("it-key-registered-only", canonical(canonicalRef,
                "{\"id\":\"border-daily\",\"kind\":\"MEDIA\"}", "CLAIM"));
        assertThat(ownSource.statusCode()).as(ownSource.body()).isEqualTo(400);
        assertThat(ownSource.body()).contains("SOURCE_NOT_ALLOWED").contains("allow-unregistered: false");
        // the same key's granted registry source goes through; a key without the setting still sends the invented one
        String euma = uniqueRef("registered-only-euma");
        assertThat(post("statement", "it-key-registered-only", "{\"sourceRef\":\"" + euma + "\",\"source\":\"EUMA\","
                + "\"publishedAt\":\"2025-03-18T12:00:00+04:00\",\"language\":\"en\",\"text\":\"EUMA patrols on "
                + "16 and 17 March in Syunik observed no incidents.\"}").statusCode()).isEqualTo(202);
        String open = uniqueRef("invented-open");
        assertThat(post("statement", "it-key-open", invented.replace(ref, open)).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> !rejected(ref).isEmpty() && !normalized(euma).isEmpty()
                && !normalized(open).isEmpty());
        assertThat(normalized(ref)).isEmpty();
        assertThat(header(rejected(ref).get(0), ReportPublisher.HEADER_PARTNER)).isEqualTo("it-registered-only");
        assertThat(header(rejected(ref).get(0), Topics.HEADER_REJECT_REASON)).isEqualTo("SOURCE_NOT_ALLOWED");
        assertThat(normalized(open).get(0).source().id()).isEqualTo("unregistered/border-daily-news");
    }

    /** ingest.kafka.allowed-sources.canonical=az-mod,am-mod (IngestITSupport): that raw topic speaks for no one else. */
    @Test
    void aRawTopicWithAnAllowListCarriesOnlyItsSources() {
        String ref = uniqueRef("topic-euma");
        String euma = canonical(ref, "{\"id\":\"euma\",\"kind\":\"INDEPENDENT_OBSERVER\",\"party\":\"EU\"}",
                "REFUTATION");
        send(Topics.RAW_CANONICAL.name(), euma);
        String after = uniqueRef("topic-mod");
        send(Topics.RAW_CANONICAL.name(), canonical(after, "{\"id\":\"am-mod\",\"kind\":\"PARTY_OFFICIAL\"}",
                "CLAIM"));
        String own = uniqueRef("topic-own");
        send(Topics.RAW_CANONICAL.name(), canonical(own, "{\"id\":\"watch-ngo\",\"kind\":\"NGO\"}", "CLAIM"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !rejected(ref).isEmpty() && !normalized(after).isEmpty()
                && !normalized(own).isEmpty());
        ConsumerRecord<String, byte[]> refused = rejected(ref).get(0);
        assertThat(header(refused, Topics.HEADER_REJECT_REASON)).isEqualTo("SOURCE_NOT_ALLOWED");
        assertThat(header(refused, Topics.HEADER_REJECT_DETAIL)).isEqualTo("topic '" + Topics.RAW_CANONICAL.name()
                + "' may not carry canonical reports of source 'euma' (ingest.kafka.allowed-sources.canonical: "
                + "am-mod, az-mod)");
        assertThat(header(refused, Topics.HEADER_SOURCE)).isEqualTo(Topics.RAW_CANONICAL.name());
        assertThat(headerNames(refused)).as("a raw topic names no partner; the binder's headers stay off")
                .containsExactlyInAnyOrder(Topics.HEADER_REJECT_REASON, Topics.HEADER_REJECT_DETAIL,
                        Topics.HEADER_SOURCE);
        assertThat(normalized(ref)).isEmpty();
    }

    private HttpResponse<String> post(String key, String body) throws Exception {
        return post("canonical", key, body);
    }

    private HttpResponse<String> post(String format, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports/" + format))
                .header("Content-Type", format.equals("acled") ? "text/csv" : "application/json")
                .header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
