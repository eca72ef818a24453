package org.borderwatch.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ContractRoundTest {

    private HttpServer server;
    private final AtomicReference<String> lastKey = new AtomicReference<>();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private final AtomicReference<String> lastContentType = new AtomicReference<>();
    private final AtomicReference<String> lastBody = new AtomicReference<>();
    private final AtomicInteger counted = new AtomicInteger();
    private final MockProducer<String, String> producer =
            new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/items", exchange -> {
            record(exchange);
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1/items/7");
            answer(exchange, 201, "{\"id\":\"7\",\"copy\":\"7\",\"n\":1}");
        });
        server.createContext("/items/7", exchange -> answer(exchange, 200, "{\"id\":\"7\",\"name\":\"seven\"}"));
        // the request's body back as it came, with a header sent twice
        server.createContext("/echo", exchange -> {
            String body = record(exchange);
            exchange.getResponseHeaders().add("Link", "<http://h/a?page=2>; rel=\"next\"");
            exchange.getResponseHeaders().add("Link", "<http://h/a?page=1>; rel=\"first\"");
            answer(exchange, 200, body);
        });
        // one more on every request: a step polled until it shows 3 asks three times
        server.createContext("/count", exchange -> answer(exchange, 200, "{\"n\":" + counted.incrementAndGet() + "}"));
        // what the producer has sent so far
        server.createContext("/seen", exchange -> {
            record(exchange);
            List<ProducerRecord<String, String>> sent = producer.history();
            answer(exchange, 200, "{\"records\":" + sent.size() + ",\"key\":"
                    + (sent.isEmpty() ? "null" : "\"" + sent.get(sent.size() - 1).key() + "\"") + "}");
        });
        // answers at once, reading nothing of the body, and closes: as a service refusing on Content-Length alone
        server.createContext("/big", exchange -> {
            exchange.getResponseHeaders().add("Connection", "close");
            answer(exchange, 413, "{\"status\":413}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String record(HttpExchange exchange) throws IOException {
        lastKey.set(exchange.getRequestHeaders().getFirst("X-Api-Key"));
        lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        lastContentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastBody.set(body);
        return body;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ContractRound load(String cases) throws IOException {
        return ContractRound.load(new ByteArrayInputStream(cases.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> run(String cases) throws IOException {
        return run(load(cases), ContractRound.Credentials.apiKey("X-Api-Key"));
    }

    private List<String> run(ContractRound round, ContractRound.Credentials credentials) {
        return round.run(server.getAddress().getPort(), credentials);
    }

    @Test
    void stepsThatAnswerAsExpectedDifferInNothingAndReferencesReadEarlierAnswers() throws IOException {
        List<String> differences = run("""
                {"keys": {"desk": {"key": "secret"}}, "cases": [
                 {"id": "x-01", "key": "desk", "method": "POST", "path": "/items", "body": {"a": 1},
                  "expect": {"status": 201, "contentType": "application/json", "json": {"/n": 1},
                   "jsonEqual": [["/id", "/copy"]], "jsonNot": {"/id": "8"}, "headersPresent": ["Location"],
                   "bodyIncludes": ["\\"n\\""], "bodyExcludes": ["secret"], "jsonAbsent": ["/name"]}},
                 {"id": "x-02", "method": "GET", "path": "/items/{x-01./id}",
                  "expect": {"statusOneOf": [200, 204], "json": {"/id": "{x-01./id}"}, "jsonPresent": ["/name"]}},
                 {"id": "x-03", "method": "GET", "path": "{x-01.header.Location}",
                  "expect": {"status": 200, "json": {"/name": "seven"}}}
                ]}""");
        assertThat(differences).isEmpty();
        assertThat(lastKey.get()).isEqualTo("secret");
        // no default Content-Type was configured: a body without headers is sent without one
        assertThat(lastContentType.get()).isNull();
    }

    @Test
    void everyDifferenceIsReportedWithItsStepAndBody() throws IOException {
        List<String> differences = run("""
                {"cases": [
                 {"id": "x-01", "method": "POST", "path": "/items", "body": {"a": 1},
                  "expect": {"status": 200, "json": {"/n": 2}, "jsonNot": {"/id": "7"}, "jsonEqual": [["/id", "/n"]],
                   "bodyIncludes": ["absent text"], "headers": {"Location": null}}},
                 {"id": "x-02", "method": "GET", "path": "/items/7",
                  "expect": {"statusOneOf": [404], "json": {"/id": "{x-01./n}"}}}
                ]}""");
        assertThat(differences).hasSize(2);
        assertThat(differences.get(0)).startsWith("x-01 POST /items: status expected 200, got 201")
                .contains("'/n' expected 2, got 1", "'/id' expected not \"7\"", "'/id' expected equal to '/n'",
                        "body expected to include 'absent text'", "header Location expected (absent)",
                        "body: {\"id\":\"7\"");
        assertThat(differences.get(1)).contains("status expected one of [404], got 200", "'/id' expected 1, got \"7\"");
    }

    @Test
    void aLargeBodyAnsweredBeforeItIsReadIsStillHeard() throws IOException {
        List<String> differences = run("""
                {"cases": [
                 {"id": "x-01", "method": "POST", "path": "/big", "headers": {"Content-Type": "application/x-ndjson"},
                  "bodyRawRepeat": {"head": "", "unit": "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
                   "times": 100000, "tail": ""},
                  "expect": {"status": 413, "json": {"/status": 413}}}
                ]}""");
        assertThat(differences).isEmpty();
    }

    @Test
    void usersSendBasicAndReferencesAndTheClockAreResolvedInBodiesAndExpectedValues() throws IOException {
        ContractRound round = load("""
                {"users": {"staff": {"password": "staff-pw"}}, "cases": [
                 {"id": "x-01", "user": "staff", "method": "POST", "path": "/items", "body": {"a": 1},
                  "expect": {"status": [200, 201]}},
                 {"id": "x-02", "user": "staff", "method": "POST", "path": "/echo",
                  "body": {"until": "{now+PT6H}", "ref": "item {x-01./id}", "n": "{x-01./n}",
                   "a": {"b": "seven"}, "c": {"b": "seven"}},
                  "expect": {"status": 200, "json": {"/ref": "item {x-01./id}", "/n": "{x-01./n}"},
                   "jsonContains": {"/ref": ["item", "7"]}, "jsonEqualPointers": [["/a", "/c"]],
                   "firstKey": {"": "until", "/a": "b"}, "bodyIncludes": ["item {x-01./id}"],
                   "headersContain": {"Link": ["rel=\\"next\\"", "rel=\\"first\\""]},
                   "headersNotContain": {"Link": ["rel=\\"last\\""], "X-Absent": ["x"]}}},
                 {"id": "x-03", "method": "GET", "path": "/count", "poll": {"timeoutSeconds": 10},
                  "expect": {"status": 200, "json": {"/n": 3}}}
                ]}""").defaultContentType("application/json");
        Instant before = Instant.now();
        List<String> differences = run(round, ContractRound.Credentials.basic());
        assertThat(differences).isEmpty();
        assertThat(lastAuthorization.get()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("staff:staff-pw".getBytes(StandardCharsets.UTF_8)));
        assertThat(counted.get()).isEqualTo(3);
        assertThat(lastContentType.get()).isEqualTo("application/json");
        // what x-02 sent: the default Content-Type, the reference as text and as the number it is, now + 6 h
        Matcher until = Pattern.compile("\"until\":\"([^\"]+)\"").matcher(lastBody.get());
        assertThat(until.find()).isTrue();
        assertThat(Instant.parse(until.group(1))).isBetween(before.plus(Duration.ofHours(6)).minusSeconds(1),
                Instant.now().plus(Duration.ofHours(6)));
        assertThat(until.group(1)).doesNotContain(".");
        assertThat(lastBody.get()).contains("\"ref\":\"item 7\"", "\"n\":1,");
    }

    @Test
    void theMovedExpectationsReportTheirDifferencesAndAStepWithoutPollIsSentOnce() throws IOException {
        ContractRound round = load("""
                {"cases": [
                 {"id": "x-01", "method": "POST", "path": "/echo", "headers": {"X-Trace": "1"},
                  "body": {"a": {"b": 1}, "c": {"b": 2}, "s": "text"},
                  "expect": {"status": [201, 204], "jsonContains": {"/s": ["other"], "/a": ["b"]},
                   "jsonEqualPointers": [["/a", "/c"]], "firstKey": {"": "c"},
                   "headersContain": {"Link": ["rel=\\"last\\""], "X-Absent": ["x"]},
                   "headersNotContain": {"Link": ["rel=\\"next\\""]}}},
                 {"id": "x-02", "method": "GET", "path": "/count", "expect": {"status": 200, "json": {"/n": 5}}}
                ]}""").defaultContentType("application/json");
        List<String> differences = run(round, ContractRound.Credentials.basic());
        assertThat(differences).hasSize(2);
        assertThat(differences.get(0)).startsWith("x-01 POST /echo: status expected one of [201, 204], got 200")
                .contains("'/s' expected to contain 'other', got \"text\"", "'/a' expected to contain 'b', got {",
                        "'/a' expected equal to '/c'", "'' expected to begin with member 'c', begins with 'a'",
                        "header Link expected to contain 'rel=\"last\"', got <http://h/a?page=2>",
                        "header X-Absent expected to contain 'x', got (absent)",
                        "header Link expected without 'rel=\"next\"'");
        assertThat(differences.get(1)).startsWith("x-02 GET /count: '/n' expected 5, got 1");
        assertThat(counted.get()).isEqualTo(1);
        // a step with headers of its own sends exactly those, without the default Content-Type
        assertThat(lastContentType.get()).isNull();
        assertThat(lastAuthorization.get()).isNull();
    }

    @Test
    void aKafkaStepProducesOneRecordToTheCallersTopicAndWaitsUntilTheServiceShowsIt() throws IOException {
        ContractRound round = load("""
                {"users": {"staff": {"password": "staff-pw"}}, "cases": [
                 {"id": "k-01", "kafka": {"topic": "border.assessments", "key": "k1", "value": {"b": 1, "a": "x"}},
                  "waitFor": {"user": "staff", "method": "GET", "path": "/seen",
                   "until": {"/records": 1, "/key": "k1"}, "timeoutSeconds": 5, "pollMillis": 50}},
                 {"id": "k-02", "kafka": {"topic": "border.assessments", "key": "k2", "value": {}},
                  "waitFor": {"method": "GET", "path": "/seen", "until": {"/records": 5},
                   "timeoutSeconds": 1, "pollMillis": 50}}
                ]}""").kafka(producer, topic -> topic + ".own");
        List<String> differences = run(round, ContractRound.Credentials.basic());
        assertThat(producer.history()).extracting(ProducerRecord::topic)
                .containsExactly("border.assessments.own", "border.assessments.own");
        assertThat(producer.history().get(0).key()).isEqualTo("k1");
        assertThat(producer.history().get(0).value()).isEqualTo("{\"b\":1,\"a\":\"x\"}");
        assertThat(differences).hasSize(1);
        assertThat(differences.get(0)).startsWith("k-02 kafka k2, then GET /seen for 1 s: '/records' expected 5, got 2")
                .contains("body: {\"records\":2,\"key\":\"k2\"}");
    }

    @Test
    void aKafkaStepWithoutAProducerIsADifference() throws IOException {
        List<String> differences = run("""
                {"cases": [{"id": "k-01", "kafka": {"topic": "t", "key": "k", "value": {}}}]}""");
        assertThat(differences).singleElement().asString().startsWith("k-01: no answer:").contains("no producer");
    }
}
