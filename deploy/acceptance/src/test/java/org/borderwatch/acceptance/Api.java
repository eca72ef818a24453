package org.borderwatch.acceptance;

import org.borderwatch.common.json.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.stream.Stream;

/** The services' HTTP APIs as a partner and a staff member call them: plain JDK HTTP, JSON read as trees. */
final class Api {

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, String location, String body) {

        JsonNode json() {
            return Json.tree(body.getBytes(StandardCharsets.UTF_8));
        }

        List<JsonNode> list() {
            return json().valueStream().toList();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    private final BorderWatchSystem system;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Api(BorderWatchSystem system) {
        this.system = system;
    }

    /** {@code POST /api/v1/reports/{format}} on ingest with the partner's key (or none when {@code key} is null). */
    Answer postReports(String format, String contentType, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(system.uri(BorderWatchSystem.INGEST,
                        "/api/v1/reports/" + format))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return send(request);
    }

    /** A GET on alert-service as the documented staff user. */
    Answer staffGet(String pathAndQuery) {
        return staffGet(pathAndQuery, "application/json");
    }

    /** A GET on alert-service as the documented staff user, asking for a media type. */
    Answer staffGet(String pathAndQuery, String accept) {
        return send(staff(HttpRequest.newBuilder(system.uri(BorderWatchSystem.ALERT, pathAndQuery))
                .header("Accept", accept).GET()));
    }

    /** A DELETE on alert-service as the documented staff user. */
    Answer staffDelete(String path) {
        return send(staff(HttpRequest.newBuilder(system.uri(BorderWatchSystem.ALERT, path)).DELETE()));
    }

    /** An unauthenticated GET on a service (health and metrics are open). */
    Answer get(String service, String pathAndQuery) {
        return send(HttpRequest.newBuilder(system.uri(service, pathAndQuery)).GET());
    }

    /** A POST of JSON on alert-service as the documented staff user. */
    Answer staffPost(String path, Object payload) {
        return send(staff(HttpRequest.newBuilder(system.uri(BorderWatchSystem.ALERT, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(payload), StandardCharsets.UTF_8))));
    }

    /**
     * Opens alert-service's server-sent-event stream as the staff user; the lines arrive in the background until
     * {@link EventStream#close()}.
     */
    EventStream staffStream(String pathAndQuery) {
        HttpRequest request = staff(HttpRequest.newBuilder(system.uri(BorderWatchSystem.ALERT, pathAndQuery))
                .header("Accept", "text/event-stream").GET()).build();
        EventStream stream = new EventStream();
        stream.response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    stream.status = response.statusCode();
                    Thread reader = new Thread(() -> {
                        try (Stream<String> lines = response.body()) {
                            stream.body = lines;
                            lines.forEach(stream.lines::add);
                        } catch (RuntimeException e) {
                            // the stream ended or was closed
                        }
                    }, "sse-reader");
                    reader.setDaemon(true);
                    reader.start();
                    return response;
                });
        return stream;
    }

    /** The lines of an open event stream, as received. */
    static final class EventStream implements AutoCloseable {
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private volatile CompletableFuture<HttpResponse<Stream<String>>> response;
        private volatile Stream<String> body;
        private volatile int status;

        int status() {
            return status;
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        /** The {@code data:} payloads that follow an {@code event: <name>} line. */
        List<JsonNode> events(String name) {
            List<JsonNode> events = new ArrayList<>();
            String event = null;
            for (String line : lines) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && name.equals(event)) {
                    events.add(Json.tree(line.substring(5).trim().getBytes(StandardCharsets.UTF_8)));
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
            return events;
        }

        @Override
        public void close() {
            Stream<String> b = body;
            if (b != null) {
                b.close();
            }
            response.cancel(true);
        }
    }

    private static HttpRequest.Builder staff(HttpRequest.Builder request) {
        String credentials = BorderWatchSystem.STAFF_USER + ":" + BorderWatchSystem.STAFF_PASSWORD;
        return request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP call failed: " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
