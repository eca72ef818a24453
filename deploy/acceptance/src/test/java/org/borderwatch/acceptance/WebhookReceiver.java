package org.borderwatch.acceptance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.borderwatch.common.json.Json;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A partner's webhook endpoint: a real HTTP server on localhost that answers 200 and keeps every request exactly as
 * it arrived (headers and raw body), so the tests can check the signature over the bytes that were sent.
 */
final class WebhookReceiver implements AutoCloseable {

    static final String TIMESTAMP_HEADER = "X-BorderWatch-Timestamp";
    static final String SIGNATURE_HEADER = "X-BorderWatch-Signature";
    static final String DELIVERY_HEADER = "X-BorderWatch-Delivery";

    /** One request as received. */
    record Delivery(String path, String timestamp, String signature, String deliveryId, byte[] body,
                    Instant receivedAt) {

        JsonNode json() {
            return Json.tree(body);
        }

        /** The alerts of this notification (the webhook body's {@code alerts} list). */
        List<JsonNode> alerts() {
            return json().path("alerts").valueStream().toList();
        }

        /** HMAC-SHA256 of {@code timestamp + "." + body} with {@code secret}, compared in constant time. */
        boolean signedWith(String secret) {
            if (timestamp == null || signature == null) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
                String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
                return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The timestamp header lies within {@code toleranceSeconds} of when the request arrived. */
        boolean fresh(long toleranceSeconds) {
            try {
                return Math.abs(receivedAt.getEpochSecond() - Long.parseLong(timestamp)) <= toleranceSeconds;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return path + " delivery=" + deliveryId + " ts=" + timestamp + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            var headers = exchange.getRequestHeaders();
            deliveries.add(new Delivery(exchange.getRequestURI().getPath(), headers.getFirst(TIMESTAMP_HEADER),
                    headers.getFirst(SIGNATURE_HEADER), headers.getFirst(DELIVERY_HEADER), body, Instant.now()));
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** The URL of an endpoint on this receiver, e.g. {@code url("/syunik")}. */
    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    List<Delivery> deliveries(String path) {
        return deliveries.stream().filter(d -> d.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
