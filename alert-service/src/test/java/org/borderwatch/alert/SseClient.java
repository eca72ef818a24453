package org.borderwatch.alert;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

import static org.awaitility.Awaitility.await;

/**
 * A server-sent-events reader on the JDK HTTP client, written for these tests from the SSE format: lines up to a
 * blank line make one frame; {@code id:}, {@code event:}, {@code data:} fields, {@code :} comments.
 */
public final class SseClient implements AutoCloseable {

    /** One frame as received; {@code data} is null for comment-only frames. */
    public record Frame(String id, String event, String data, List<String> comments) {
        public Alert alert() {
            return Json.read(data, Alert.class);
        }
    }

    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Void>> response;
    private String id;
    private String event;
    private StringBuilder data;
    private List<String> comments = new ArrayList<>();

    private SseClient(HttpRequest request) {
        response = HttpClient.newHttpClient().sendAsync(request,
                HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(Flow.Subscription s) {
                        s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        accept(line);
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onComplete() {
                    }
                }));
    }

    /**
     * Connects as {@code user} (password {@code <user>-pw}), with a {@code Last-Event-ID} header when given, and
     * waits for the service's first frame.
     */
    public static SseClient connect(int port, String pathAndQuery, String user, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)));
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        SseClient client = new SseClient(b.build());
        await().atMost(Duration.ofSeconds(20)).until(() -> !client.frames.isEmpty());
        return client;
    }

    private synchronized void accept(String line) {
        if (line.isEmpty()) {
            if (id != null || event != null || data != null || !comments.isEmpty()) {
                frames.add(new Frame(id, event, data == null ? null : data.toString(), List.copyOf(comments)));
            }
            id = null;
            event = null;
            data = null;
            comments = new ArrayList<>();
        } else if (line.startsWith(":")) {
            comments.add(line.substring(1).trim());
        } else if (line.startsWith("id:")) {
            id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
            event = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
            data = data == null ? new StringBuilder() : data.append('\n');
            data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
        }
    }

    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** Frames that carry an alert message. */
    public List<Frame> alerts() {
        return frames.stream().filter(f -> f.data() != null && !"reset".equals(f.event())).toList();
    }

    /** The last event id received, as an EventSource would remember it for its reconnect. */
    public String lastEventId() {
        String last = null;
        for (Frame f : frames) {
            if (f.id() != null) {
                last = f.id();
            }
        }
        return last;
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> { }).exceptionally(e -> null);
    }
}
