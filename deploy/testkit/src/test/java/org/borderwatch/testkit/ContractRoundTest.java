package org.borderwatch.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
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
    private final AtomicReference<Instant> countedAt = new AtomicReference<>();
    private final WebhookReceiver webhooks = new WebhookReceiver(200);
    // HTTP/1.1 as the service's webhook client (the JDK's default, HTTP/2, would send "Upgrade: h2c")
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
        server.createContext("/count", exchange -> {
            countedAt.set(Instant.now());
            answer(exchange, 200, "{\"n\":" + counted.incrementAndGet() + "}");
        });
        // as a service delivering a webhook: {path, delivery, body, secret?, ageSeconds?, contentType?, laterMillis?}
        server.createContext("/send", exchange -> {
            JsonNode order = JSON.readTree(record(exchange));
            Runnable send = () -> deliver(order);
            if (order.has("laterMillis")) {
                Thread later = new Thread(() -> {
                    sleep(order.get("laterMillis").asLong());
                    send.run();
                });
                later.start();
            } else {
                send.run();
            }
            answer(exchange, 200, "{}");
        });
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
        webhooks.close();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One signed webhook request to the receiver, as the order says (signed with "s3cret" unless it names another). */
    private void deliver(JsonNode order) {
        String body = order.get("body").isString() ? order.get("body").asString() : order.get("body").toString();
        String timestamp = String.valueOf(Instant.now().getEpochSecond() - order.path("ageSeconds").asLong(0));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(order.path("secret").asString("s3cret").getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
            client.send(HttpRequest.newBuilder(URI.create(webhooks.url(order.get("path").asString())))
                    .header("Content-Type", order.path("contentType").asString("application/json"))
                    .header("X-BorderWatch-Timestamp", timestamp).header("X-BorderWatch-Signature", signature)
                    .header("X-BorderWatch-Delivery", order.get("delivery").asString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private static final String CAP = "<cap:alert xmlns:cap=\"urn:oasis:names:tc:emergency:cap:1.2\">"
            + "<cap:identifier>bw-1-2</cap:identifier><cap:msgType>Update</cap:msgType>"
            + "<cap:references>s,bw-1-1,t</cap:references><cap:info><cap:severity> Severe </cap:severity>"
            + "<cap:resource><cap:uri>a</cap:uri></cap:resource><cap:resource><cap:uri>b</cap:uri></cap:resource>"
            + "</cap:info></cap:alert>";

    @Test
    void webhookStepsHoldWhenTheRequestsAreAsExpectedAndLaterStepsReferToTheLastBody() throws IOException {
        ContractRound round = load("""
                {"cases": [
                 {"id": "w-01", "receiver": [{"path": "/b", "respond": 503}]},
                 {"id": "w-02", "method": "POST", "path": "/send", "body": {"path": "/a", "delivery": "d1",
                  "body": {"deliveryId": "d1", "n": 1}}, "expect": {"status": 200}},
                 {"id": "w-03", "method": "POST", "path": "/send", "body": {"path": "/a", "delivery": "d2",
                  "body": {"deliveryId": "d2", "n": 2, "sentAt": "2025-03-17T09:00:02Z", "url": "{webhook}/a",
                   "items": [{"name": "x", "count": 3, "text": "hello world"}, "plain"]}}, "expect": {"status": 200}},
                 {"id": "w-04", "method": "POST", "path": "/send", "body": {"path": "/b", "delivery": "d9",
                  "body": {"deliveryId": "d9"}}, "expect": {"status": 200}},
                 {"id": "w-05", "receiver": {"path": "/b", "respond": 200}},
                 {"id": "w-06", "method": "POST", "path": "/send", "body": {"path": "/b", "delivery": "d9",
                  "body": {"deliveryId": "d9"}}, "expect": {"status": 200}},
                 {"id": "w-07", "method": "POST", "path": "/send", "body": {"path": "/cap", "delivery": "c1",
                  "contentType": "application/cap+xml", "body": "CAP"}, "expect": {"status": 200}},
                 {"id": "w-08", "timeoutSeconds": 5, "expectWebhook": {"path": "/a", "count": 2, "holdSeconds": 1,
                  "signatureSecret": "s3cret", "distinctDeliveryIds": true, "last": {"contentType": "application/json",
                   "headers": {"X-BorderWatch-Timestamp": "^[0-9]{10}$", "x-borderwatch-delivery": true,
                    "Upgrade": null},
                   "headerEqualsJson": {"X-BorderWatch-Delivery": "/deliveryId"}, "json": {"/n": 2,
                    "/url": "{webhook}/a"}, "jsonMatches": {"/sentAt": "Z$"},
                   "jsonArrayContains": {"/items": [{"name": "x", "count": {"$gte": 3},
                    "text": {"$contains": ["hello", "world"]}, "gone": {"$absent": true}}, "plain"]}}}},
                 {"id": "w-09", "timeoutSeconds": 5, "expectWebhook": {"path": "/b", "count": 2,
                  "acceptedCount": 1, "sameDeliveryId": true, "signatureSecret": "s3cret"}},
                 {"id": "w-10", "timeoutSeconds": 5, "expectWebhook": {"path": "/cap", "count": 1, "last": {
                  "xml": {"/alert/identifier": "bw-1-2", "/alert/info/severity": "Severe",
                   "/alert/info/resource[2]/uri": "b"},
                  "xmlContains": {"/alert/references": ["bw-1-1,"]}, "xmlAbsent": ["/alert/info/resource[3]"]}}},
                 {"id": "w-11", "method": "POST", "path": "/echo", "body": {"n": "{w-08./n}", "id": "{w-09./deliveryId}"},
                  "expect": {"status": 200, "json": {"/n": 2, "/id": "d9"}}}
                ]}""".replace("\"CAP\"", JSON.writeValueAsString(CAP)));
        List<String> differences = run(round.webhooks(webhooks), ContractRound.Credentials.basic());
        assertThat(differences).isEmpty();
        // the receiver step: /b answered 503 until w-05, 200 after it
        assertThat(webhooks.requests("/b")).extracting(WebhookReceiver.Request::answered).containsExactly(503, 200);
    }

    @Test
    void eachWebhookExpectationReportsItsDifference() throws IOException {
        ContractRound round = load("""
                {"cases": [
                 {"id": "w-01", "method": "POST", "path": "/send", "body": {"path": "/a", "delivery": "d1",
                  "secret": "other", "body": {"deliveryId": "d1", "n": 1}}, "expect": {"status": 200}},
                 {"id": "w-02", "method": "POST", "path": "/send", "body": {"path": "/a", "delivery": "d1",
                  "ageSeconds": 400, "body": {"deliveryId": "d0", "n": 2, "sentAt": "2025-03-17T09:00:02+04:00",
                   "items": [{"name": "x", "count": 2, "text": "hello", "gone": 1}]}}, "expect": {"status": 200}},
                 {"id": "w-03", "timeoutSeconds": 1, "expectWebhook": {"path": "/a", "count": 3,
                  "signatureSecret": "s3cret", "distinctDeliveryIds": true, "last": {"contentType": "text/plain",
                   "headers": {"X-BorderWatch-Delivery": "^x$", "Upgrade": true, "Content-Type": null},
                   "headerEqualsJson": {"X-BorderWatch-Delivery": "/deliveryId"}, "jsonMatches": {"/sentAt": "Z$"},
                   "jsonArrayContains": {"/items": [{"count": {"$gte": 3}}, {"text": {"$contains": ["world"]}},
                    {"gone": {"$absent": true}}], "/n": ["x"]}}}},
                 {"id": "w-04", "method": "POST", "path": "/send", "body": {"path": "/c", "delivery": "c1",
                  "body": {"n": 1}}, "expect": {"status": 200}},
                 {"id": "w-05", "method": "POST", "path": "/send", "body": {"path": "/c", "delivery": "c2",
                  "laterMillis": 300, "body": {"n": 2}}, "expect": {"status": 200}},
                 {"id": "w-06", "timeoutSeconds": 5, "expectWebhook": {"path": "/c", "count": 1, "holdSeconds": 2,
                  "acceptedCount": 0, "sameDeliveryId": true}},
                 {"id": "w-07", "method": "POST", "path": "/send", "body": {"path": "/cap", "delivery": "x1",
                  "contentType": "application/cap+xml", "body": "CAP"}, "expect": {"status": 200}},
                 {"id": "w-08", "timeoutSeconds": 5, "expectWebhook": {"path": "/cap", "last": {
                  "xml": {"/alert/msgType": "Cancel", "/alert/note": "n", "/other/identifier": "bw-1-2"},
                  "xmlContains": {"/alert/references": ["bw-1-3,"]}, "xmlAbsent": ["/alert/info/resource[2]"]}}},
                 {"id": "w-09", "timeoutSeconds": 1, "expectWebhook": {"path": "/none", "minCount": 1,
                  "last": {"json": {"/n": 1}}}},
                 {"id": "w-10", "method": "POST", "path": "/echo", "body": {"items": [{"n": 1}]},
                  "expect": {"status": 200, "jsonArrayContains": {"/items": [{"n": 2}], "/none": [1]}}}
                ]}""".replace("\"CAP\"", JSON.writeValueAsString(CAP))).webhooks(webhooks);
        List<String> differences = run(round, ContractRound.Credentials.basic());
        assertThat(differences).hasSize(5);
        assertThat(differences.get(0)).startsWith("w-03 webhook /a: requests expected 3, got 2").contains(
                "request 1 of /a: signature sha256=", "is not the HMAC of its timestamp and body with the secret",
                "request 2 of /a: X-BorderWatch-Timestamp ", "is 400 s from the arrival",
                "X-BorderWatch-Delivery expected distinct on the accepted requests, got [d1, d1]",
                "Content-Type expected text/plain…, got application/json",
                "header X-BorderWatch-Delivery expected to match ^x$, got d1",
                "header Upgrade expected present, is absent", "header Content-Type expected absent, got application/json",
                "header X-BorderWatch-Delivery expected equal to '/deliveryId', got d1 and \"d0\"",
                "'/sentAt' expected to match Z$, got \"2025-03-17T09:00:02+04:00\"",
                "'/items' expected an element matching {\"count\":{\"$gte\":3}}",
                "'/items' expected an element matching {\"text\":{\"$contains\":[\"world\"]}}",
                "'/items' expected an element matching {\"gone\":{\"$absent\":true}}",
                "'/n' expected an element matching \"x\", got 2");
        // held: the second request came while the count of one was being held
        assertThat(differences.get(1)).startsWith("w-06 webhook /c: requests expected 1, got 2").contains(
                "accepted (2xx) requests expected 0, got 2",
                "X-BorderWatch-Delivery expected one value on every request, got [c1, c2]");
        assertThat(differences.get(2)).startsWith("w-08 webhook /cap: ").contains(
                "XML /alert/msgType expected 'Cancel', got 'Update'", "XML /alert/note expected 'n', got (absent)",
                "XML /other/identifier expected 'bw-1-2', got (absent)",
                "XML /alert/references expected to contain 'bw-1-3,', got 's,bw-1-1,t'",
                "XML /alert/info/resource[2] expected absent, got 'b'");
        assertThat(differences.get(3)).isEqualTo(
                "w-09 webhook /none: requests expected at least 1, got 0; 'last' expected, nothing came");
        assertThat(differences.get(4)).startsWith("w-10 POST /echo: '/items' expected an element matching {\"n\":2}")
                .contains("'/none' expected an element matching 1, got (absent)");
    }

    @Test
    void kafkaAndMailStepsReadTheGivenReceiversAndReportWhatDiffers() throws IOException {
        List<String> asked = new java.util.ArrayList<>();
        RoundFeed feed = topic -> {
            asked.add(topic);
            return List.of(new RoundFeed.Record("k1", Map.of("bw-delivery", "a"), "{\"event\":\"FIRED\",\"n\":1}"),
                    new RoundFeed.Record("k2", Map.of("bw-delivery", "b"), "{\"event\":\"FIRED\",\"n\":9}"),
                    new RoundFeed.Record("k1", Map.of(), "{\"event\":\"UPDATED\",\"n\":2,\"list\":[1,2]}"),
                    new RoundFeed.Record("k1", Map.of("bw-delivery", "a"), "{\"event\":\"FIRED\",\"n\":3}"));
        };
        RoundMailbox mailbox = to -> to.equals("desk@example.org") ? List.of(
                new RoundMailbox.Mail("first", "multipart/alternative; b=1", Map.of(), "t", "h"),
                new RoundMailbox.Mail("[BW] UPDATED: HIGH", "multipart/alternative; boundary=x",
                        Map.of("x-borderwatch-delivery", List.of("m2")), "What changed: x", "a &amp; b"))
                : List.of();
        ContractRound round = load("""
                {"cases": [
                 {"id": "k-01", "timeoutSeconds": 1, "expectKafka": {"topic": "border.alerts", "keyEquals": "k1",
                  "match": {"/event": "FIRED"}, "count": 2, "headersPresent": ["bw-delivery"],
                  "last": {"json": {"/n": 3}}}},
                 {"id": "k-02", "timeoutSeconds": 1, "expectKafka": {"topic": "border.alerts", "keyEquals": "k1",
                  "count": 2, "headersPresent": ["bw-delivery"], "distinctHeader": "bw-delivery",
                  "last": {"json": {"/n": 2}, "jsonArrayContains": {"/list": [3]}}}},
                 {"id": "k-03", "method": "POST", "path": "/echo", "body": {"n": "{k-01./n}"},
                  "expect": {"status": 200, "json": {"/n": 3}}},
                 {"id": "m-01", "timeoutSeconds": 1, "expectMail": {"to": "desk@example.org", "count": 2,
                  "contentType": "multipart/alternative", "headersPresent": ["X-BorderWatch-Delivery"],
                  "subjectContains": ["UPDATED"], "subjectNotContains": ["digest"],
                  "textContains": ["What changed"], "htmlContains": ["&amp;"], "htmlNotContains": ["<b>"]}},
                 {"id": "m-02", "timeoutSeconds": 1, "expectMail": {"to": "desk@example.org", "count": 1,
                  "contentType": "multipart/mixed", "headersPresent": ["X-Other"], "subjectContains": ["FIRED"],
                  "subjectNotContains": ["HIGH"], "textContains": ["nothing"], "htmlContains": ["<p>"],
                  "htmlNotContains": ["&amp;"]}},
                 {"id": "m-03", "timeoutSeconds": 1, "expectMail": {"to": "other@example.org", "count": 1}}
                ]}""").feed(feed, topic -> topic + ".own").mail(mailbox, "127.0.0.1:2525");
        List<String> differences = run(round, ContractRound.Credentials.basic());
        assertThat(asked).isNotEmpty().allMatch("border.alerts.own"::equals);
        assertThat(differences).hasSize(3);
        assertThat(differences.get(0)).startsWith("k-02 kafka border.alerts.own: records on border.alerts.own "
                + "expected 2, got 3").contains("header bw-delivery expected on every record, 1 without it",
                "header bw-delivery expected distinct on every record, got [a, null, a]", "'/n' expected 2, got 3",
                "'/list' expected an element matching 3, got (absent)");
        assertThat(differences.get(1)).startsWith("m-02 mail to desk@example.org: mails to desk@example.org "
                + "expected 1, got 2").contains("Content-Type expected multipart/mixed…, got multipart/alternative",
                "mail header X-Other expected present, is absent", "subject expected to contain 'FIRED'",
                "subject expected without 'HIGH'", "text part expected to contain 'nothing'",
                "HTML part expected to contain '<p>'", "HTML part expected without '&amp;'");
        assertThat(differences.get(2)).isEqualTo("m-03 mail to other@example.org: mails to other@example.org "
                + "expected 1, got 0");
    }

    @Test
    void aRawKafkaValueAPollIntervalAndTheLastRecordsHeadersAndTextAreJudged() throws IOException {
        RoundFeed feed = topic -> List.of(
                new RoundFeed.Record(null, Map.of("bw-reject-reason", "MALFORMED", "bw-source", "raw.canonical"),
                        "this is not JSON {"),
                new RoundFeed.Record(null, Map.of("bw-reject-reason", "TOO_LARGE", "bw-partner", "desk",
                        "contentType", "application/json"), "a,b\nrow-2,x\n"));
        ContractRound round = load("""
                {"cases": [
                 {"id": "r-01", "kafka": {"topic": "raw", "key": "p", "valueRaw": "not JSON {\\"a\\": 1"}},
                 {"id": "r-02", "method": "GET", "path": "/count", "poll": {"timeoutSeconds": 1, "intervalMillis": 400},
                  "expect": {"status": 200, "json": {"/n": 50}}},
                 {"id": "r-03", "timeoutSeconds": 1, "expectKafka": {"topic": "rejected", "count": 2,
                  "last": {"headers": {"bw-reject-reason": "^TOO_LARGE$", "bw-partner": true, "bw-source": null},
                   "bodyIncludes": ["row-2"], "bodyExcludes": ["row-3"]}}},
                 {"id": "r-04", "timeoutSeconds": 1, "expectKafka": {"topic": "rejected", "count": 2,
                  "last": {"headers": {"bw-reject-reason": "^MALFORMED$", "bw-source": true, "contentType": null},
                   "bodyIncludes": ["not JSON"], "bodyExcludes": ["a,b"]}}}
                ]}""").kafka(producer, topic -> topic + ".own").feed(feed, UnaryOperator.identity());
        List<String> differences = run(round, ContractRound.Credentials.apiKey("X-Api-Key"));
        // valueRaw: the text itself, not a JSON string of it
        assertThat(producer.history()).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("raw.own");
            assertThat(r.value()).isEqualTo("not JSON {\"a\": 1");
        });
        // asked at 0, 400, 800 and 1200 ms: every intervalMillis, not the default 250 ms (5 or 6 asks)
        assertThat(counted.get()).isBetween(3, 4);
        assertThat(differences).hasSize(2);
        assertThat(differences.get(0)).startsWith("r-02 GET /count: '/n' expected 50, got " + counted.get());
        assertThat(differences.get(1)).startsWith("r-04 kafka rejected: ").contains(
                "header bw-reject-reason expected to match ^MALFORMED$, got TOO_LARGE",
                "header bw-source expected present, is absent",
                "header contentType expected absent, got application/json",
                "body expected to include 'not JSON', does not", "body expected without 'a,b', has it");
    }

    @Test
    void alignToWaitsForTheBoundaryAndAReceiverStepWithoutItsReceiverIsADifference() throws IOException {
        List<String> differences = run("""
                {"cases": [
                 {"id": "a-01", "alignTo": {"epochSecondsMultipleOf": 3, "plusSeconds": 2}, "method": "GET",
                  "path": "/count", "expect": {"status": 200}},
                 {"id": "a-02", "receiver": {"path": "/b", "respond": 503}},
                 {"id": "a-03", "expectMail": {"to": "x@example.org", "count": 0}}
                ]}""");
        // sent just after a second whose epoch value is 2 modulo 3 (not at once: 1 time in 3 it would hold anyway)
        assertThat(countedAt.get().toEpochMilli() % 3000).isBetween(2000L, 2999L);
        assertThat(differences).hasSize(2);
        assertThat(differences.get(0)).startsWith("a-02: no answer: ").contains("webhook receiver",
                "none given to the round");
        assertThat(differences.get(1)).startsWith("a-03: no answer: ").contains("mailbox");
    }
}
