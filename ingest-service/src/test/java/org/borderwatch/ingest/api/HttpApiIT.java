package org.borderwatch.ingest.api;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.ingest.IngestITSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HttpApiIT extends IngestITSupport {

    private static final String KEY = "it-key-statements";
    private static final String CLAIM = "On 16 March at 08:20 Armenian units in Khnatsakh fired at our positions.";
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String key, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("X-Api-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postBytes(String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).header("X-Api-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Broken and hostile bodies over the real server (the audit's input classes, plus seeded random bytes): every
     * answer is 200/202 with each refused line named, or a 400 problem naming a documented reason — never a 5xx.
     */
    @Test
    void brokenBodiesAreAnsweredWithReasonsNeverWithAServerError() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20_251_122L);
        System.out.println("HttpApiIT fuzz seed " + seed);
        java.util.Random random = new java.util.Random(seed);
        String good = statement(uniqueRef("fuzz-http"), CLAIM);
        String csv = "event_id_cnty,event_date,event_type,location,notes,fatalities\n";
        java.util.Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put("statement/utf-8 BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(good)));
        int cut = good.indexOf("Khnatsakh") + 3;
        bodies.put("statement/invalid UTF-8", concat(concat(utf8(good.substring(0, cut)),
                new byte[] {(byte) 0xFF, (byte) 0xC3, 0x28}), utf8(good.substring(cut))));
        bodies.put("statement/raw NUL", utf8(good.replace("Armenian", "Arme\u0000nian")));
        bodies.put("statement/CRLF NDJSON", utf8(good + "\r\n" + statement(uniqueRef("fuzz-http"), CLAIM) + "\r\n"));
        bodies.put("statement/empty array", utf8("[]"));
        bodies.put("statement/non-object", utf8("42"));
        bodies.put("statement/null", utf8("null"));
        bodies.put("statement/empty", new byte[0]);
        bodies.put("statement/truncated", utf8(good.substring(0, good.length() / 2)));
        bodies.put("statement/deep nesting", utf8("[".repeat(3000)));
        bodies.put("statement/far future", utf8(good.replace("\"publishedAt\":\"", "\"publishedAt\":\"+99999")));
        bodies.put("statement/enormous number", utf8(good.replace("\"language\":\"en\"", "\"language\":1e999999")));
        bodies.put("canonical/wrong types", utf8("{\"reportId\":[],\"stance\":{},\"location\":7}"));
        bodies.put("acled/quoted newline", utf8(csv + "Z1,2024-02-13,Battles,Sotk,\"fired\nnear Sotk\",0\n"));
        bodies.put("acled/missing columns", utf8(csv + "Z2,2024-02-13\n"));
        bodies.put("acled/extra columns", utf8(csv + "Z3,2024-02-13,Battles,Sotk,x,0,extra,more\n"));
        bodies.put("acled/formula cells", utf8(csv + "Z4,2024-02-13,Battles,\"=cmd|' /C calc'!A0\",@SUM(A1),0\n"));
        bodies.put("acled/enormous fatalities", utf8(csv + "Z5,2024-02-13,Battles,Sotk,x," + "9".repeat(40) + "\n"));
        for (int i = 0; i < 12; i++) {
            byte[] noise = new byte[1 + random.nextInt(200)];
            random.nextBytes(noise);
            bodies.put((i % 3 == 0 ? "acled" : "statement") + "/random bytes " + i, noise);
        }
        java.util.Set<String> reasons = java.util.Arrays.stream(org.borderwatch.ingest.pipeline.RejectReason.values())
                .map(Enum::name).collect(java.util.stream.Collectors.toSet());
        for (var e : bodies.entrySet()) {
            String format = e.getKey().substring(0, e.getKey().indexOf('/'));
            String type = format.equals("acled") ? "text/csv" : "application/json";
            for (boolean dryRun : new boolean[] {false, true}) {
                HttpResponse<String> r = postBytes("/api/v1/reports/" + format + (dryRun ? "?dryRun=true" : ""), type,
                        e.getValue());
                String what = e.getKey() + (dryRun ? " (dry run)" : "") + ": " + r.statusCode() + " " + r.body();
                if (format.equals("canonical")) {
                    assertThat(r.statusCode()).as(what).isEqualTo(403); // this key may not send canonical
                    continue;
                }
                assertThat(r.statusCode()).as(what).isIn(200, 202, 400);
                JsonNode body = json(r);
                if (r.statusCode() == 400) {
                    assertThat(body.path("reason").asString()).as(what).isIn(reasons);
                    assertThat(body.path("detail").asString()).as(what).isNotBlank();
                } else {
                    body.path("rejections").forEach(rej -> {
                        assertThat(rej.path("reason").asString()).as(what).isIn(reasons).isNotEqualTo("PROCESSING_ERROR");
                        assertThat(rej.path("detail").asString()).as(what).isNotBlank();
                    });
                    int answered = body.path(dryRun ? "reports" : "accepted").size() + body.path("rejections").size()
                            + body.path("duplicates").size();
                    assertThat(answered).as(what + " answers nothing").isPositive();
                }
            }
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.tree(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void withoutAKeyTheAnswerIs401AndNothingIsRecorded() throws Exception {
        String ref = uniqueRef("nokey");
        HttpResponse<String> r = post("/api/v1/reports/statement", null, "application/json", statement(ref, CLAIM));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(json(r).path("type").asString()).isEqualTo("urn:borderwatch:problem:unauthorized");
        assertThat(post("/api/v1/reports/statement", "wrong", "application/json", statement(ref, CLAIM)).statusCode())
                .isEqualTo(401);
    }

    /**
     * A broker that does not confirm a send within ingest.publish-timeout (4 s here; {@code SlowBrokerInterceptor}
     * holds the record): 503 problem+json with Retry-After, in bounded time, saying a retry is safe. The record does
     * reach the broker later, so the retry is answered as a duplicate.
     */
    @Test
    void aSendTheBrokerDoesNotConfirmInTimeIsA503ProblemAndTheRetryIsSafe() throws Exception {
        String ref = uniqueRef(org.borderwatch.ingest.SlowBrokerInterceptor.MARKER);
        long start = System.nanoTime();
        HttpResponse<String> r = post("/api/v1/reports/statement", KEY, "application/json", statement(ref, CLAIM));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(took).isLessThan(Duration.ofSeconds(org.borderwatch.ingest.SlowBrokerInterceptor.HOLD_SECONDS));
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).contains("application/problem+json"));
        assertThat(r.headers().firstValue("Retry-After")).hasValue("17");
        JsonNode problem = json(r);
        assertThat(problem.path("type").asString()).isEqualTo("urn:borderwatch:problem:broker-unavailable");
        assertThat(problem.path("detail").asString()).contains("may or may not").contains("retrying");

        await().atMost(Duration.ofSeconds(30)).until(() -> NORMALIZED.stream().anyMatch(m -> value(m).contains(ref)));
        HttpResponse<String> retry = post("/api/v1/reports/statement", KEY, "application/json", statement(ref, CLAIM));
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        assertThat(json(retry).path("duplicates")).hasSize(1);
    }

    /**
     * curl -d without -H sends a form: its body would reach ingest re-encoded, so it is refused, naming the types —
     * and recorded on the rejected topic like every rejection of an authenticated request, and counted.
     */
    @Test
    void aFormBodyIsA415NamingTheAcceptedTypes() throws Exception {
        String ref = uniqueRef("form-body");
        double before = unsupportedCount();
        String body = statement(ref, CLAIM);
        HttpResponse<String> r = post("/api/v1/reports/statement", KEY, "application/x-www-form-urlencoded", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).contains("application/problem+json"));
        assertThat(json(r).path("detail").asString())
                .contains("application/json").contains("application/x-ndjson").contains("text/csv");
        assertThat(r.headers().firstValue("Accept-Post")).hasValue("application/json, application/x-ndjson, text/csv");
        assertThat(json(r).path("type").asString())
                .isEqualTo("urn:borderwatch:problem:unsupported-media-type");
        var recorded = recordedRejection(ref);
        assertThat(value(recorded)).as("the bytes as sent").isEqualTo(body);
        assertThat(header(recorded, Topics.HEADER_REJECT_REASON)).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(header(recorded, Topics.HEADER_REJECT_DETAIL))
                .startsWith("Content-Type application/x-www-form-urlencoded is not accepted");
        assertThat(header(recorded, Topics.HEADER_SOURCE)).isEqualTo("http");
        assertThat(header(recorded, org.borderwatch.ingest.stream.ReportPublisher.HEADER_PARTNER)).isEqualTo("it-partner");
        assertThat(unsupportedCount()).isEqualTo(before + 1);

        // a dry run records and counts nothing, as for every other rejection
        String dryRef = uniqueRef("form-body-dry");
        assertThat(post("/api/v1/reports/statement?dryRun=true", KEY, "application/x-www-form-urlencoded",
                statement(dryRef, CLAIM)).statusCode()).isEqualTo(415);
        assertThat(unsupportedCount()).isEqualTo(before + 1);
    }

    /** A format the key may not send: 403, recorded with the partner's name and the bytes sent, and counted. */
    @Test
    void aKeyForAnotherFormatIsForbiddenAndTheRefusalIsRecorded() throws Exception {
        String ref = uniqueRef("forbidden");
        double before = unsupportedCount();
        String body = statement(ref, CLAIM);
        HttpResponse<String> r = post("/api/v1/reports/statement", "it-key-canonical", "application/json", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(json(r).path("type").asString()).isEqualTo("urn:borderwatch:problem:forbidden");

        var recorded = recordedRejection(ref);
        assertThat(value(recorded)).isEqualTo(body);
        assertThat(header(recorded, Topics.HEADER_REJECT_REASON)).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(header(recorded, Topics.HEADER_REJECT_DETAIL))
                .isEqualTo("partner 'it-canonical-only' may not send statement (its key's formats do not include it)");
        assertThat(header(recorded, Topics.HEADER_SOURCE)).isEqualTo("http");
        assertThat(header(recorded, org.borderwatch.ingest.stream.ReportPublisher.HEADER_PARTNER))
                .isEqualTo("it-canonical-only");
        assertThat(headerNames(recorded)).containsExactlyInAnyOrder(Topics.HEADER_REJECT_REASON,
                Topics.HEADER_REJECT_DETAIL, Topics.HEADER_SOURCE, "bw-partner");
        assertThat(unsupportedCount()).isEqualTo(before + 1);
    }

    /** The one record on the rejected topic whose value holds {@code marker}, once it has arrived. */
    private static org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> recordedRejection(String marker) {
        await().atMost(Duration.ofSeconds(30)).until(() -> REJECTED.stream().anyMatch(m -> value(m).contains(marker)));
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> found = REJECTED.stream()
                .filter(m -> value(m).contains(marker)).toList();
        assertThat(found).as("records of " + marker).hasSize(1);
        return found.get(0);
    }

    @Test
    void aGoodStatementIsAcceptedAndPublished() throws Exception {
        String ref = uniqueRef("http-good");
        HttpResponse<String> r = post("/api/v1/reports/statement", KEY, "application/json", statement(ref, CLAIM));
        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode body = json(r);
        String id = body.get("accepted").get(0).get("reportId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> NORMALIZED.stream()
                .anyMatch(m -> value(m).contains(ref) && value(m).contains(id)));
    }

    @Test
    void aBadSingleStatementIs400NamingTheFieldsAndIsRecordedAsRejected() throws Exception {
        String marker = uniqueRef("http-bad");
        String bad = "{\"sourceRef\":\"" + marker + "\",\"source\":42,\"text\":\"x\"}";
        HttpResponse<String> r = post("/api/v1/reports/statement", KEY, "application/json", bad);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = json(r);
        assertThat(problem.get("reason").asString()).isEqualTo("SCHEMA_VIOLATION");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("$.source", "$.publishedAt");
        await().atMost(Duration.ofSeconds(30)).until(() -> REJECTED.stream().anyMatch(m -> value(m).contains(marker)
                && "http".equals(header(m, Topics.HEADER_SOURCE))
                && "SCHEMA_VIOLATION".equals(header(m, Topics.HEADER_REJECT_REASON))));
        var recorded = REJECTED.stream().filter(m -> value(m).contains(marker)).findFirst().orElseThrow();
        assertThat(value(recorded)).isEqualTo(bad);
        // the partner's name (never its key), and only ingest's own headers: no contentType, no
        // spring_json_header_types from the binder
        assertThat(header(recorded, org.borderwatch.ingest.stream.ReportPublisher.HEADER_PARTNER))
                .isEqualTo("it-partner");
        assertThat(headerNames(recorded)).containsExactlyInAnyOrder(Topics.HEADER_REJECT_REASON,
                Topics.HEADER_REJECT_DETAIL, Topics.HEADER_SOURCE, "bw-partner");
        assertThat(recorded.headers().toArray()).noneMatch(h -> new String(h.value(),
                java.nio.charset.StandardCharsets.UTF_8).contains(KEY));
    }

    /**
     * The framework's own errors are this service's problems too: the type URN, the status kept, plain words (not
     * "No static resource api/v1/nothing."), through the real server — also the container's error page.
     */
    @Test
    void theFrameworksOwnErrorsAreProblemsOfThisServiceInPlainWords() throws Exception {
        HttpResponse<String> missing = get("/api/v1/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertProblem(missing, "urn:borderwatch:problem:not-found", "no such endpoint: GET /api/v1/nothing");
        assertThat(json(missing).path("instance").asString()).isEqualTo("/api/v1/nothing");
        assertProblem(get("/actuator/nothing"), "urn:borderwatch:problem:not-found",
                "no such endpoint: GET /actuator/nothing");

        // a POST to a path that does not exist is a 404 too, not a 405 "it takes GET, HEAD" from the static resources
        HttpResponse<String> postMissing = post("/api/v1/report/statement", KEY, "application/json", "{}");
        assertThat(postMissing.statusCode()).isEqualTo(404);
        assertProblem(postMissing, "urn:borderwatch:problem:not-found", "no such endpoint: POST /api/v1/report/statement");

        HttpResponse<String> wrongMethod = get("/api/v1/reports/statement");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertProblem(wrongMethod, "urn:borderwatch:problem:method-not-allowed",
                "/api/v1/reports/statement does not take GET; it takes POST");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");

        String flagRef = uniqueRef("bad-flag");
        HttpResponse<String> badFlag = post("/api/v1/reports/statement?dryRun=maybe", KEY, "application/json",
                statement(flagRef, CLAIM));
        assertThat(badFlag.statusCode()).isEqualTo(400);
        assertProblem(badFlag, "urn:borderwatch:problem:invalid-request", "'dryRun' must be true or false, not 'maybe'");
        // not known to be a dry run: recorded like every rejection of an authenticated request
        var flagRecord = recordedRejection(flagRef);
        assertThat(header(flagRecord, Topics.HEADER_REJECT_REASON)).isEqualTo("MALFORMED");
        assertThat(header(flagRecord, Topics.HEADER_REJECT_DETAIL))
                .isEqualTo("'dryRun' must be true or false, not 'maybe'");
        assertThat(header(flagRecord, org.borderwatch.ingest.stream.ReportPublisher.HEADER_PARTNER))
                .isEqualTo("it-partner");

        HttpResponse<String> errorPage = get("/error");
        assertThat(errorPage.statusCode()).isEqualTo(404);
        assertProblem(errorPage, "urn:borderwatch:problem:not-found", "no such endpoint: GET /error");
    }

    private static void assertProblem(HttpResponse<String> r, String type, String detail) {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(json(r).path("type").asString()).as(r.body()).isEqualTo(type);
        assertThat(json(r).path("detail").asString()).isEqualTo(detail);
        assertThat(json(r).path("status").asInt()).isEqualTo(r.statusCode());
    }

    @Test
    void aBatchWithSomeBadLinesAcceptsTheRestAndListsTheRejectionsByLine() throws Exception {
        String a = uniqueRef("batch-a");
        String b = uniqueRef("batch-b");
        String body = statement(a, CLAIM) + "\n{not json\n" + statement(b, CLAIM) + "\n"
                + statement(uniqueRef("batch-empty"), "") + "\n" + statement(a, CLAIM) + "\n";
        HttpResponse<String> r = post("/api/v1/reports/statement", KEY, "application/x-ndjson", body);
        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode receipt = json(r);
        assertThat(receipt.get("accepted")).hasSize(2);
        assertThat(receipt.get("duplicates")).hasSize(1);
        assertThat(receipt.get("duplicates").get(0).get("line").asInt()).isEqualTo(5);
        List<String> rejected = new ArrayList<>();
        receipt.get("rejections").forEach(j -> rejected.add(j.get("line").asInt() + ":" + j.get("reason").asString()));
        assertThat(rejected).containsExactly("2:MALFORMED", "4:EMPTY_TEXT");
        await().atMost(Duration.ofSeconds(30)).until(() -> REJECTED.stream().anyMatch(m -> value(m).equals("{not json")));
    }

    @Test
    void aCsvBatchOfAcledRowsIsAcceptedRowByRow() throws Exception {
        String id = "HTTP" + System.nanoTime();
        String csv = "event_id_cnty,event_date,event_type,sub_event_type,actor1,location,latitude\n"
                + id + ",2022-09-13,Battles,Armed clash,Military Forces of Azerbaijan (2003-),Jermuk,39.85\n"
                + id + "-bad,13/09/2022,Battles,Armed clash,Military Forces of Azerbaijan (2003-),Jermuk,north\n";
        HttpResponse<String> r = post("/api/v1/reports/acled", KEY, "text/csv", csv);
        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode receipt = json(r);
        assertThat(receipt.get("accepted")).hasSize(1);
        JsonNode rejection = receipt.get("rejections").get(0);
        assertThat(rejection.get("line").asInt()).as("the file line, header = line 1").isEqualTo(3);
        List<String> fields = new ArrayList<>();
        rejection.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("event_date", "latitude");
        await().atMost(Duration.ofSeconds(30)).until(() -> NORMALIZED.stream()
                .anyMatch(m -> value(m).contains("\"" + id + "\"") && "VAYOTS_DZOR_EAST".equals(m.key())));
    }

    @Test
    void aDryRunReturnsTheCanonicalReportsWithoutPublishingOrRemembering() throws Exception {
        String ref = uniqueRef("dry");
        HttpResponse<String> dry = post("/api/v1/reports/statement?dryRun=true", KEY, "application/json",
                statement(ref, CLAIM));
        assertThat(dry.statusCode()).isEqualTo(200);
        IncidentReport report = Json.convert(json(dry).get("reports").get(0), IncidentReport.class);
        assertThat(report.sourceRef()).isEqualTo(ref);
        assertThat(report.location().settlement()).isEqualTo("Khnatsakh");
        assertThat(report.occurredAt().getOffset().getTotalSeconds()).isEqualTo(4 * 3600);
        HttpResponse<String> real = post("/api/v1/reports/statement", KEY, "application/json", statement(ref, CLAIM));
        assertThat(json(real).get("accepted").get(0).get("disposition").asString()).isEqualTo("NEW");
    }

    @Test
    void aDryRunAnswersAnExactRepeatInTheBatchAsADuplicateLikeTheRealSend() throws Exception {
        String line = statement(uniqueRef("dry-dup"), CLAIM);
        String batch = line + "\n" + line + "\n";
        HttpResponse<String> dry = post("/api/v1/reports/statement?dryRun=true", KEY, "application/x-ndjson", batch);
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(json(dry).path("reports")).hasSize(1);
        assertThat(json(dry).path("duplicates")).hasSize(1);
        assertThat(json(dry).path("duplicates").get(0).path("line").asInt()).isEqualTo(2);
        HttpResponse<String> real = post("/api/v1/reports/statement", KEY, "application/x-ndjson", batch);
        assertThat(json(real).path("accepted")).as("the dry run remembered nothing").hasSize(1);
        assertThat(json(real).path("duplicates").get(0).path("line").asInt()).isEqualTo(2);
    }

    @Test
    void theDedupHealthGroupShowsTheDocumentedDetails() throws Exception {
        HttpResponse<String> r = get("/actuator/health/dedup");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode details = json(r).path("components").path("dedupMemory").path("details");
        assertThat(details.has("caughtUp")).as(r.body()).isTrue();
        assertThat(details.path("rememberedIds").isNumber()).as(r.body()).isTrue();
    }

    @Test
    void anUnknownFormatIsRefusedAndCounted() throws Exception {
        double before = unsupportedCount();
        HttpResponse<String> r = post("/api/v1/reports/xml", KEY, "application/xml", "<report/>");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("reason").asString()).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(unsupportedCount()).isEqualTo(before + 1);
        post("/api/v1/reports/xml?dryRun=true", KEY, "application/xml", "<report/>");
        assertThat(unsupportedCount()).as("a dry run is not counted as rejected").isEqualTo(before + 1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private double unsupportedCount() {
        var c = meters.find(org.borderwatch.ingest.metrics.IngestMetrics.REJECTED)
                .tag("reason", "UNSUPPORTED_FORMAT").counter();
        return c == null ? 0 : c.count();
    }

    /**
     * The OpenAPI document is served by the real server without a key, names every operation with its responses and
     * the partner key as the upload's security scheme (the reference data stay public), while the upload itself
     * still needs the key.
     */
    @Test
    void theOpenApiDocumentIsOpenAndDescribesEveryOperationWhileTheApiStillNeedsAKey() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        // kept beside the build for a reader (and for a client generator): target/openapi.json
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), docs.body());
        JsonNode doc = json(docs);
        assertThat(doc.get("info").get("title").asString()).isEqualTo("BorderWatch ingest-service API");
        assertThat(doc.get("info").get("version").asString()).isEqualTo(OpenApiConfiguration.API_VERSION);
        assertThat(doc.get("info").get("description").asString()).contains("X-Api-Key").contains("problem+json");

        JsonNode scheme = doc.get("components").get("securitySchemes").get(OpenApiConfiguration.SECURITY_SCHEME);
        assertThat(scheme.get("type").asString()).isEqualTo("apiKey");
        assertThat(scheme.get("in").asString()).isEqualTo("header");
        assertThat(scheme.get("name").asString()).as("the configured header").isEqualTo("X-Api-Key");

        JsonNode post = doc.get("paths").get("/api/v1/reports/{format}").get("post");
        assertThat(post.get("operationId").asString()).isEqualTo("postReports");
        assertThat(post.get("security").get(0).has(OpenApiConfiguration.SECURITY_SCHEME)).isTrue();
        // a partner learns from the contract that back-filled history is assessed report by report
        assertThat(post.get("description").asString()).contains("Late and historical data")
                .contains("classifier.grace (7 days)").contains("publication order before live data")
                .contains("TIME_OUT_OF_RANGE");
        List<String> statuses = new ArrayList<>();
        post.get("responses").propertyNames().forEach(statuses::add);
        assertThat(statuses).contains("200", "202", "400", "401", "403", "413", "415", "503");
        for (String problem : List.of("400", "401", "413", "415", "503")) {
            assertThat(post.get("responses").get(problem).get("content").has("application/problem+json"))
                    .as(problem).isTrue();
        }
        assertThat(post.get("responses").get("503").get("headers").has("Retry-After")).isTrue();
        assertThat(post.get("requestBody").get("content").has("application/json")).isTrue();
        assertThat(post.get("requestBody").get("content").has("application/x-ndjson")).isTrue();
        assertThat(post.get("requestBody").get("content").has("text/csv")).isTrue();
        List<String> params = new ArrayList<>();
        post.get("parameters").forEach(p -> params.add(p.get("name").asString()));
        assertThat(params).containsExactlyInAnyOrder("format", "dryRun");
        List<String> formats = new ArrayList<>();
        post.get("parameters").forEach(p -> {
            if (p.get("name").asString().equals("format")) {
                p.get("schema").get("enum").forEach(v -> formats.add(v.asString()));
            }
        });
        assertThat(formats).containsExactlyInAnyOrder("canonical", "statement", "acled");
        assertThat(doc.get("components").get("schemas").get("Problem").get("properties").has("reason")).isTrue();

        for (String path : List.of("/api/v1/sources", "/api/v1/places")) {
            JsonNode get = doc.get("paths").get(path).get("get");
            assertThat(get.get("operationId").asString()).as(path).isNotBlank();
            assertThat(get.has("security")).as(path + " is public").isFalse();
        }
        assertThat(doc.has("security")).as("no document-wide requirement: the reference data are public").isFalse();
        assertThat(docs.body()).doesNotContain("it-key-statements").doesNotContain("it-partner");
        assertThat(get("/swagger-ui.html").statusCode()).as("the UI is open too").isIn(200, 302);
        assertThat(get("/swagger-ui/index.html").statusCode()).as("and its static files are served").isEqualTo(200);

        assertThat(post("/api/v1/reports/statement", null, "application/json",
                statement(uniqueRef("openapi"), CLAIM)).statusCode()).isEqualTo(401);
    }

    @Test
    void sourcesAndPlacesAreListed() throws Exception {
        HttpResponse<String> sources = get("/api/v1/sources");
        assertThat(sources.statusCode()).isEqualTo(200);
        assertThat(sources.body()).contains("\"az-mod\"").contains("INDEPENDENT_OBSERVER");
        HttpResponse<String> places = get("/api/v1/places?q=digh");
        JsonNode list = json(places);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asString()).isEqualTo("Tegh");
        assertThat(list.get(0).get("segments").get(0).asString()).isEqualTo("SYUNIK_EAST");
    }

    /** Absent values are left out, as in every JSON the project writes: never "lat": null, "note": null. */
    @Test
    void referenceDataLeaveAbsentValuesOutRatherThanWritingNull() throws Exception {
        HttpResponse<String> places = get("/api/v1/places?q=gegharkunik");
        assertThat(places.statusCode()).isEqualTo(200);
        JsonNode province = null;
        for (JsonNode p : json(places)) {
            if (p.path("id").asString().equals("gegharkunik")) {
                province = p;
            }
        }
        assertThat(province).as(places.body()).isNotNull();
        // the gazetteer has no point or note for the province: the keys are not there at all
        assertThat(province.has("lat")).isFalse();
        assertThat(province.has("lon")).isFalse();
        assertThat(province.has("coordinates")).isFalse();
        assertThat(province.has("note")).isFalse();
        assertThat(province.path("name").asString()).isEqualTo("Gegharkunik");
        assertThat(province.path("ambiguous").isBoolean()).as("false is a value, kept").isTrue();
        assertThat(get("/api/v1/places").body()).doesNotContain(":null");
        assertThat(get("/api/v1/sources").body()).doesNotContain(":null");
    }

    @Test
    void healthAndMetricsAreExposed() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200));
        assertThat(get("/actuator/health/readiness").body()).contains("binders");
        JsonNode components = json(get("/actuator/health")).get("components");
        assertThat(components.get("dedupMemory").get("status").asString()).isEqualTo("UP");
        post("/api/v1/reports/statement", KEY, "application/json", statement(uniqueRef("metrics"), CLAIM));
        String prometheus = get("/actuator/prometheus").body();
        assertThat(prometheus).contains("borderwatch_reports_received_total{application=\"ingest-service\",format=\"statement\"}")
                .contains("borderwatch_reports_normalized_total")
                .contains("borderwatch_reports_normalize_seconds")
                .contains("borderwatch_reports_normalize_seconds_bucket")
                .contains("borderwatch_reports_dedup_remembered")
                // registered at 0 from start-up, so increase() sees the first event of each kind (none of these
                // happens in the tests: dry runs never publish, no ICRC confirmation is sent)
                .contains("borderwatch_reports_corrections_total{application=\"ingest-service\"}")
                .contains("borderwatch_reports_rejected_total{application=\"ingest-service\",reason=\"CORRECTION_CONFLICT\"}")
                .contains("borderwatch_reports_dry_run_total{application=\"ingest-service\",format=\"acled\","
                        + "outcome=\"PUBLISH_FAILED\"} 0.0")
                .contains("borderwatch_reports_normalized_total{application=\"ingest-service\",source=\"icrc\","
                        + "stance=\"CONFIRMATION\"} 0.0");
    }

    @Test
    void anUnexpectedErrorIsA500ProblemWithAnErrorIdAndNoInternals() throws Exception {
        HttpResponse<String> r = get("/api/v1/test-only/failure");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(r).path("type").asString()).isEqualTo("urn:borderwatch:problem:internal-error");
        assertThat(json(r).path("detail").asString()).contains(json(r).path("errorId").asString());
        assertThat(r.body()).doesNotContain("org.example").doesNotContain("IllegalStateException")
                .doesNotContain("\tat ");
        // the framework's own errors keep their status
        assertThat(get("/api/v1/no-such-endpoint").statusCode()).isEqualTo(404);
    }
}
