package org.borderwatch.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ContractRoundTest {

    private HttpServer server;
    private final AtomicReference<String> lastKey = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/items", exchange -> {
            lastKey.set(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1/items/7");
            answer(exchange, 201, "{\"id\":\"7\",\"copy\":\"7\",\"n\":1}");
        });
        server.createContext("/items/7", exchange -> answer(exchange, 200, "{\"id\":\"7\",\"name\":\"seven\"}"));
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

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private List<String> run(String cases) throws IOException {
        ContractRound round = ContractRound.load(new ByteArrayInputStream(cases.getBytes(StandardCharsets.UTF_8)));
        return round.run(server.getAddress().getPort(), (all, step) -> step.path("key").isString()
                ? Map.of("X-Api-Key", all.get("keys").get(step.get("key").asString()).asString()) : Map.of());
    }

    @Test
    void stepsThatAnswerAsExpectedDifferInNothingAndReferencesReadEarlierAnswers() throws IOException {
        List<String> differences = run("""
                {"keys": {"desk": "secret"}, "cases": [
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
}
