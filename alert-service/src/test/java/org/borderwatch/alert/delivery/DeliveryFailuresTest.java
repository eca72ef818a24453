package org.borderwatch.alert.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryFailuresTest {

    private static final String HOST = "hooks.example.org:443";

    /** The errors as the JDK HTTP client throws them (seen with a real client against closed/slow/TLS targets). */
    static Stream<Arguments> unreachable() {
        ConnectException refused = new ConnectException();
        refused.initCause(new ConnectException());
        refused.getCause().initCause(new ClosedChannelException());
        ConnectException unresolved = new ConnectException();
        unresolved.initCause(new UnresolvedAddressException());
        HttpConnectTimeoutException connectTimeout = new HttpConnectTimeoutException("HTTP connect timed out");
        connectTimeout.initCause(new ConnectException("HTTP connect timed out"));
        return Stream.of(
                Arguments.of("closed port", refused, "connection refused by " + HOST),
                Arguments.of("slow answer", new HttpTimeoutException("request timed out"),
                        "no answer from " + HOST + " within 5s"),
                Arguments.of("socket read timeout (SMTP)", new SocketTimeoutException("Read timed out"),
                        "no answer from " + HOST + " within 5s"),
                Arguments.of("no connection", connectTimeout, "no connection to " + HOST + " within 5s"),
                // the webhook client (Apache HttpClient 5): its own kinds, as it throws them
                Arguments.of("no connection (webhook client)", new org.apache.hc.client5.http.ConnectTimeoutException(
                        "Connect to https://hooks.example.org:443 timed out"), "no connection to " + HOST + " within 5s"),
                Arguments.of("closed port (webhook client)", new org.apache.hc.client5.http.HttpHostConnectException(
                        "Connect to http://hooks.example.org:443 failed: Connection refused"),
                        "connection refused by " + HOST),
                Arguments.of("closed without answer (webhook client)",
                        new org.apache.hc.core5.http.ConnectionClosedException("Connection closed by peer"),
                        HOST + " closed the connection without an answer"),
                Arguments.of("unknown host", unresolved, "host name not found: hooks.example.org"),
                Arguments.of("TLS", new IOException(new SSLHandshakeException("Remote host terminated the handshake")),
                        "TLS handshake with " + HOST + " failed: Remote host terminated the handshake"),
                Arguments.of("closed without answer", new IOException("HTTP/1.1 header parser received no bytes"),
                        HOST + " closed the connection without an answer"),
                Arguments.of("anything else: its words, never a class name",
                        new IOException("java.net.SocketException: Protocol wrong type for socket"),
                        "could not reach " + HOST + ": Protocol wrong type for socket"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreachable")
    void unreachableInWords(String name, Throwable error, String expected) {
        String text = DeliveryFailures.unreachable(HOST, error, Duration.ofSeconds(5));
        assertThat(text).isEqualTo(expected).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w*Exception");
    }

    static Stream<Arguments> statuses() {
        return Stream.of(Arguments.of(503, "HTTP 503 Service Unavailable"), Arguments.of(404, "HTTP 404 Not Found"),
                Arguments.of(429, "HTTP 429 Too Many Requests"), Arguments.of(500, "HTTP 500 Internal Server Error"),
                Arguments.of(599, "HTTP 599"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void httpStatusWithItsPhrase(int status, String expected) {
        assertThat(DeliveryFailures.httpStatus(status)).isEqualTo(expected);
    }

    static Stream<Arguments> smtp() {
        return Stream.of(
                Arguments.of("recipient refused, nested as the mail client does",
                        new Exception("Invalid Addresses", new Exception(
                                "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown\n")),
                        550, "SMTP 550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown", true),
                Arguments.of("mailbox busy: passing", new Exception("451 4.3.0 try again later"), 451,
                        "SMTP 451 4.3.0 try again later", false),
                Arguments.of("a multi-line reply", new Exception("554-5.7.1 rejected\n554 5.7.1 policy"), 554,
                        "SMTP 554 5.7.1 rejected\n554 5.7.1 policy", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smtp")
    void smtpReplyFromTheChain(String name, Throwable error, int code, String text, boolean permanent) {
        var reply = DeliveryFailures.smtpReply(error).orElseThrow();
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.text()).isEqualTo(text);
        assertThat(reply.permanent()).isEqualTo(permanent);
    }

    @Test
    void noSmtpReplyInAConnectionError() {
        assertThat(DeliveryFailures.smtpReply(new Exception("Couldn't connect to host, port: 127.0.0.1, 9",
                new ConnectException("Connection refused")))).isEmpty();
    }

    @Test
    void circuitRoundAndGiveUpTexts() {
        assertThat(DeliveryFailures.circuitOpen(HOST, Instant.parse("2026-11-22T23:41:07.734Z"),
                "HTTP 503 Service Unavailable")).isEqualTo("circuit open for " + HOST
                + " since 2026-11-22T23:41:07Z (last failure: HTTP 503 Service Unavailable)");
        assertThat(DeliveryFailures.circuitOpen(HOST, null, null)).isEqualTo("circuit open for " + HOST);
        assertThat(DeliveryFailures.failedThenCircuitOpened("HTTP 500 Internal Server Error", HOST))
                .isEqualTo("HTTP 500 Internal Server Error; then the circuit for " + HOST + " opened");
        assertThat(DeliveryFailures.gaveUp(8, 4, "HTTP 503 Service Unavailable"))
                .isEqualTo("gave up after 8 attempts in 4 rounds; last failure: HTTP 503 Service Unavailable");
        assertThat(DeliveryFailures.rateLimited(HOST, 20))
                .isEqualTo("rate limit for " + HOST + " reached (20 per second); deferred to its next permit");
        assertThat(DeliveryFailures.failedThenRateLimited("HTTP 503 Service Unavailable", HOST))
                .isEqualTo("HTTP 503 Service Unavailable; then the rate limit for " + HOST
                        + " left no permit for another attempt");
    }

    @Test
    void durationsAndWordsWithoutClassNames() {
        assertThat(DeliveryFailures.seconds(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(DeliveryFailures.seconds(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(DeliveryFailures.seconds(Duration.ofMillis(400))).isEqualTo("400ms");
        assertThat(DeliveryFailures.seconds(Duration.ofMinutes(2))).isEqualTo("2min");
        assertThat(DeliveryFailures.words(new IllegalStateException(
                "org.apache.kafka.common.errors.RecordTooLargeException: The message is too large")))
                .isEqualTo("The message is too large");
        assertThat(DeliveryFailures.words(new java.net.SocketException())).isEqualTo("socket error");
    }
}
