package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.SseClient;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Query parameters through the real server: a parameter an endpoint does not take is a 400 naming it and the
 * allowed ones (never a filter that silently matches everything), list filters take the singular and the plural
 * name, repeated and comma-separated, the same way on the verdicts, the alerts and the live stream, and an offset's
 * {@code +} that arrived as a space still means {@code +}.
 */
class QueryParametersIT extends AlertServiceITSupport {

    private static JsonNode json(String s) {
        return Json.tree(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts a 400 problem of type invalid-request and returns its detail. */
    private static String refused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:borderwatch:problem:invalid-request");
        return problem.get("detail").asString();
    }

    @Test
    void aParameterAnEndpointDoesNotTakeIsA400NamingItAndTheAllowedOnesOnEveryEndpoint() {
        String verdicts = refused(get("/api/v1/verdicts?sevrity=HIGH", "staff1"));
        assertThat(verdicts).contains("parameter 'sevrity' is not known").contains("allowed: ")
                .contains("severity").contains("severities").contains("segment").contains("segments")
                .contains("minSeverity").contains("from").contains("to").contains("page").contains("size");
        assertThat(refused(get("/api/v1/alerts?statuses=FIRING", "staff1")))
                .contains("parameter 'statuses' is not known").contains("status").contains("segments")
                .contains("signals").contains("occurrences").contains("from");
        assertThat(refused(call("GET", "/api/v1/alerts/stream?sevrity=HIGH", "staff1", null, "text/event-stream")))
                .contains("parameter 'sevrity' is not known").contains("minSeverity").contains("severities")
                .contains("lastEventId")
                .contains("timeoutMillis").contains("subscription");
        UUID any = UUID.randomUUID();
        for (String path : List.of("/api/v1/verdicts/" + any, "/api/v1/alerts/" + any,
                "/api/v1/alerts/" + any + "/deliveries", "/api/v1/alerts/" + any + "/audit", "/api/v1/subscriptions",
                "/api/v1/subscriptions/" + any, "/api/v1/silences", "/api/v1/silences/" + any)) {
            assertThat(refused(get(path + "?verbose=true", "staff1"))).as(path)
                    .isEqualTo("parameter 'verbose' is not known; this endpoint takes no query parameters");
        }
        // the name is decoded before it is checked, and an encoded known name is known
        assertThat(get("/api/v1/verdicts?s%65gment=TAVUSH", "staff1").statusCode()).isEqualTo(200);

        // refused before anything is done: no subscription is created under a parameter that was not understood
        var created = call("POST", "/api/v1/subscriptions?dryRun=true", "staff1", """
                {"name":"query-typo-sub","channel":{"type":"stream"},"filter":{}}""", "application/json");
        assertThat(refused(created)).contains("'dryRun'");
        assertThat(get("/api/v1/subscriptions", "staff1").body()).doesNotContain("query-typo-sub");
    }

    @Test
    void verdictListFiltersTakeEitherNameRepeatedAndCommaSeparated() {
        var t = Fixtures.EVENT_TIME.plusYears(61);
        UUID tavush = UUID.randomUUID();
        UUID ararat = UUID.randomUUID();
        UUID karabakh = UUID.randomUUID();
        sendAssessments(
                Fixtures.assessment(tavush, 1, BorderSegment.TAVUSH, Severity.HIGH, Occurrence.CONFIRMED, false,
                        t, SignalType.FATALITIES),
                Fixtures.assessment(ararat, 1, BorderSegment.ARARAT, Severity.LOW, Occurrence.DISPUTED, false,
                        t.plusHours(1), SignalType.UNCORROBORATED_SURGE),
                Fixtures.assessment(karabakh, 1, BorderSegment.KARABAKH, Severity.CRITICAL, Occurrence.UNVERIFIED,
                        false, t.plusHours(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/verdicts/" + karabakh, "staff1")
                .statusCode() == 200 && get("/api/v1/verdicts/" + tavush, "staff1").statusCode() == 200
                && get("/api/v1/verdicts/" + ararat, "staff1").statusCode() == 200);
        String window = "&from=" + t.minusHours(1).toInstant() + "&to=" + t.plusHours(6).toInstant();

        assertThat(verdictIds("segments=TAVUSH" + window)).as("the plural filters, it is not ignored")
                .containsExactly(tavush);
        assertThat(verdictIds("segment=TAVUSH" + window)).containsExactly(tavush);
        assertThat(verdictIds("segment=TAVUSH,ARARAT" + window)).containsExactly(ararat, tavush);
        assertThat(verdictIds("segments=TAVUSH&segments=KARABAKH" + window)).containsExactly(karabakh, tavush);
        assertThat(verdictIds("segment=TAVUSH&segments=ARARAT,KARABAKH" + window))
                .containsExactly(karabakh, ararat, tavush);
        assertThat(verdictIds("severity=LOW,CRITICAL" + window)).containsExactly(karabakh, ararat);
        assertThat(verdictIds("severities=HIGH&severity=LOW" + window)).containsExactly(ararat, tavush);
        assertThat(verdictIds("minSeverity=HIGH" + window)).containsExactly(karabakh, tavush);
        assertThat(verdictIds("minSeverity=HIGH&severity=LOW,HIGH" + window)).containsExactly(tavush);
        assertThat(verdictIds("minSeverity=CRITICAL&severity=LOW" + window)).as("both must hold").isEmpty();
        assertThat(verdictIds("occurrences=CONFIRMED,UNVERIFIED" + window)).containsExactly(karabakh, tavush);
        assertThat(verdictIds("occurrence=DISPUTED" + window)).containsExactly(ararat);
        assertThat(verdictIds("signals=FATALITIES&signal=UNCORROBORATED_SURGE" + window))
                .containsExactly(ararat, tavush);
        assertThat(verdictIds("signal=FATALITIES" + window)).containsExactly(tavush);

        assertThat(refused(get("/api/v1/verdicts?segments=TAVUSH,SYUNIK", "staff1")))
                .contains("parameter 'segments'").contains("SYUNIK_EAST").contains("got 'SYUNIK'");
        assertThat(refused(get("/api/v1/verdicts?severities=high", "staff1"))).contains("parameter 'severities'");

        // the links of a page keep the list parameters exactly as sent
        var paged = get("/api/v1/verdicts?segment=TAVUSH&segments=ARARAT,KARABAKH&size=1" + window, "staff1");
        assertThat(paged.headers().firstValue("X-Total-Count")).hasValue("3");
        assertThat(paged.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link)
                .contains("?segment=TAVUSH&segments=ARARAT,KARABAKH&from="));
    }

    @Test
    void aPlusOfAnOffsetThatArrivedAsASpaceIsReadAsPlusAndTheWindowIsEventTime() {
        // event time 2025+62-03-16 10:40 … 11:10 at +04:00 = 06:40 … 07:10 UTC
        var t = Fixtures.EVENT_TIME.plusYears(62);
        UUID incident = UUID.randomUUID();
        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.GEGHARKUNIK, Severity.MEDIUM,
                Occurrence.UNVERIFIED, false, t));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/verdicts/" + incident, "staff1")
                .statusCode() == 200);
        String day = t.toLocalDate().toString();
        // other tests' incidents may lie in these open-ended windows too: only this one's presence is checked

