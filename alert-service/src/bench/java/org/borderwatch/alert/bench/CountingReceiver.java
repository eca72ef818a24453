package org.borderwatch.alert.bench;

import com.sun.net.httpserver.HttpServer;
import org.borderwatch.common.json.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongBiFunction;

/**
 * A webhook receiver on 127.0.0.1 (the JDK's HTTP server) that answers 204 at once and only counts: requests, the
 * alert items in them ({@code subscriptionId|incidentId|sequence}) with the arrival time of the first copy, and
 * copies that arrived again. It does not verify signatures (that is the integration tests' job, not a cost a
 * partner's receiver would put on our clock).
 */
final class CountingReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final ToLongBiFunction<String, Long> sentAt;
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    /** Latency (ns) of each first arrival, from the driver's send time of the assessment version it reflects. */
    private final LongList latencies = new LongList();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unknownVersions = new AtomicLong();
    private volatile long lastArrival;

    /** @param sentAt send time (System.nanoTime) of an (incidentId, assessment version), or -1 if never sent */
    CountingReceiver(ToLongBiFunction<String, Long> sentAt) {
        this.sentAt = sentAt;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-webhook-receiver");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long now = System.nanoTime();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            requests.incrementAndGet();
            record(body, now);
        });
        server.start();
    }

    private void record(byte[] body, long now) {
        JsonNode notification = Json.tree(body);
        String subscription = notification.get("subscriptionId").asString();
        for (JsonNode alert : notification.get("alerts")) {
            String incident = alert.get("incidentId").asString();
            String key = subscription + "|" + incident + "|" + alert.get("sequence").asLong();
            if (firstArrival.putIfAbsent(key, now) != null) {
                duplicates.incrementAndGet();
                continue;
            }
            long sent = sentAt.applyAsLong(incident, alert.get("assessmentVersion").asLong());
            if (sent < 0) {
                unknownVersions.incrementAndGet();
            } else {
                latencies.add(now - sent);
            }
        }
        lastArrival = now;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    long requests() {
        return requests.get();
    }

    int distinctItems() {
        return firstArrival.size();
    }

    Set<String> itemKeys() {
        return firstArrival.keySet();
    }

    long duplicates() {
        return duplicates.get();
    }

    long unknownVersions() {
        return unknownVersions.get();
    }

    long lastArrival() {
        return lastArrival;
    }

    long[] latencies() {
        return latencies.toArray();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A growable array of longs, synchronised (two receiver threads add). */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        synchronized long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
