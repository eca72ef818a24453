package org.borderwatch.ingest.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.ingest.IngestITSupport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The upload never reads an unauthenticated or oversized body (the test configuration's limit is
 * ingest.max-batch-size=64KB): without a key the answer is 401 before the body is read; with one, a declared
 * Content-Length above the limit is 413 at once, and a chunked body is cut off after limit + 1 bytes with 413. The
 * proof that nothing waits for the body: raw requests that announce far more than they send (or never end their
 * chunks) are still answered.
 */
class BodyLimitIT extends IngestITSupport {

    private static final String KEY = "it-key-statements";
    private static final int LIMIT = 64 * 1024;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An NDJSON body of valid statements just over the limit (each line under the 4 KB record limit). */
    private static byte[] justOverLimit(String marker) {
        StringBuilder body = new StringBuilder();
        int i = 0;
        while (body.length() <= LIMIT) {
            body.append(statement(marker + "-" + i++, "On 16 March at 08:20 Armenian units in Khnatsakh fired at "
                    + "our positions. " + "Nothing else happened that day. ".repeat(20))).append('\n');
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String key, HttpRequest.BodyPublisher body, String query) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/reports/statement" + query))
                .header("Content-Type", "application/x-ndjson").timeout(Duration.ofSeconds(20)).POST(body);
        if (key != null) {
            b.header("X-Api-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A body without a length: the client sends it chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] bytes) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    private static List<ConsumerRecord<String, byte[]>> rejectedWith(String marker) {
        return REJECTED.stream().filter(r -> value(r).contains(marker)).toList();
    }

    @Test
    void aBodyJustOverTheLimitWithoutAKeyIs401AndNothingIsRecorded() throws Exception {
        String marker = uniqueRef("over-nokey");
        byte[] body = justOverLimit(marker);
        assertThat(body.length).isGreaterThan(LIMIT);

        HttpResponse<String> sized = post(null, HttpRequest.BodyPublishers.ofByteArray(body), "");
        HttpResponse<String> streamed = post(null, chunked(body), "");
        HttpResponse<String> wrongKey = post("not-a-key", chunked(body), "");

        for (HttpResponse<String> r : List.of(sized, streamed, wrongKey)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(r.body()).contains("urn:borderwatch:problem:unauthorized").contains("X-Api-Key");
        }
        // the proof the body is not waited for: a check sent after these requests reaches the topic first
        assertOkAfter(marker);
        assertThat(rejectedWith(marker)).as("an unauthenticated request is never recorded").isEmpty();
    }

    @Test
    void aBodyJustOverTheLimitWithAKeyIs413WithContentLengthAndChunkedAndIsRecordedCut() throws Exception {
        String sizedMarker = uniqueRef("over-sized");
        String chunkedMarker = uniqueRef("over-chunked");
        byte[] sizedBody = justOverLimit(sizedMarker);
        byte[] chunkedBody = justOverLimit(chunkedMarker);

        HttpResponse<String> sized = post(KEY, HttpRequest.BodyPublishers.ofByteArray(sizedBody), "");
        HttpResponse<String> streamed = post(KEY, chunked(chunkedBody), "");

        for (HttpResponse<String> r : List.of(sized, streamed)) {
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("urn:borderwatch:problem:rejected-input").contains("\"reason\":\"TOO_LARGE\"")
                    .contains("the limit is " + LIMIT + " bytes");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !rejectedWith(sizedMarker).isEmpty()
                && !rejectedWith(chunkedMarker).isEmpty());
        ConsumerRecord<String, byte[]> bySize = rejectedWith(sizedMarker).get(0);
        ConsumerRecord<String, byte[]> byChunks = rejectedWith(chunkedMarker).get(0);
        for (ConsumerRecord<String, byte[]> r : List.of(bySize, byChunks)) {
            assertThat(header(r, "bw-reject-reason")).isEqualTo("TOO_LARGE");
            assertThat(header(r, "bw-source")).isEqualTo("http");
            assertThat(header(r, "bw-partner")).isEqualTo("it-partner");
            assertThat(r.value().length).as("never more than limit + 1 bytes read").isEqualTo(LIMIT + 1);
        }
        assertThat(bySize.value()).isEqualTo(Arrays.copyOf(sizedBody, LIMIT + 1));
        assertThat(byChunks.value()).isEqualTo(Arrays.copyOf(chunkedBody, LIMIT + 1));
        assertThat(header(bySize, "bw-reject-detail"))
                .contains("Content-Length " + sizedBody.length + " bytes, more than the batch limit of " + LIMIT);
        assertThat(header(byChunks, "bw-reject-detail"))
                .contains("more than the batch limit of " + LIMIT + " bytes (reading stopped after " + (LIMIT + 1));
        // none of the lines was published
        assertThat(NORMALIZED.stream().map(IngestITSupport::value)
                .anyMatch(v -> v.contains(sizedMarker) || v.contains(chunkedMarker))).isFalse();
    }

    @Test
    void aDryRunOverTheLimitIs413AndRecordsNothing() throws Exception {
        String marker = uniqueRef("over-dry");
        HttpResponse<String> dry = post(KEY, chunked(justOverLimit(marker)), "?dryRun=true");
        assertThat(dry.statusCode()).isEqualTo(413);
        assertThat(dry.body()).contains("TOO_LARGE");
        assertOkAfter(marker);
        assertThat(rejectedWith(marker)).isEmpty();
    }

    /**
     * Requests that announce 100 MB and send a few bytes, or stream chunks without ever ending: answered at once
     * (a server that waited for the body would time out the socket read here).
     */
    @Test
    void theAnswerDoesNotWaitForABodyTheServerWillNotRead() throws Exception {
        assertThat(raw(null, "Content-Length: 100000000", "{\"sourceRef\":", false)).startsWith("HTTP/1.1 401");
        // with a key, only the part the rejected record keeps (limit + 1 here) is read, then 413
        assertThat(raw(KEY, "Content-Length: 100000000", "x".repeat(LIMIT + 1), false)).startsWith("HTTP/1.1 413");
        // a dry run records nothing, so it reads nothing
        assertThat(raw(KEY, "Content-Length: 100000000", "{\"sourceRef\":", false, "?dryRun=true"))
                .startsWith("HTTP/1.1 413");
        // a chunked body over the limit whose last chunk never comes: cut off after limit + 1 bytes
        assertThat(raw(KEY, "Transfer-Encoding: chunked", "x".repeat(LIMIT + 10), true)).startsWith("HTTP/1.1 413");
        assertThat(raw(null, "Transfer-Encoding: chunked", "x".repeat(100), true)).startsWith("HTTP/1.1 401");
        assertOkAfter(uniqueRef("raw"));
    }

    @Test
    void aBodyUnderTheLimitIsStillAcceptedWhetherSizedOrChunked() throws Exception {
        String marker = uniqueRef("under");
        String body = statement(marker + "-a", "On 16 March at 08:20 Armenian units in Khnatsakh fired at our "
                + "positions.") + "\n" + statement(marker + "-b", "On 16 March at 07:05 Armenian units near Sotk "
                + "fired at our positions.") + "\n";
        HttpResponse<String> sized = post(KEY, HttpRequest.BodyPublishers.ofString(body), "");
        assertThat(sized.statusCode()).isEqualTo(202);
        assertThat(sized.body()).contains("\"line\":1").contains("\"line\":2");
        HttpResponse<String> dry = post(KEY, chunked(body.replace(marker, marker + "x")
                .getBytes(StandardCharsets.UTF_8)), "?dryRun=yes");
        assertThat(dry.statusCode()).isEqualTo(200);
        assertThat(dry.body()).contains(marker + "x-a").contains(marker + "x-b");
        await().atMost(Duration.ofSeconds(20)).until(() -> NORMALIZED.stream().map(IngestITSupport::value)
                .filter(v -> v.contains(marker + "-")).count() == 2);
        HttpResponse<String> badFlag = post(KEY, HttpRequest.BodyPublishers.ofString(body), "?dryRun=maybe");
        assertThat(badFlag.statusCode()).isEqualTo(400);
        assertThat(badFlag.body()).contains("'dryRun' must be true or false, not 'maybe'");
    }

    /**
     * The record limit (4 KB here) measures a record's content: a statement of 2,000 spaces written as
     * {@code \\u0020} (12 KB as sent, 2 KB of content) and one sentence is accepted over HTTP and from the raw topic;
     * 5,000 real spaces are refused as TOO_LARGE with a detail naming the limit.
     */
    @Test
    void aRecordIsMeasuredByItsContentNotByItsJsonEscapes() throws Exception {
        String escaped = uniqueRef("escaped-spaces");
        String sentence = "On 16 March at 08:20 Armenian units in Khnatsakh fired at our positions.";
        HttpResponse<String> ok = post(KEY, HttpRequest.BodyPublishers.ofString(statement(escaped,
                "\\u0020".repeat(2_000) + sentence)), "");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
        String fromTopic = uniqueRef("escaped-spaces-raw");
        send(Topics.RAW_STATEMENT.name(), statement(fromTopic,
                "\\u0020".repeat(2_000) + sentence));
        await().atMost(Duration.ofSeconds(20)).until(() -> NORMALIZED.stream().map(IngestITSupport::value)
                .filter(v -> v.contains(escaped) || v.contains(fromTopic)).count() == 2);

        String spaces = uniqueRef("real-spaces");
        HttpResponse<String> large = post(KEY, HttpRequest.BodyPublishers.ofString(statement(spaces,
                " ".repeat(5_000) + sentence)), "");
        assertThat(large.statusCode()).isEqualTo(202); // an NDJSON body: its line is refused
        assertThat(large.body()).contains("\"reason\":\"TOO_LARGE\"")
                .contains("more than the record limit of 4096 bytes (ingest.max-record-size;");
    }

    /** A good statement sent after the others is published: the service is healthy and not stuck on a body. */
    private void assertOkAfter(String marker) throws Exception {
        String ref = marker + "-after";
        HttpResponse<String> ok = post(KEY, HttpRequest.BodyPublishers.ofString(statement(ref,
                "On 16 March at 08:20 Armenian units in Khnatsakh fired at our positions.")), "");
        assertThat(ok.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> NORMALIZED.stream().map(IngestITSupport::value)
                .anyMatch(v -> v.contains(ref)));
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("UP");
    }

    /**
     * One raw HTTP/1.1 request: the headers, then {@code body} (as one chunk when chunked, without the closing
     * chunk), then the status line as read within 10 s.
     */
    private String raw(String key, String framing, String body, boolean chunked) throws IOException {
        return raw(key, framing, body, chunked, "");
    }

    private String raw(String key, String framing, String body, boolean chunked, String query) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST /api/v1/reports/statement" + query
                    + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\n" + framing + "\r\n");
            if (key != null) {
                head.append("X-Api-Key: ").append(key).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (chunked) {
                out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(bytes);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.append((char) c);
            }
            return line.toString().trim();
        }
    }
}