        // '+' written into the URL unencoded (arrives as a space), encoded as %2B, and as a literal space
        for (String plus : List.of("+", "%2B", "%20")) {
            assertThat(verdictIds("size=500&segment=GEGHARKUNIK&from=" + day + "T11:00:00" + plus + "04:00"))
                    .as("window ends 11:10 +04:00, after 11:00 +04:00 (%s)", plus).contains(incident);
            assertThat(verdictIds("size=500&segment=GEGHARKUNIK&from=" + day + "T11:20:00" + plus + "04:00"))
                    .as("window ended before 11:20 +04:00 (%s)", plus).doesNotContain(incident);
            assertThat(verdictIds("size=500&segment=GEGHARKUNIK&from=" + day + "T00:00:00" + plus + "04:00&to=" + day
                    + "T10:30:00" + plus + "04:00")).as("window starts after 10:30 +04:00 (%s)", plus)
                    .doesNotContain(incident);
        }
        // the same instants in UTC
        assertThat(verdictIds("size=500&segment=GEGHARKUNIK&from=" + day + "T07:00:00Z&to=" + day + "T07:00:00Z"))
                .contains(incident);
        assertThat(verdictIds("size=500&segment=GEGHARKUNIK&from=" + day + "T07:11:00Z")).doesNotContain(incident);
        // the offset wins over the receipt time: the verdict was received now, decades before its event time
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(verdictIds("size=500&segment=GEGHARKUNIK&from=" + now.minusHours(1).toInstant() + "&to="
                + now.plusHours(1).toInstant())).doesNotContain(incident);

