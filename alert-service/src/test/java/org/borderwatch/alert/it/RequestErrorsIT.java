package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.common.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The framework's own request errors (body missing, not JSON, a value of the wrong type; a path variable or query
 * parameter that does not convert) answered by the real server as this service's problems, naming the field.
 */
class RequestErrorsIT extends AlertServiceITSupport {

    private static final String WEBHOOK = """
            "channel":{"type":"webhook","url":"http://127.0.0.1:9/h","secret":"0123456789abcdef0"}""";

    /** Asserts a 400 problem of this service and returns its detail. */
    private static String badRequestDetail(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Json.tree(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(problem.get("type").asString()).isEqualTo("urn:borderwatch:problem:invalid-request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Failed to read request").doesNotContain("Exception")
                .doesNotContain("org.borderwatch").doesNotContain("tools.jackson").doesNotContain("\tat ")
                .doesNotContain("trace");
        return problem.get("detail").asString();
    }

    @Test
    void anUnknownEnumValueInTheBodyNamesTheFieldAndTheAllowedValues() {
        String detail = badRequestDetail(post("/api/v1/subscriptions", "staff1",
                "{\"name\":\"x\"," + WEBHOOK + ",\"filter\":{\"segments\":[\"SYUNIK\"]}}"));

        assertThat(detail).contains("filter.segments[0]").contains("SYUNIK_EAST").contains("SYUNIK_WEST")
                .contains("TAVUSH").contains("'SYUNIK'");

        String review = badRequestDetail(post("/api/v1/verdicts/" + UUID.randomUUID() + "/review", "staff1",
                "{\"occurrence\":\"MAYBE\",\"note\":\"n\"}"));
        assertThat(review).contains("'occurrence'").contains("CONFIRMED").contains("REFUTED");
        String duration = badRequestDetail(post("/api/v1/subscriptions", "staff1",
                "{\"name\":\"x\"," + WEBHOOK + ",\"groupWait\":\"soon\"}"));
        assertThat(duration).contains("groupWait").contains("duration");
    }

    /** Security review F7: free text is bounded and holds no control characters; nothing is created. */
    @Test
    void overlongTextAndControlCharactersAreRefusedNamingTheField() {
        String marker = "f7-" + UUID.randomUUID();
        String longName = badRequestDetail(post("/api/v1/subscriptions", "staff1",
                "{\"name\":\"" + marker + "x".repeat(200) + "\"," + WEBHOOK + "}"));
        assertThat(longName).contains("name is " + (marker.length() + 200) + " characters long; at most 200");
        String header = badRequestDetail(post("/api/v1/subscriptions", "staff1",
                "{\"name\":\"" + marker + "\\r\\nBcc: evil@attacker.example\"," + WEBHOOK + "}"));
        assertThat(header).contains("name contains the control character U+000D").contains("one line");
        assertThat(get("/api/v1/subscriptions", "staff1").body()).doesNotContain(marker);

        String reason = badRequestDetail(post("/api/v1/silences", "staff1", """
                {"segments":["VAYOTS_DZOR_EAST"],"sources":["%s"],"endsAt":"%s","reason":"%s"}"""
                .formatted(marker, java.time.Instant.now().plusSeconds(3600), "r".repeat(2001))));
        assertThat(reason).contains("reason is 2001 characters long; at most 2000");
        assertThat(get("/api/v1/silences", "staff1").body()).doesNotContain(marker);

        String comment = badRequestDetail(post("/api/v1/alerts/" + UUID.randomUUID() + "/ack", "staff1",
                "{\"comment\":\"seen\\u001b[2J\"}"));
        assertThat(comment).contains("comment contains the control character U+001B").contains("line breaks");
        String note = badRequestDetail(post("/api/v1/verdicts/" + UUID.randomUUID() + "/review", "staff1",
                "{\"occurrence\":\"CONFIRMED\",\"note\":\"" + "n".repeat(2001) + "\"}"));
        assertThat(note).contains("note is 2001 characters long; at most 2000");
        assertThat(post("/api/v1/alerts/" + UUID.randomUUID() + "/ack", "staff1",
                "{\"comment\":\"seen\\nwatching Sotk\"}").statusCode()).as("a line break is fine: the alert is "
                + "just unknown").isEqualTo(404);
    }

    @Test
    void anUnknownFieldInABodyIsRefusedNamingItAndTheAllowedOnesAndNothingIsCreated() {
        String silence = badRequestDetail(post("/api/v1/silences", "staff1", """
                {"segments":["VAYOTS_DZOR_EAST"],"signal":["CLAIM_SURGE"],"endsAt":"2099-01-01T00:00:00Z",
                 "reason":"typo"}"""));
        assertThat(silence).contains("'signal'").contains("is not known").contains("signals").contains("segments")
                .contains("sources").contains("endsAt");
        assertThat(get("/api/v1/silences", "staff1").body()).as("no silence was created")
                .doesNotContain("typo");

        String filter = badRequestDetail(post("/api/v1/subscriptions", "staff1",
                "{\"name\":\"typo-sub\"," + WEBHOOK + ",\"filter\":{\"segment\":[\"TAVUSH\"]}}"));
        assertThat(filter).contains("'filter.segment'").contains("segments").contains("minSeverity")
                .contains("signals").contains("occurrences");
        String severity = badRequestDetail(post("/api/v1/subscriptions", "staff1",
                "{\"name\":\"typo-sub\"," + WEBHOOK + ",\"filter\":{\"minSeverty\":\"HIGH\"}}"));
        assertThat(severity).contains("'filter.minSeverty'").contains("minSeverity");
        String top = badRequestDetail(post("/api/v1/subscriptions", "staff1",
                "{\"name\":\"typo-sub\"," + WEBHOOK + ",\"filters\":{}}"));
        assertThat(top).contains("'filters'").contains("filter").contains("channel");
        assertThat(get("/api/v1/subscriptions", "staff1").body()).doesNotContain("typo-sub");
    }

    @Test
    void xmlIsOnlyTheCapOfOneAlertAndEveryOtherXmlAcceptIsA406Problem() {
        // YAML neither: an undocumented representation (it wrote absent values as null)
        for (String accept : new String[] {"application/cap+xml", "application/xml", "text/xml", "application/yaml"}) {
            for (String path : new String[] {"/api/v1/alerts", "/api/v1/subscriptions", "/api/v1/silences",
                    "/api/v1/verdicts", "/api/v1/alerts/" + UUID.randomUUID() + "/audit"}) {
                var response = call("GET", path, "staff1", null, accept);
                // an unknown alert's audit is a 404 before any representation is chosen: a problem all the same
                boolean unknown = path.endsWith("/audit");
                assertThat(response.statusCode()).as(accept + " " + path + ": " + response.body())
                        .isEqualTo(unknown ? 404 : 406);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(Json.tree(response.body().getBytes(StandardCharsets.UTF_8)).get("type").asString())
                        .isEqualTo(unknown ? "urn:borderwatch:problem:not-found"
                                : "urn:borderwatch:problem:not-acceptable");
                assertThat(response.body()).doesNotContain("<");
            }
        }
        assertThat(call("GET", "/api/v1/alerts", "staff1", null, "application/xml").body())
                .as("YAML is not offered either").doesNotContain("yaml");
        var plainXml = call("GET", "/api/v1/alerts/" + UUID.randomUUID(), "staff1", null, "application/xml");
        assertThat(plainXml.statusCode()).isEqualTo(406);
        assertThat(plainXml.body()).contains("application/cap+xml").contains("urn:borderwatch:problem:not-acceptable");
        assertThat(call("GET", "/api/v1/alerts", "staff1", null, "application/json").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/alerts/" + UUID.randomUUID(), "staff1", null, "*/*").statusCode())
                .as("JSON by default: the alert does not exist").isEqualTo(404);
    }

    @Test
    void anAlertStatusFilterIsOneOfTheStatusesLikeTheOtherFilters() {
        assertThat(badRequestDetail(get("/api/v1/alerts?status=OPEN", "staff1")))
                .contains("'status'").contains("FIRING").contains("RESOLVED").contains("'OPEN'");
        assertThat(get("/api/v1/alerts?status=FIRING", "staff1").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/alerts?status=firing", "staff1").statusCode())
                .as("as strict as ?severity=")
                .isEqualTo(get("/api/v1/alerts?severity=high", "staff1").statusCode());
    }

    @Test
    void anUnreadableOrMissingBodyIsAProblem() {
        assertThat(badRequestDetail(post("/api/v1/subscriptions", "staff1", "{\"name\": \"x\", "))).contains("JSON");
        assertThat(badRequestDetail(post("/api/v1/subscriptions", "staff1", "not json at all")))
                .contains("not valid JSON");
        assertThat(badRequestDetail(call("POST", "/api/v1/subscriptions", "staff1", "", "application/json")))
                .contains("request body is required");
        assertThat(badRequestDetail(post("/api/v1/subscriptions", "staff1", "{\"name\":\"x\",\"filter\":[1]}")))
                .contains("'filter'");
    }

    @Test
    void aPathVariableOrQueryParameterThatDoesNotConvertNamesIt() {
        assertThat(badRequestDetail(get("/api/v1/verdicts/not-a-uuid", "staff1")))
                .contains("'incidentId'").contains("UUID").contains("'not-a-uuid'");
        assertThat(badRequestDetail(get("/api/v1/verdicts?from=yesterday", "staff1")))
                .contains("'from'").contains("ISO-8601").contains("'yesterday'");
        assertThat(badRequestDetail(get("/api/v1/verdicts?segment=NOWHERE", "staff1")))
                .contains("'segment'").contains("GEGHARKUNIK").contains("KARABAKH");
        assertThat(badRequestDetail(get("/api/v1/verdicts?page=first", "staff1")))
                .contains("'page'").contains("whole number");
        assertThat(badRequestDetail(get("/api/v1/alerts/123/deliveries", "staff1"))).contains("UUID");
    }

    @Test
    void otherFrameworkErrorsCarryThisServicesProblemType() {
        var wrongType = call("POST", "/api/v1/alerts/" + UUID.randomUUID() + "/ack", "staff1", null,
                "application/json");
        assertThat(wrongType.statusCode()).isIn(400, 415);
        assertThat(wrongType.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.tree(wrongType.body().getBytes(StandardCharsets.UTF_8)).get("type").asString())
                .startsWith("urn:borderwatch:problem:");
        var method = call("PUT", "/api/v1/subscriptions", "staff1", "{}", "application/json");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(Json.tree(method.body().getBytes(StandardCharsets.UTF_8)).get("type").asString())
                .isEqualTo("urn:borderwatch:problem:method-not-allowed");
    }

    @Test
    void anUnexpectedErrorIsA500ProblemWithAnErrorIdAndNoInternals() {
        var response = get("/api/v1/test-only/failure", "staff1");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        var body = org.borderwatch.common.json.Json.tree(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(body.get("type").asString()).isEqualTo("urn:borderwatch:problem:internal-error");
        assertThat(body.get("detail").asString()).contains(body.get("errorId").asString());
        assertThat(response.body()).doesNotContain("org.example").doesNotContain("IllegalStateException")
                .doesNotContain("\tat ");
        assertThat(get("/api/v1/test-only/failure", null).statusCode()).as("still needs credentials").isEqualTo(401);
    }

    /** Operator review finding 9: a store that does not answer is a quick 503 to retry, not an "internal error". */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"store", "driver"})
    void aStoreThatDoesNotAnswerIsA503ProblemWithRetryAfter(String via) {
        long started = System.nanoTime();
        var response = get("/api/v1/test-only/unreachable-store?via=" + via, "staff1");
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).as("alert.store.retry-after, in seconds")
                .hasValue("10");
        var body = Json.tree(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(body.get("type").asString()).isEqualTo("urn:borderwatch:problem:store-unavailable");
        assertThat(body.get("status").asInt()).isEqualTo(503);
        assertThat(body.get("title").asString()).isEqualTo("Store unavailable");
        assertThat(body.get("detail").asString()).contains("store does not answer").contains("retry");
        assertThat(body.has("errorId")).as("not an internal error").isFalse();
        assertThat(response.body()).doesNotContain("Mongo").doesNotContain("\tat ");
        assertThat(tookMs).as("bounded by the client's server selection timeout, not 20 s").isLessThan(10_000);
    }
}
