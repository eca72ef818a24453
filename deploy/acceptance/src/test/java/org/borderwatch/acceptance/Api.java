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
import java.util.Base64;
import java.util.List;

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
        return send(staff(HttpRequest.newBuilder(system.uri(BorderWatchSystem.ALERT, pathAndQuery)).GET()));
    }

    /** A POST of JSON on alert-service as the documented staff user. */
    Answer staffPost(String path, Object payload) {
        return send(staff(HttpRequest.newBuilder(system.uri(BorderWatchSystem.ALERT, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(payload), StandardCharsets.UTF_8))));
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