        assertThat(refused(get("/api/v1/verdicts?from=" + day + "T11:00:00+4:00", "staff1")))
                .contains("parameter 'from'").contains("+04:00").contains("got '" + day + "T11:00:00 4:00'");
    }

    @Test
    void alertListFiltersTakeTheSameNames() {
        var t = Fixtures.EVENT_TIME.plusYears(63);
        UUID tavush = UUID.randomUUID();
        UUID ararat = UUID.randomUUID();
        UUID karabakh = UUID.randomUUID();
        sendAssessments(
                Fixtures.assessment(tavush, 1, BorderSegment.TAVUSH, Severity.HIGH, Occurrence.CONFIRMED, false, t,
                        SignalType.FATALITIES),
                Fixtures.assessment(ararat, 1, BorderSegment.ARARAT, Severity.LOW, Occurrence.DISPUTED, false,
                        t.plusHours(1), SignalType.CLAIM_SURGE, SignalType.FATALITIES),
                Fixtures.assessment(karabakh, 1, BorderSegment.KARABAKH, Severity.CRITICAL, Occurrence.UNVERIFIED,
                        false, t.plusHours(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(tavush, ararat, karabakh).stream().allMatch(i ->
                get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(i), "staff1").statusCode() == 200));
        List<UUID> mine = List.of(tavush, ararat, karabakh);

        assertThat(alertIncidents("segments=TAVUSH", mine)).containsExactly(tavush);
        assertThat(alertIncidents("segment=TAVUSH,ARARAT", mine)).containsExactlyInAnyOrder(tavush, ararat);
        assertThat(alertIncidents("segments=TAVUSH&segment=KARABAKH&minSeverity=HIGH", mine))
                .containsExactlyInAnyOrder(tavush, karabakh);
        assertThat(alertIncidents("severity=LOW&severities=CRITICAL", mine))
                .containsExactlyInAnyOrder(ararat, karabakh);
        assertThat(alertIncidents("status=FIRING&severities=HIGH,LOW&segment=ARARAT", mine))
                .containsExactly(ararat);
        assertThat(alertIncidents("occurrences=CONFIRMED,UNVERIFIED", mine))
                .containsExactlyInAnyOrder(tavush, karabakh);
        assertThat(alertIncidents("occurrence=DISPUTED", mine)).containsExactly(ararat);
        assertThat(alertIncidents("signal=FATALITIES", mine)).containsExactlyInAnyOrder(tavush, ararat);
        assertThat(alertIncidents("signals=CLAIM_SURGE&minSeverity=LOW", mine)).containsExactly(ararat);
        // event time, as for verdicts: windows t … t+30m, t+1h … t+1h30m, t+2h … t+2h30m
        String day = t.toLocalDate().toString();
        assertThat(alertIncidents("from=" + day + "T11:20:00+04:00&to=" + day + "T12:00:00%2004:00", mine))
                .containsExactly(ararat);
        assertThat(alertIncidents("from=" + t.plusHours(1).plusMinutes(45).toInstant(), mine))
                .containsExactly(karabakh);

        // alerts written before the fields existed get them at start-up (here: the same pass, called again)
        for (UUID incident : mine) {
            mongo.getCollection("alerts").updateOne(com.mongodb.client.model.Filters.eq("incidentId",
                            incident.toString()),
                    com.mongodb.client.model.Updates.combine(com.mongodb.client.model.Updates.unset("signals"),
                            com.mongodb.client.model.Updates.unset("occurrence")));
        }
        assertThat(alertIncidents("signal=FATALITIES", mine)).isEmpty();
        alertStore.backfillFilterFields();
        assertThat(alertIncidents("signal=FATALITIES", mine)).containsExactlyInAnyOrder(tavush, ararat);
        assertThat(alertIncidents("occurrence=DISPUTED", mine)).containsExactly(ararat);
        assertThat(alertStore.backfillFilterFields()).as("once").isZero();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @org.springframework.beans.factory.annotation.Autowired
    org.borderwatch.alert.store.AlertStore alertStore;

    @Test
    void theLiveStreamTakesTheSingularNamesToo() {
        var t = Fixtures.EVENT_TIME.plusYears(64);
        UUID wanted = UUID.randomUUID();
        UUID otherSignal = UUID.randomUUID();
        UUID otherOccurrence = UUID.randomUUID();
        UUID otherSeverity = UUID.randomUUID();
        try (SseClient sse = SseClient.connect(port, "/api/v1/alerts/stream?segment=VAYOTS_DZOR_WEST"
                + "&signal=FATALITIES,CLAIM_SURGE&occurrence=CONFIRMED&severity=CRITICAL&severities=HIGH", "staff1",
                null)) {
            sendAssessments(
                    Fixtures.assessment(otherSeverity, 1, BorderSegment.VAYOTS_DZOR_WEST, Severity.MEDIUM,
                            Occurrence.CONFIRMED, false, t, SignalType.CLAIM_SURGE),
                    Fixtures.assessment(otherSignal, 1, BorderSegment.VAYOTS_DZOR_WEST, Severity.HIGH,
                            Occurrence.CONFIRMED, false, t, SignalType.UNCORROBORATED_SURGE),
                    Fixtures.assessment(otherOccurrence, 1, BorderSegment.VAYOTS_DZOR_WEST, Severity.HIGH,
                            Occurrence.DISPUTED, false, t, SignalType.FATALITIES),
                    Fixtures.assessment(wanted, 1, BorderSegment.VAYOTS_DZOR_WEST, Severity.HIGH,
                            Occurrence.CONFIRMED, false, t, SignalType.CLAIM_SURGE));
            await().atMost(Duration.ofSeconds(30)).until(() -> sse.alerts().stream()
                    .anyMatch(f -> f.alert().incidentId().equals(wanted)));
            // all three are written before the wanted one is streamed (one transaction, one consumer, in order)
            assertThat(sse.alerts()).extracting(f -> f.alert().incidentId())
                    .filteredOn(List.of(wanted, otherSignal, otherOccurrence, otherSeverity)::contains)
                    .containsExactly(wanted);
        }
        // a stream subscription's filter or the parameters, never one of them silently ignored
        assertThat(refused(call("GET", "/api/v1/alerts/stream?subscription=" + UUID.randomUUID() + "&segment=TAVUSH",
                "staff1", null, "text/event-stream"))).contains("'subscription'").contains("segment");
    }

    private List<UUID> verdictIds(String query) {
        var response = get("/api/v1/verdicts?" + query, "staff1");
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        List<UUID> out = new ArrayList<>();
        json(response.body()).forEach(v -> out.add(UUID.fromString(v.get("incidentId").asString())));
        return out;
    }

    /** The incidents among {@code mine} whose alerts the alert list returns for the query. */
    private List<UUID> alertIncidents(String query, List<UUID> mine) {
        var response = get("/api/v1/alerts?size=500&" + query, "staff1");
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        List<UUID> out = new ArrayList<>();
        json(response.body()).forEach(a -> {
            UUID incident = UUID.fromString(a.get("incidentId").asString());
            if (mine.contains(incident)) {
                out.add(incident);
            }
        });
        return out;
    }
}
