package org.borderwatch.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner's webhook endpoint for tests: a real HTTP server on 127.0.0.1 that keeps every request exactly as it
 * arrived (path, headers, raw body, arrival time, the status it was answered with). By default every request is
 * answered with the success status given at construction (204 unless told otherwise); a path can be told to answer
 * another status from now on, to fail its first N requests, to answer only after a delay, or to hold its answers
 * until the test releases them.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** The idempotency-key header a BorderWatch webhook delivery carries; {@link #arrivals} lists its values. */
    public static final String DELIVERY_HEADER = "X-BorderWatch-Delivery";

    /**
     * One request as it arrived. {@code arrivedNanos} ({@link System#nanoTime()}) and {@code receivedAt} (wall clock)
     * are taken when its body had been read, before any hold or delay: the former measures intervals between a
     * client's attempts, the latter compares with timestamps the client sent. {@code answered} is the status sent back.
     */
    public record Request(String path, Map<String, List<String>> headers, byte[] body, int answered,
                          long arrivedNanos, Instant receivedAt) {

        /** The first value of a header, its name compared ignoring case; {@code null} when absent. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The body as UTF-8 text. */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return path + " answered=" + answered + " delivery=" + header(DELIVERY_HEADER) + " " + bodyText();
        }
    }

    private record Failure(AtomicInteger remaining, int status) {
    }

    private final int successStatus;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Map<String, List<String>> arrivals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> held = new ConcurrentHashMap<>();
    /** Released on close, so a delayed answer never outlives the receiver. */
    private final CountDownLatch closed = new CountDownLatch(1);

    /** A receiver that answers 204 No Content. */
    public WebhookReceiver() {
        this(204);
    }

    /** A receiver that answers {@code successStatus} (e.g. 200) to every request not told to fail. */
    public WebhookReceiver(int successStatus) {
        this.successStatus = successStatus;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long arrived = System.nanoTime();
            Instant receivedAt = Instant.now();
            String path = exchange.getRequestURI().getPath();
            CountDownLatch hold = holds.get(path);
            if (hold != null) {
                // a stalled receiver: the request is in, the answer waits until the test lets it go
                arrivals.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>())
                        .add(exchange.getRequestHeaders().getFirst(DELIVERY_HEADER));
                held.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                try {
                    hold.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.get(path).decrementAndGet();
                }
            }
            Duration delay = delays.get(path);
            if (delay != null) {
                try {
                    // a slow receiver: the answer is held back (the client gives up first)
                    closed.await(delay.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = answers.getOrDefault(path, successStatus);
            Failure f = failures.get(path);
            if (f != null && f.remaining().getAndDecrement() > 0) {
                status = f.status();
            }
            requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), body, status, arrived,
                    receivedAt));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** The URL of an endpoint on this receiver, e.g. {@code url("/hook")}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** From now on every request to the path is answered with {@code status} (empty body) until told otherwise. */
    public void respond(String path, int status) {
        answers.put(path, status);
    }

    /** The first {@code times} requests to the path get {@code status}. */
    public void failFirst(String path, int times, int status) {
        failures.put(path, new Failure(new AtomicInteger(times), status));
    }

    /**
     * Every request to the path is held, unanswered, until {@code release} is counted down (at most a minute): a
     * partner that stalls. {@link #arrivals} and {@link #held} show what came in and waits.
     */
    public void holdUntil(String path, CountDownLatch release) {
        holds.put(path, release);
    }

    /** The {@value #DELIVERY_HEADER} ids of the requests to a held path, in order of arrival. */
    public List<String> arrivals(String path) {
        return List.copyOf(arrivals.getOrDefault(path, List.of()));
    }

    /** How many requests to a held path are waiting for their answer now. */
    public int held(String path) {
        AtomicInteger n = held.get(path);
        return n == null ? 0 : n.get();
    }

    /** Every request to the path is answered only after {@code delay}. */
    public void answerAfter(String path, Duration delay) {
        delays.put(path, delay);
    }

    /** Every answered request to the path, in the order their answers were decided. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The requests to the path that were answered with a 2xx status. */
    public List<Request> accepted(String path) {
        return requests(path).stream().filter(r -> r.answered() < 300).toList();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
