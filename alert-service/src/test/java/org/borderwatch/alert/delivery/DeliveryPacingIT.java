package org.borderwatch.alert.delivery;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.testkit.WebhookReceiver;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.routing.Channel;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.testkit.BorderWatchInfrastructure;
import org.borderwatch.testkit.MutableClock;
import org.borderwatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery worker's pacing, measured where it shows: at a real HTTP receiver. The worker is the service's own
 * {@link DeliveryWorker} with its Resilience4j retry, circuit breaker and rate limiter, over the real outbox store
 * (the testkit's MongoDB-wire server, a database of this class's own); the settings are bound from
 * {@code alert.delivery.*} keys as the service binds them. The sender is a plain HTTP POST (the webhook channel's
 * signing and address checks are tested elsewhere): what is measured here is when the worker calls it.
 * <p>
 * Every time bound is derived from the settings (never a wall-clock duration of the test): the receiver records
 * {@link System#nanoTime()} on each arrival, and the gaps between arrivals are checked against lower bounds the
 * settings guarantee, and against generous upper bounds (a loaded machine adds latency, never removes it).
 */
@BorderWatchInfrastructure(kafka = false)
class DeliveryPacingIT {

    private static final Duration SLACK = Duration.ofMillis(1500);

    private final WebhookReceiver receiver = new WebhookReceiver();
    private MongoClient client;
    private DeliveryStore store;
    private SimpleMeterRegistry meters;
    private DeliveryWorker worker;
    private ScheduledExecutorService passes;
    private final Map<String, Subscription> subscriptions = new HashMap<>();

    @BeforeEach
    void store() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        MongoTemplate mongo = new MongoTemplate(client, "pacing-" + UUID.randomUUID().toString().substring(0, 8));
        store = new DeliveryStore(mongo);
        store.afterPropertiesSet();
    }

    @AfterEach
    void stop() {
        if (passes != null) {
            passes.shutdownNow();
        }
        if (worker != null) {
            worker.shutdown();
        }
        receiver.close();
        client.close();
    }

    /** The service's delivery settings, bound from these keys (under {@code alert.delivery.}) and the defaults. */
    private static AlertProperties.Delivery settings(Map<String, String> keys) {
        Map<String, String> source = new HashMap<>();
        keys.forEach((k, v) -> source.put("alert.delivery." + k, v));
        return new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate("alert.delivery", AlertProperties.Delivery.class);
    }

    /** Starts the worker, with a pass every 20 ms as the service's scheduler would run it. */
    private void start(AlertProperties.Delivery settings) {
        start(settings, CircuitBreakerRegistry.ofDefaults());
    }

    private void start(AlertProperties.Delivery settings, CircuitBreakerRegistry breakers) {
        start(settings, breakers, Clock.systemUTC());
    }

    private void start(AlertProperties.Delivery settings, CircuitBreakerRegistry breakers, Clock clock) {
        meters = new SimpleMeterRegistry();
        worker = new DeliveryWorker("pacing-" + UUID.randomUUID(), store,
                id -> Optional.ofNullable(subscriptions.get(id)), List.of(new HttpPost()),
                breakers, RetryRegistry.ofDefaults(), RateLimiterRegistry.ofDefaults(),
                settings, clock, new AlertMetrics(meters));
        passes = Executors.newSingleThreadScheduledExecutor();
        passes.scheduleWithFixedDelay(worker::runOnce, 0, 20, TimeUnit.MILLISECONDS);
    }

    private Subscription subscribe(String path) {
        Subscription s = new Subscription("pacing-" + UUID.randomUUID(), "pacing", "staff1",
                new Channel(ChannelType.WEBHOOK, receiver.url(path), null, null, "pacing-secret-0123", "json"),
                null, null, null, Instant.now());
        subscriptions.put(s.id(), s);
        return s;
    }

    /** A due outbox row for one new incident: CAP-less JSON, its own group, so each row is its own notification. */
    private OutboxRow row(Subscription s, int i) {
        UUID incident = UUID.randomUUID();
        Alert alert = new Alert(1, AlertLifecycle.alertIdOf(incident), incident, 1, 1, AlertEvent.FIRED,
                AlertStatus.FIRING, BorderSegment.TAVUSH, Severity.HIGH, Occurrence.CONFIRMED, null, null, null,
                null, "pacing test " + i, List.of("paced"), null, OffsetDateTime.now(ZoneOffset.UTC));
        String id = Grouping.itemKey(s.id(), alert);
        Instant now = Instant.now();
        OutboxRow row = new OutboxRow(id, alert.alertId(), incident, 1, "FIRED", s.id(), s.name(), "WEBHOOK",
                s.channel().url(), s.id() + "|" + id, DeliveryStatus.PENDING, now, now, now, 0, 0, null, null, null,
                null, Json.write(alert));
        assertThat(store.insertIfAbsent(row)).isTrue();
        return row;
    }

    private double count(String outcome) {
        var c = meters.find(AlertMetrics.DELIVERIES).tag("channel", "webhook").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    /** The gaps between consecutive arrivals at the path, in order of arrival. */
    private List<Duration> gaps(String path) {
        List<Long> at = receiver.requests(path).stream().map(WebhookReceiver.Request::arrivedNanos).sorted().toList();
        List<Duration> out = new ArrayList<>();
        for (int i = 1; i < at.size(); i++) {
            out.add(Duration.ofNanos(at.get(i) - at.get(i - 1)));
        }
        return out;
    }

    /**
     * Issue 5: each round retries with exponential backoff and jitter, and a failed round is tried again after a
     * wait that doubles each round. Three attempts a round, 100 ms first backoff, multiplier 3, jitter 0.2: the waits
     * inside a round lie in [80, 120] ms and [240, 360] ms; the rounds' waits are 1 s and then 2 s (plus up to a
     * pass). A receiver failing the first six requests sees seven, one notification, whose gaps must fit.
     */
    @Test
    void attemptsBackOffExponentiallyWithJitterAndEachFailedRoundWaitsTwiceAsLong() {
        start(settings(Map.of("max-attempts", "3", "initial-backoff", "100ms", "backoff-multiplier", "3",
                "jitter", "0.2", "max-rounds", "3", "round-backoff", "1s", "circuit-minimum-calls", "100",
                "rate-per-second", "100", "timeout", "2s")));
        String path = "/backoff";
        receiver.failFirst(path, 6, 503);
        OutboxRow row = row(subscribe(path), 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(row.id()).orElseThrow().status()
                == DeliveryStatus.DELIVERED);

        assertThat(receiver.requests(path)).hasSize(7)
                .extracting(r -> r.header("X-BorderWatch-Delivery")).containsOnly(row.id());
        assertThat(receiver.accepted(path)).hasSize(1);
        OutboxRow delivered = store.find(row.id()).orElseThrow();
        assertThat(delivered.attempts()).isEqualTo(7);
        assertThat(delivered.rounds()).as("two failed rounds before the third succeeded").isEqualTo(2);

        List<Duration> gaps = gaps(path);
        assertThat(gaps).hasSize(6);
        // within a round: initial backoff x multiplier^(n-1), within +-jitter (a machine's latency only adds)
        for (int round = 0; round < 2; round++) {
            Duration first = gaps.get(round * 3);
            Duration second = gaps.get(round * 3 + 1);
            assertThat(first).as("round %d, 1st backoff %s", round + 1, gaps)
                    .isBetween(Duration.ofMillis(80), Duration.ofMillis(120).plus(SLACK));
            assertThat(second).as("round %d, 2nd backoff (x3) %s", round + 1, gaps)
                    .isBetween(Duration.ofMillis(240), Duration.ofMillis(360).plus(SLACK));
        }
        // between rounds: round-backoff x 2^(round-1)
        assertThat(gaps.get(2)).as("after round 1 %s", gaps).isBetween(Duration.ofSeconds(1),
                Duration.ofSeconds(1).plus(SLACK));
        assertThat(gaps.get(5)).as("after round 2 %s", gaps).isBetween(Duration.ofSeconds(2),
                Duration.ofSeconds(2).plus(SLACK));
        assertThat(count("retried")).as("one count per failed round").isEqualTo(2);
        assertThat(count("delivered")).isEqualTo(1);
    }

    /**
     * Issue 5: a target's rate limiter holds back what exceeds its rate. One message a second, and a permit is never
     * waited for: of a burst of four messages, those that find no permit are put back (PENDING, counted
     * {@code rate_limited}, no failed round) and sent later — each exactly once, none FAILED — and any three
     * consecutive arrivals span more than the limiter's one-second period (three permits need three periods).
     */
    @Test
    void aBurstAboveTheRateIsHeldBackThenEachMessageIsDeliveredOnce() {
        start(settings(Map.of("rate-per-second", "1", "timeout", "100ms", "circuit-minimum-calls", "100",
                "max-attempts", "1", "max-rounds", "2", "round-backoff", "10s")));
        String path = "/burst";
        Subscription s = subscribe(path);
        List<OutboxRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(row(s, i));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> rows.stream()
                .allMatch(r -> store.find(r.id()).orElseThrow().status() == DeliveryStatus.DELIVERED));

        Map<String, Long> perKey = receiver.requests(path).stream()
                .collect(Collectors.groupingBy(r -> r.header("X-BorderWatch-Delivery"), Collectors.counting()));
        assertThat(perKey).as("each message once, none lost").hasSize(4)
                .allSatisfy((key, n) -> assertThat(n).isEqualTo(1));
        assertThat(perKey.keySet()).containsExactlyInAnyOrderElementsOf(rows.stream().map(OutboxRow::id).toList());
        assertThat(rows).allSatisfy(r -> assertThat(store.find(r.id()).orElseThrow().rounds())
                .as("held back is not a failed round").isZero());
        assertThat(count("rate_limited")).as("messages found no permit and were put back").isPositive();
        assertThat(count("failed")).isZero();
        assertThat(count("retried")).isZero();
        assertThat(count("delivered")).isEqualTo(4);

        List<Long> at = receiver.requests(path).stream().map(WebhookReceiver.Request::arrivedNanos)
                .sorted(Comparator.naturalOrder()).toList();
        for (int i = 0; i + 2 < at.size(); i++) {
            assertThat(Duration.ofNanos(at.get(i + 2) - at.get(i))).as("arrivals %d..%d", i, i + 2)
                    .isGreaterThan(Duration.ofMillis(600));
        }
    }

    /**
     * A refused permit defers the delivery instead of holding the lane: on a clock that stands still unless the test
     * moves it, with one permit per second for the target, three due messages to it are claimed together; one is
     * sent, the two others are given back at once (PENDING, no lease) due exactly when the limiter's next period
     * starts, with no attempt and no round counted, the reason in {@code lastError} and {@code rate_limited} in the
     * metrics. Each second the clock moves on, one more is sent; in the end each message reached the receiver once,
     * after one attempt, and the circuit saw no failed call.
     */
    @Test
    void aRefusedPermitDefersTheDeliveryToTheNextPermitWithoutCountingAnAttempt() {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        String path = "/deferred";
        Subscription s = subscribe(path);
        List<OutboxRow> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(row(s, i));
        }
        Instant start = Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        MutableClock clock = new MutableClock(start);
        start(settings(Map.of("rate-per-second", "1", "timeout", "2s", "circuit-minimum-calls", "2",
                "circuit-failure-rate", "50", "max-attempts", "3", "max-rounds", "2", "round-backoff", "10s")),
                breakers, clock);

        // first period: one sent, two deferred to the start of the next
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(rows, DeliveryStatus.DELIVERED) == 1
                && deferredUntil(rows, start.plusSeconds(1)) == 2);
        assertThat(receiver.requests(path)).hasSize(1);
        assertThat(count("rate_limited")).isEqualTo(2);
        for (OutboxRow r : rows) {
            OutboxRow now = store.find(r.id()).orElseThrow();
            if (now.status() == DeliveryStatus.PENDING) {
                assertThat(now.attempts()).as("a deferral is not an attempt").isZero();
                assertThat(now.rounds()).as("nor a failed round").isZero();
                assertThat(now.lastError()).isEqualTo("rate limit for webhook-127.0.0.1-"
                        + URI.create(receiver.url(path)).getPort()
                        + " reached (1 per second); deferred to its next permit");
            }
        }
        assertThat(store.claimAll(rows.stream().map(OutboxRow::id).toList(), "another-worker", start,
                start.plusSeconds(60))).as("deferred rows hold no lease, and are not due before the permit").isEmpty();

        // second period: one more sent, the last deferred again
        clock.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(rows, DeliveryStatus.DELIVERED) == 2
                && deferredUntil(rows, start.plusSeconds(2)) == 1);
        assertThat(receiver.requests(path)).hasSize(2);

        // third period: the last one
        clock.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(rows, DeliveryStatus.DELIVERED) == 3);

        Map<String, Long> perKey = receiver.requests(path).stream()
                .collect(Collectors.groupingBy(r -> r.header("X-BorderWatch-Delivery"), Collectors.counting()));
        assertThat(perKey).as("each message once").hasSize(3).allSatisfy((key, n) -> assertThat(n).isEqualTo(1));
        assertThat(rows).allSatisfy(r -> {
            OutboxRow done = store.find(r.id()).orElseThrow();
            assertThat(done.attempts()).as("the send itself, deferrals not counted").isEqualTo(1);
            assertThat(done.rounds()).isZero();
        });
        assertThat(count("rate_limited")).isEqualTo(3);
        assertThat(count("delivered")).isEqualTo(3);
        assertThat(count("retried")).isZero();
        assertThat(count("failed")).isZero();
        assertThat(count("circuit_open")).isZero();
        assertThat(breakers.getAllCircuitBreakers()).isNotEmpty().allSatisfy(b ->
                assertThat(b.getMetrics().getNumberOfFailedCalls()).as(b.getName() + " failed calls").isZero());
    }

    private long statuses(List<OutboxRow> rows, DeliveryStatus status) {
        return rows.stream().filter(r -> store.find(r.id()).orElseThrow().status() == status).count();
    }

    /** Rows PENDING without a lease, due exactly at {@code at}. */
    private long deferredUntil(List<OutboxRow> rows, Instant at) {
        return rows.stream().map(r -> store.find(r.id()).orElseThrow())
                .filter(r -> r.status() == DeliveryStatus.PENDING && at.equals(r.notBefore())).count();
    }

    /**
     * A burst the rate limiter holds back must not look like a failing target: with a circuit that would open after
     * two calls at 50 % failures, the refusals of our own limiter leave it closed with no failed call, and every
     * message is delivered without a circuit-open outcome.
     */
    @Test
    void theRateLimitersRefusalsNeverCountAgainstTheTargetsCircuit() {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        start(settings(Map.of("rate-per-second", "1", "timeout", "100ms", "circuit-minimum-calls", "2",
                "circuit-failure-rate", "50", "max-attempts", "1", "max-rounds", "2", "round-backoff", "10s")), breakers);
        Subscription s = subscribe("/burst-circuit");
        List<OutboxRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(row(s, i));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> rows.stream()
                .allMatch(r -> store.find(r.id()).orElseThrow().status() == DeliveryStatus.DELIVERED));

        assertThat(count("rate_limited")).as("the limiter did hold messages back").isPositive();
        assertThat(count("circuit_open")).isZero();
        assertThat(breakers.getAllCircuitBreakers()).isNotEmpty().allSatisfy(b -> {
            assertThat(b.getState()).as(b.getName()).isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
            assertThat(b.getMetrics().getNumberOfFailedCalls()).as(b.getName() + " failed calls").isZero();
        });
    }

    /** The notification as a plain JSON POST: 2xx delivered, 5xx worth another attempt, any other status final. */
    private static final class HttpPost implements ChannelSender {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        @Override
        public ChannelType type() {
            return ChannelType.WEBHOOK;
        }

        @Override
        public String circuitKey(Subscription subscription) {
            URI uri = URI.create(subscription.channel().url());
            return "webhook-" + uri.getHost() + "-" + uri.getPort();
        }

        @Override
        public Integer send(Subscription subscription, Notification notification) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.channel().url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-BorderWatch-Delivery", notification.deliveryId())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(notification))).build();
            int status;
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException e) {
                throw new DeliveryException(e.toString(), true, null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException("interrupted", true, null, e);
            }
            if (status >= 500) {
                throw new DeliveryException("HTTP " + status, true, status);
            }
            if (status >= 300) {
                throw new PermanentDeliveryException("HTTP " + status, status);
            }
            return status;
        }
    }
}
