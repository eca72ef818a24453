package org.borderwatch.alert;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 that records every request it gets. A path can be told to answer with an error
 * status for its first N requests, or always.
 */
public final class WebhookReceiver implements AutoCloseable {

    /**
     * One request as it arrived; {@code arrivedNanos} is {@link System#nanoTime()} when its body had been read (before
     * any hold or delay), to measure the intervals between a client's attempts.
     */
    public record Request(String path, Map<String, List<String>> headers, byte[] body, int answered,
                          long arrivedNanos) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private record Failure(AtomicInteger remaining, int status) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, java.time.Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Map<String, List<String>> arrivals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> held = new ConcurrentHashMap<>();
    /** Released on close, so a held answer never outlives the receiver. */
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long arrived = System.nanoTime();
            String path = exchange.getRequestURI().getPath();
            java.util.concurrent.CountDownLatch hold = holds.get(path);
            if (hold != null) {
                // a stalled receiver: the request is in, the answer waits until the test lets it go
                arrivals.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>())
                        .add(exchange.getRequestHeaders().getFirst("X-BorderWatch-Delivery"));
                held.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                try {
                    hold.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.get(path).decrementAndGet();
                }
            }
            java.time.Duration delay = delays.get(path);
            if (delay != null) {
                try {
                    // a slow receiver: the answer is held back (the client gives up first)
                    closed.await(delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = 204;
            Failure f = failures.get(path);
            if (f != null && f.remaining().getAndDecrement() > 0) {
                status = f.status();
            }
            requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), body, status, arrived));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The first {@code times} requests to the path get {@code status}. */
    public void failFirst(String path, int times, int status) {
        failures.put(path, new Failure(new AtomicInteger(times), status));
    }

    /**
     * Every request to the path is held, unanswered, until {@code release} is counted down (at most a minute): a
     * partner that stalls. {@link #arrivals} and {@link #held} show what came in and waits.
     */
    public void holdUntil(String path, java.util.concurrent.CountDownLatch release) {
        holds.put(path, release);
    }

    /** The {@code X-BorderWatch-Delivery} ids of the requests to a held path, in order of arrival. */
    public List<String> arrivals(String path) {
        return List.copyOf(arrivals.getOrDefault(path, List.of()));
    }

    /** How many requests to a held path are waiting for their answer now. */
    public int held(String path) {
        AtomicInteger n = held.get(path);
        return n == null ? 0 : n.get();
    }

    /** Every request to the path is answered only after {@code delay}. */
    public void answerAfter(String path, java.time.Duration delay) {
        delays.put(path, delay);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Request> accepted(String path) {
        return requests(path).stream().filter(r -> r.answered() < 300).toList();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
