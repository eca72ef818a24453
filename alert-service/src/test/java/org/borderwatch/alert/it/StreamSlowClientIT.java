package org.borderwatch.alert.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.SseClient;
import org.borderwatch.alert.delivery.stream.AlertStreamHub;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.StreamLogStore;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Code review F3: a live-stream client that stops reading must not stall the others. A raw socket opens a stream and
 * never reads while a real SSE client keeps reading; large messages fill the stalled connection's buffers (so a write
 * to it blocks) and then its queue ({@code alert.stream.client-buffer}, 100 in the IT settings). The reading client
 * gets every message in time throughout; the stalled one is closed with a comment telling it to resume, and
 * resuming with the last id it actually got gives it exactly the messages it missed.
 */
class StreamSlowClientIT extends AlertServiceITSupport {

    private static final String STREAM = "/api/v1/alerts/stream";
    /** Large enough that a few dozen fill a stalled connection's socket buffers (some MB on loopback). */
    private static final String PADDING = "x".repeat(48_000);
    private static final int ROUNDS = 15;
    private static final int PER_ROUND = 20;

    @Autowired
    StreamLogStore streamLog;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private double dropped() {
        return meters.get(org.borderwatch.alert.AlertMetrics.STREAM_DROPPED).counter().count();
    }

    private final Logger hubLog = (Logger) LoggerFactory.getLogger(AlertStreamHub.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureHubLog() {
        logs.start();
        hubLog.addAppender(logs);
    }

    @AfterEach
    void releaseHubLog() {
        hubLog.detachAppender(logs);
    }

    private static Alert big(String marker, int n) {
        UUID incident = UUID.randomUUID();
        return new Alert(Alert.SCHEMA_VERSION, AlertLifecycle.alertIdOf(incident), incident, 1, 1,
                AlertEvent.FIRED, AlertStatus.FIRING, BorderSegment.TAVUSH, Severity.HIGH, Occurrence.UNVERIFIED,
                null, List.of(), null, List.of(), marker + " #" + n + " " + PADDING, List.of(), null,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static List<SseClient.Frame> mine(List<SseClient.Frame> frames, String marker) {
        return frames.stream().filter(f -> f.data() != null && f.data().contains(marker)).toList();
    }

    @Test
    void aClientThatStopsReadingIsDroppedWithoutStallingTheOthersAndResumesWithoutLoss() throws Exception {
        String marker = "slow-client-" + UUID.randomUUID();
        List<Long> appended = new ArrayList<>();
        double droppedBefore = dropped();
        try (SseClient reader = SseClient.connect(port, STREAM, "staff1", null);
             Socket stalled = new Socket()) {
            // a small receive window, and never a read until the end: the server's writes to it block
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", port));
            stalled.getOutputStream().write(("GET " + STREAM + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/event-stream\r\nAuthorization: Basic " + Base64.getEncoder()
                    .encodeToString("staff2:staff2-pw".getBytes(StandardCharsets.UTF_8)) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();

            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < PER_ROUND; i++) {
                    Alert alert = big(marker, appended.size());
                    appended.add(streamLog.append(alert, Json.write(alert), Instant.now()));
                }
                int expected = appended.size();
                // the reading client keeps up, round after round, whatever the stalled one does
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> mine(reader.alerts(), marker).size() == expected);
            }
            assertThat(mine(reader.alerts(), marker)).extracting(f -> Long.parseLong(f.id()))
                    .containsExactlyElementsOf(appended);
            await().atMost(Duration.ofSeconds(10)).until(() -> logs.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("fell 100 frames behind")));
            assertThat(dropped()).as(org.borderwatch.alert.AlertMetrics.STREAM_DROPPED).isEqualTo(droppedBefore + 1);

            // the stalled client reads again: what it was written, then the comment that closes its stream
            stalled.setSoTimeout(30_000);
            String body = chunkedBody(stalled.getInputStream());
            List<String> lines = body.lines().toList();
            List<Long> got = new ArrayList<>();
            String id = null;
            for (String line : lines) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:") && line.contains(marker)) {
                    got.add(Long.parseLong(id));
                }
            }
            assertThat(lines.stream().filter(l -> l.startsWith(":")).reduce((a, b) -> b).orElseThrow())
                    .contains("closed: this client fell 100 messages behind; reconnect with Last-Event-ID to resume");
            // from the first message after it joined (the hub may have handed out a round before), in order
            assertThat(got).isNotEmpty();
            int first = appended.indexOf(got.get(0));
            int end = first + got.size();
            assertThat(first).isNotNegative();
            assertThat(end).as("dropped before the last message").isLessThan(appended.size());
            assertThat(got).as("one run of messages, in order").containsExactlyElementsOf(appended.subList(first, end));

            // resuming from the last message it got: exactly the ones it missed, in order
            String lastEventId = Long.toString(got.get(got.size() - 1));
            try (SseClient back = SseClient.connect(port, STREAM, "staff2", lastEventId)) {
                int missed = appended.size() - end;
                await().atMost(Duration.ofSeconds(30)).until(() -> mine(back.alerts(), marker).size() == missed);
                assertThat(mine(back.alerts(), marker)).extracting(f -> Long.parseLong(f.id()))
                        .containsExactlyElementsOf(appended.subList(end, appended.size()));
            }
        }
    }

    /** The body of a chunked HTTP response, read to its last chunk. */
    private static String chunkedBody(InputStream in) throws IOException {
        String head = readUntil(in, "\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readUntil(in, "\r\n").trim();
            int n = Integer.parseInt(size.split(";")[0], 16);
            if (n == 0) {
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(in.readNBytes(n));
            readUntil(in, "\r\n");
        }
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!out.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + out.toString(StandardCharsets.ISO_8859_1));
            }
            out.write(b);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
