package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.RejectingSmtpServer;
import org.borderwatch.testkit.WebhookReceiver;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator reads in {@code GET /api/v1/alerts/{id}/deliveries} when a delivery does not go through: the
 * failure in words with its target (refused connection, a receiver that does not answer within the timeout, HTTP
 * status with its phrase, a TLS handshake that fails, an open circuit since when and why, an SMTP server's
 * refusal), never a Java exception's name. Each target is its own host:port, so its circuit is its own.
 */
class DeliveryFailureTextIT extends AlertServiceITSupport {

    private static final WebhookReceiver SLOW = new WebhookReceiver();
    private static final WebhookReceiver UNAVAILABLE = new WebhookReceiver();
    private static final WebhookReceiver GONE = new WebhookReceiver();
    /** Accepts a connection and writes plain HTTP at once: a TLS client's handshake fails. */
    private static final ServerSocket NOT_TLS = notTls();

    @AfterAll
    static void stop() throws IOException {
        SLOW.close();
        UNAVAILABLE.close();
        GONE.close();
        NOT_TLS.close();
    }

    private static ServerSocket notTls() {
        try {
            ServerSocket s = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!s.isClosed()) {
                    try (Socket c = s.accept(); OutputStream out = c.getOutputStream()) {
                        out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "not-tls");
            t.setDaemon(true);
            t.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private Optional<JsonNode> delivery(UUID incident, String subscriptionId) {
        var response = get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident) + "/deliveries", "staff1");
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        for (JsonNode d : Json.tree(response.body().getBytes(StandardCharsets.UTF_8))) {
            if (d.get("subscriptionId").asString().equals(subscriptionId)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static String lastError(Optional<JsonNode> d) {
        return d.map(x -> x.path("lastError")).filter(x -> !x.isMissingNode() && !x.isNull())
                .map(JsonNode::asString).orElse("");
    }

    @Test
    void webhookFailuresReadAsWhatHappenedToWhichTarget() throws Exception {
        int closed = closedPort();
        SLOW.answerAfter("/slow", Duration.ofSeconds(4));
        UNAVAILABLE.failFirst("/busy", Integer.MAX_VALUE, 503);
        GONE.failFirst("/gone", Integer.MAX_VALUE, 404);
        String filter = "{\"segments\":[\"TAVUSH\"],\"minSeverity\":\"LOW\",\"occurrences\":[\"REFUTED\"]}";
        String refusedSub = subscribeWebhook("staff1", "http://127.0.0.1:" + closed + "/hook", filter);
        // the slow receiver holds its own lane 2 s per attempt (the other targets are sent to meanwhile); its incident
        // comes after the others' all the same, so that its rows never share a pass with the 503 target's
        String slowSub = subscribeWebhook("staff1", SLOW.url("/slow"),
                "{\"segments\":[\"TAVUSH\"],\"minSeverity\":\"LOW\",\"occurrences\":[\"DISPUTED\"]}");
        String busySub = subscribeWebhook("staff1", UNAVAILABLE.url("/busy"), filter);
        String goneSub = subscribeWebhook("staff1", GONE.url("/gone"), filter);
        String tlsSub = subscribeWebhook("staff1", "https://127.0.0.1:" + NOT_TLS.getLocalPort() + "/hook", filter);
        UUID incident = UUID.randomUUID();

        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.TAVUSH, Severity.LOW, Occurrence.REFUTED,
                false, Fixtures.EVENT_TIME.plusYears(70)));

        // the texts seen while the rows are retried: each failure in words, or the circuit it opened and why
        Set<String> seen = ConcurrentHashMap.newKeySet();
        String busy = "127.0.0.1:" + UNAVAILABLE.url("/").replaceAll("^.*:(\\d+)/$", "$1");
        // and, while a failed row waits, when it is due again (nextAttemptAt)
        java.util.List<JsonNode> waiting = new java.util.concurrent.CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(40)).until(() -> {
            Optional<JsonNode> row = delivery(incident, busySub);
            String e = lastError(row);
            seen.add(e);
            row.filter(d -> d.get("status").asString().equals("PENDING") && !lastError(row).isEmpty())
                    .ifPresent(waiting::add);
            return !waiting.isEmpty() && seen.stream().anyMatch(x -> x.matches("circuit open for " + busy.replace(".", "\\.")
                    + " since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\(last failure: HTTP 503 Service Unavailable\\)"))
                    && lastError(delivery(incident, refusedSub)).contains("connection refused by 127.0.0.1:" + closed)
                    && lastError(delivery(incident, tlsSub)).contains("TLS handshake with 127.0.0.1:"
                    + NOT_TLS.getLocalPort() + " failed: ");
        });
        assertThat(waiting).allSatisfy(d -> {
            assertThat(d.has("nextAttemptAt")).as("a PENDING row after a failure says when it is due: " + d).isTrue();
            assertThat(java.time.Instant.parse(d.get("nextAttemptAt").asString()))
                    .isAfter(java.time.Instant.parse(d.get("createdAt").asString()));
        });
        // a receiver holding its answer past the timeout
        UUID slowIncident = UUID.randomUUID();
        sendAssessments(Fixtures.assessment(slowIncident, 1, BorderSegment.TAVUSH, Severity.LOW, Occurrence.DISPUTED,
                false, Fixtures.EVENT_TIME.plusYears(70).plusDays(1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> lastError(delivery(slowIncident, slowSub))
                .contains("no answer from " + SLOW.url("/").replaceAll("^http://(.*)/$", "$1") + " within 2s"));
        // the 503 target, after its last round: the status with its phrase (then, maybe, the circuit it opened)
        await().atMost(Duration.ofSeconds(60)).until(() -> delivery(incident, busySub)
                .map(d -> d.get("status").asString().equals("FAILED")).orElse(false));
        assertThat(lastError(delivery(incident, busySub))).matches("gave up after \\d+ attempts in 4 rounds; last "
                + "failure: HTTP 503 Service Unavailable(; then the circuit for " + busy.replace(".", "\\.")
                + " opened)?");

        // a permanent refusal fails at once, with the status in words
        await().atMost(Duration.ofSeconds(30)).until(() -> delivery(incident, goneSub)
                .map(d -> d.get("status").asString().equals("FAILED")).orElse(false));
        JsonNode gone = delivery(incident, goneSub).orElseThrow();
        assertThat(gone.get("lastError").asString()).isEqualTo("HTTP 404 Not Found");
        assertThat(gone.get("statusCode").asInt()).isEqualTo(404);

        // after the last round: how many attempts, and the last failure itself (not the circuit that followed it)
        await().atMost(Duration.ofSeconds(60)).until(() -> delivery(incident, refusedSub)
                .map(d -> d.get("status").asString().equals("FAILED")).orElse(false));
        assertThat(lastError(delivery(incident, refusedSub)))
                .matches("gave up after \\d+ attempts in 4 rounds; last failure: .*connection refused by 127\\.0\\.0\\.1:"
                        + closed + ".*");
        for (String sub : new String[] {refusedSub, busySub, goneSub}) {
            assertThat(delivery(incident, sub).orElseThrow().has("nextAttemptAt")).as("FAILED: nothing is due")
                    .isFalse();
        }
        for (String sub : new String[] {refusedSub, slowSub, busySub, goneSub, tlsSub}) {
            assertThat(lastError(delivery(sub.equals(slowSub) ? slowIncident : incident, sub))).as(sub)
                    .doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b").doesNotContain("java.");
        }
    }

    @Test
    void eachFailedRoundIsOneWarnLineWithTheFailureInWords() throws Exception {
        ch.qos.logback.classic.Logger worker = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.borderwatch.alert.delivery.DeliveryWorker.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        worker.addAppender(logs);
        try {
            int closed = closedPort();
            String target = "http://127.0.0.1:" + closed + "/rounds";
            String sub = subscribeWebhook("staff1", target,
                    "{\"segments\":[\"TAVUSH\"],\"minSeverity\":\"LOW\",\"occurrences\":[\"REFUTED\"]}");
            UUID incident = UUID.randomUUID();
            sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.TAVUSH, Severity.LOW,
                    Occurrence.REFUTED, false, Fixtures.EVENT_TIME.plusYears(72)));
            await().atMost(Duration.ofSeconds(60)).until(() -> delivery(incident, sub)
                    .map(d -> d.get("status").asString().equals("FAILED")).orElse(false));

            java.util.List<ch.qos.logback.classic.spi.ILoggingEvent> mine = new java.util.ArrayList<>(logs.list)
                    .stream().filter(e -> e.getFormattedMessage().contains(" to " + target + ":")).toList();
            assertThat(mine).as("at least one round failed before the last").isNotEmpty();
            java.util.Set<String> rounds = new java.util.HashSet<>();
            for (var e : mine) {
                assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
                assertThat(e.getThrowableProxy()).as("no stack trace").isNull();
                String line = e.getFormattedMessage();
                assertThat(line).doesNotContain("\n")
                        .matches("delivery \\S+ to " + java.util.regex.Pattern.quote(target)
                                + ": round [123] of 4 failed after \\d+ attempt\\(s\\), next round in [0-9.]+[smh]\\S*: .+")
                        .doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b");
                assertThat(rounds.add(line.replaceAll("^delivery (\\S+) .*: round (\\d+) of.*$", "$1#$2")))
                        .as("one line per round, not per attempt: " + line).isTrue();
            }
            assertThat(mine).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("connection refused by 127.0.0.1:" + closed));
        } finally {
            worker.detachAppender(logs);
        }
    }

    @Test
    void anSmtpServersRefusalIsItsOwnReplyAndFailsAtOnce() {
        String address = "nobody-" + UUID.randomUUID() + "@" + REFUSED_MAIL_DOMAIN;
        var created = post("/api/v1/subscriptions", "staff1", """
                {"name":"refused desk","channel":{"type":"email","address":"%s"},
                 "filter":{"segments":["ARARAT"],"occurrences":["REFUTED"],"minSeverity":"MEDIUM"}}"""
                .formatted(address));
        assertThat(created.statusCode()).isEqualTo(201);
        String sub = Json.tree(created.body().getBytes(StandardCharsets.UTF_8)).get("id").asString();
        UUID incident = UUID.randomUUID();

        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.ARARAT, Severity.MEDIUM, Occurrence.REFUTED,
                false, Fixtures.EVENT_TIME.plusYears(71)));

        await().atMost(Duration.ofSeconds(30)).until(() -> delivery(incident, sub)
                .map(d -> d.get("status").asString().equals("FAILED")).orElse(false));
        JsonNode row = delivery(incident, sub).orElseThrow();
        assertThat(row.get("lastError").asString()).isEqualTo("SMTP " + RejectingSmtpServer.REPLY);
        assertThat(row.get("attempts").asInt()).as("a 5xx refusal is not retried").isEqualTo(1);
        assertThat(REJECTING_SMTP.refused()).contains("<" + address + ">");
    }
}
