package org.borderwatch.alert.delivery;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Moves the outbox to the channels. Each pass finds due rows and groups them ({@link Grouping}); each target's
 * batches (a webhook host:port, the mail server, a Kafka topic: {@link TargetLanes#laneOf}) go to that target's lane,
 * so targets are sent to at the same time on a bounded pool and one slow or hanging receiver delays only its own
 * notifications. A lane claims its batches a few at a time (up to max-batch rows per claim, one
 * {@code findOneAndUpdate} per row) under a lease, sends them one after the other through Resilience4j and stores the outcomes of the
 * claim together (one bulk write). Resilience4j gives a rate limiter and a circuit breaker per target and a retry with
 * exponential backoff and jitter. A round that fails is rescheduled with a growing delay; after the last round the
 * rows are FAILED with the reason. An open circuit only postpones (it is not the target's answer). Any instance may
 * run a worker: claims are atomic, so a row is sent by one worker at a time, and a worker that dies leaves its rows
 * to others when the lease ends (delivery is at-least-once; receivers dedupe on the delivery id).
 */
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final String owner;
    private final DeliveryStore store;
    private final Function<String, Optional<Subscription>> subscriptions;
    private final Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);
    private final CircuitBreakerRegistry circuitBreakers;
    private final CircuitBreakerConfig circuitConfig;
    private final Retry retry;
    private final RateLimiterRegistry rateLimiters;
    private final RateLimiterConfig rateConfig;
    private final AlertProperties.Delivery settings;
    private final Clock clock;
    private final AlertMetrics metrics;
    /** Per circuit breaker name: since when it is open (kept through half-open probes until it closes). */
    private final Map<String, Instant> openSince = new ConcurrentHashMap<>();
    /** Per circuit breaker name: the words of the last failed call, named when the circuit keeps rows waiting. */
    private final Map<String, String> lastFailure = new ConcurrentHashMap<>();
    /** One lane per target: each target's notifications in order, different targets at the same time. */
    private final TargetLanes lanes;
    /** Per running lane: the outbox targets of its rows, left out of the passes' queries while it runs. */
    private final Map<String, Set<String>> laneTargets = new ConcurrentHashMap<>();
    /** Per target: its rate limiter, on the worker's clock (also in the registry, for the actuator and metrics). */
    private final Map<String, AtomicRateLimiter> limiters = new ConcurrentHashMap<>();

    public DeliveryWorker(String owner, DeliveryStore store, Function<String, Optional<Subscription>> subscriptions,
                          List<ChannelSender> senders, CircuitBreakerRegistry circuitBreakers,
                          RetryRegistry retries, RateLimiterRegistry rateLimiters, AlertProperties.Delivery settings,
                          Clock clock, AlertMetrics metrics) {
        this.owner = owner;
        this.store = store;
        this.subscriptions = subscriptions;
        senders.forEach(s -> this.senders.put(s.type(), s));
        this.circuitBreakers = circuitBreakers;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.lanes = new TargetLanes(settings.concurrentTargets(), "alert-delivery-");
        metrics.deliveriesInFlight(lanes::active);
        this.circuitConfig = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.circuitFailureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(settings.circuitMinimumCalls(), 10))
                .minimumNumberOfCalls(settings.circuitMinimumCalls())
                .waitDurationInOpenState(settings.circuitOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                // a final refusal says nothing about the target's health, and neither does our own rate limiter
                // finding no permit (it sits inside the breaker): neither may open a healthy target's circuit
                .ignoreExceptions(PermanentDeliveryException.class, RequestNotPermitted.class)
                .build();
        this.retry = retries.retry("delivery", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(),
                        settings.backoffMultiplier(), settings.jitter()))
                .retryOnException(e -> !(e instanceof PermanentDeliveryException)
                        && !(e instanceof CallNotPermittedException) && !(e instanceof RequestNotPermitted))
                .build());
        circuitBreakers.getAllCircuitBreakers().forEach(this::watch);
        circuitBreakers.getEventPublisher().onEntryAdded(e -> watch(e.getAddedEntry()));
        this.rateLimiters = rateLimiters;
        this.rateConfig = RateLimiterConfig.custom()
                .limitForPeriod(settings.ratePerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                // never wait for a permit: a refused one defers the delivery (see send) instead of holding the lane
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    public String owner() {
        return owner;
    }

    /**
     * The target's rate limiter: Resilience4j's, counting time on the worker's clock (so the pacing follows the same
     * clock as the rows' due times), registered under its name so the actuator and the metrics show it.
     */
    private AtomicRateLimiter limiter(String name) {
        return limiters.computeIfAbsent(name, n -> {
            AtomicRateLimiter limiter = new AtomicRateLimiter(n, rateConfig, Map.of(), this::clockNanos);
            rateLimiters.rateLimiter(n, rateConfig);
            rateLimiters.replace(n, limiter);
            return limiter;
        });
    }

    /** The clock's last reading and the limiters' time (moves forward with the clock, never back). */
    private long lastClockNanos = Long.MIN_VALUE;
    private long limiterNanos;

    /**
     * The limiters' time: follows the clock's forward moves and ignores a clock set back (a wall clock stepped back, a
     * test clock shifted into the past), which would otherwise leave a target without permits for that long.
     */
    private synchronized long clockNanos() {
        Instant now = clock.instant();
        long raw = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        if (lastClockNanos != Long.MIN_VALUE && raw > lastClockNanos) {
            limiterNanos += raw - lastClockNanos;
        }
        lastClockNanos = raw;
        return limiterNanos;
    }

    /** When the target's limiter is expected to have a permit again (at once when it has one now). */
    private Instant nextPermit(AtomicRateLimiter limiter, Instant now) {
        long nanos = limiter.getDetailedMetrics().getNanosToWait();
        return nanos <= 0 ? now : now.plusNanos(nanos);
    }

    /** Remembers when a delivery circuit opened, for the words of the rows it keeps waiting. */
    private void watch(CircuitBreaker breaker) {
        if (!breaker.getName().startsWith("delivery-")) {
            return;
        }
        breaker.getEventPublisher().onStateTransition(e -> {
            switch (e.getStateTransition().getToState()) {
                case OPEN, FORCED_OPEN -> openSince.putIfAbsent(breaker.getName(), clock.instant());
                case HALF_OPEN -> {
                    // still the same outage: keep "since"
                }
                default -> openSince.remove(breaker.getName());
            }
        });
    }

    /** The words of a row kept waiting by an open circuit: the target, since when, and the failure that opened it. */
    private String circuitOpen(CircuitBreaker breaker, String target) {
        return DeliveryFailures.circuitOpen(target, openSince.get(breaker.getName()),
                lastFailure.get(breaker.getName()));
    }

    /**
     * One pass: finds due rows of the targets that are not being sent to now, and starts a lane for each such target
     * while pool threads are free (oldest rows first). Returns at once; the lanes claim and send on their own threads.
     *
     * @return the number of rows handed to the lanes started
     */
    public synchronized int runOnce() {
        if (lanes.stopping()) {
            return 0;
        }
        int started = 0;
        int free = lanes.free();
        if (free > 0) {
            started = startLanes(clock.instant(), free);
        }
        metrics.backlog(store.backlog());
        return started;
    }

    private int startLanes(Instant now, int free) {
        int limit = settings.maxBatch() * 10;
        Set<String> busyTargets = new HashSet<>();
        laneTargets.values().forEach(busyTargets::addAll);
        List<OutboxRow> due = store.findDue(now, limit, busyTargets);
        // a busy lane's rows under a target not seen yet (another URL of the same host) are left out as well, so that
        // a full page of them cannot hide the other targets' rows
        for (int query = 1; query < 4 && due.size() >= limit; query++) {
            List<String> more = due.stream().filter(r -> lanes.isBusy(lane(r))).map(OutboxRow::target).toList();
            if (more.isEmpty()) {
                break;
            }
            busyTargets.addAll(more);
            due = store.findDue(now, limit, busyTargets);
        }
        Map<String, OutboxRow> byId = new HashMap<>();
        due.forEach(r -> byId.put(r.id(), r));
        List<Grouping.Pending> pending = due.stream()
                .map(r -> new Grouping.Pending(r.id(), batchGroup(r), r.notBefore(), r.createdAt())).toList();
        Map<String, List<List<Grouping.Pending>>> assigned = TargetLanes.assign(
                Grouping.dueBatches(pending, now, settings.maxBatch()), b -> lane(byId.get(b.get(0).id())),
                lanes::isBusy, free);
        int started = 0;
        for (Map.Entry<String, List<List<Grouping.Pending>>> e : assigned.entrySet()) {
            String lane = e.getKey();
            List<List<Grouping.Pending>> batches = e.getValue();
            Set<String> targets = new HashSet<>();
            batches.forEach(b -> b.forEach(p -> targets.add(byId.get(p.id()).target())));
            laneTargets.put(lane, targets);
            boolean running = lanes.start(lane, () -> {
                try {
                    runLane(lane, batches);
                } finally {
                    laneTargets.remove(lane);
                }
            });
            if (running) {
                started += batches.stream().mapToInt(List::size).sum();
            } else {
                laneTargets.remove(lane);
            }
        }
        return started;
    }

    private static String lane(OutboxRow row) {
        return TargetLanes.laneOf(row.channel(), row.target());
    }

    /**
     * One target's batches, in order, on a lane thread: claimed a few batches at a time (up to max-batch rows per
     * claim: one atomic {@code findOneAndUpdate} per row), sent one after the other, the claim's outcomes stored together (one bulk write).
     * Once half the claim's lease is used, or the worker is stopping, the rows not yet sent are given back (pending,
     * due at once) rather than sent under a lease that may run out.
     */
    private void runLane(String lane, List<List<Grouping.Pending>> batches) {
        int next = 0;
        while (next < batches.size() && !lanes.stopping()) {
            // consecutive batches are claimed together, up to max-batch rows per claim (one findOneAndUpdate per row)
            List<List<Grouping.Pending>> chunk = new ArrayList<>();
            int size = 0;
            while (next < batches.size()
                    && (chunk.isEmpty() || size + batches.get(next).size() <= settings.maxBatch())) {
                size += batches.get(next).size();
                chunk.add(batches.get(next++));
            }
            Instant claimedAt = clock.instant();
            List<String> ids = chunk.stream().flatMap(List::stream).map(Grouping.Pending::id).toList();
            Map<String, OutboxRow> claimed = new HashMap<>();
            store.claimAll(ids, owner, claimedAt, claimedAt.plus(settings.lease()))
                    .forEach(r -> claimed.put(r.id(), r));
            Instant sendBy = TargetLanes.sendBy(claimedAt, settings.lease());
            DeliveryStore.Outcomes outcomes = store.outcomes(owner);
            try {
                sendClaimed(lane, chunk, claimed, sendBy, outcomes);
            } finally {
                write(outcomes);
            }
        }
    }

    /**
     * Sends one claim's rows: a Kafka subscription's (or the feed's) together — all sent, one wait for the broker's
     * acknowledgements —, every other batch as its own notification, in order.
     */
    private void sendClaimed(String lane, List<List<Grouping.Pending>> chunk, Map<String, OutboxRow> claimed,
                             Instant sendBy, DeliveryStore.Outcomes outcomes) {
        Map<String, List<List<OutboxRow>>> together = new LinkedHashMap<>();
        List<List<List<OutboxRow>>> units = new ArrayList<>();
        for (List<Grouping.Pending> batch : chunk) {
            List<OutboxRow> rows = batch.stream().map(p -> claimed.get(p.id())).filter(Objects::nonNull).toList();
            if (rows.isEmpty()) {
                continue;
            }
            if (sendsTogether(rows.get(0))) {
                List<List<OutboxRow>> unit = together.get(rows.get(0).subscriptionId());
                if (unit == null) {
                    unit = new ArrayList<>();
                    together.put(rows.get(0).subscriptionId(), unit);
                    units.add(unit);
                }
                unit.add(rows);
            } else {
                units.add(List.of(rows));
            }
        }
        List<List<List<OutboxRow>>> unsent = TargetLanes.sendInOrder(units,
                () -> !lanes.stopping() && !clock.instant().isAfter(sendBy), unit -> {
                    try {
                        if (sendsTogether(unit.get(0).get(0))) {
                            sendTogether(unit, outcomes);
                        } else {
                            send(unit.get(0), outcomes);
                        }
                    } catch (RuntimeException e) {
                        // not the target's answer (e.g. the store did not answer a subscription lookup): give back
                        List<String> ids = unit.stream().flatMap(List::stream).map(OutboxRow::id).toList();
                        outcomes.release(ids, clock.instant());
                        log.warn("delivery to {} not tried, {} row(s) given back: {}", lane, ids.size(),
                                e.toString());
                    }
                });
        List<String> back = unsent.stream().flatMap(List::stream).flatMap(List::stream).map(OutboxRow::id).toList();
        if (!back.isEmpty()) {
            outcomes.release(back, clock.instant());
        }
    }

    /**
     * Stores a claim's outcomes (one bulk write), tried three times: rows whose outcome is never stored stay in flight
     * until their lease runs out and are then sent again (at-least-once), never lost.
     */
    private void write(DeliveryStore.Outcomes outcomes) {
        RuntimeException failure = writeKeepingInterrupt(() -> store.write(outcomes), OUTCOME_WRITE_ATTEMPTS);
        if (failure != null) {
            log.error("outcomes of {} notification(s) not stored ({}); their rows are sent again when their lease ends",
                    outcomes.pending(), failure.toString());
        }
    }

    /** How often a claim's outcomes are tried to be stored (200 ms, then 400 ms … between tries). */
    static final int OUTCOME_WRITE_ATTEMPTS = 3;

    /**
     * Runs {@code write} up to {@code attempts} times until it does not throw, with the thread's interrupt flag
     * cleared meanwhile — an interrupted shutdown must not keep the store client from recording what happened — and
     * set again afterwards if it was set before or came during a pause (code review F7: the lane must still see the
     * shutdown's interrupt). An interrupt during a pause ends the tries.
     *
     * @return null when written, else the last failure
     */
    static RuntimeException writeKeepingInterrupt(Runnable write, int attempts) {
        boolean interrupted = Thread.interrupted();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    write.run();
                    return null;
                } catch (RuntimeException e) {
                    if (attempt >= attempts) {
                        return e;
                    }
                    try {
                        Thread.sleep(200L * attempt);
                    } catch (InterruptedException again) {
                        interrupted = true;
                        return e;
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Stops the worker: no lane starts any more; running lanes finish the send in hand and give every other row
     * back; lanes still sending after {@code alert.delivery.shutdown-wait} are interrupted and give their rows back
     * too (a receiver may have got such a message: it is sent again under the same key, at-least-once).
     *
     * @return whether every lane had ended
     */
    public boolean shutdown() {
        // after the wait, alert.delivery.shutdown-grace for interrupted lanes to record that they gave their rows back
        Duration grace = settings.shutdownGrace() == null ? Duration.ofSeconds(2) : settings.shutdownGrace();
        boolean ended = lanes.shutdown(settings.shutdownWait(), grace);
        if (!ended) {
            log.warn("delivery lanes still running after {} + {}; their rows are sent again when their lease ends",
                    settings.shutdownWait(), grace);
        }
        return ended;
    }

    /**
     * What a row is batched with: its group (subscription and segment, or the digest) — except a row an operator
     * re-queued after it FAILED, which carries the key of the notification it failed in and is sent again with
     * exactly the rows of that notification that were re-queued with it (all of them: the same idempotency key).
     */
    static String batchGroup(OutboxRow row) {
        return row.batchKey() != null ? "resend|" + row.batchKey() : row.groupKey();
    }

    /** Whether the row's channel sends a pass's notifications of one subscription together (Kafka). */
    private boolean sendsTogether(OutboxRow row) {
        try {
            ChannelSender sender = senders.get(ChannelType.valueOf(row.channel()));
            return sender != null && sender.sendsTogether();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Sends several notifications of one subscription (a Kafka subscription's or the feed's of a claim) as one unit
     * of work through
     * {@link ChannelSender#sendEach}: each notification that was accepted is delivered, and only the others are
     * tried again (Resilience4j retry with backoff, through the target's circuit breaker); those still not
     * accepted after the last attempt get a failed round each (rescheduled, or FAILED after the last round). So a
     * broker error never marks a message delivered that the broker did not acknowledge.
     */
    private void sendTogether(List<List<OutboxRow>> batches, DeliveryStore.Outcomes outcomes) {
        OutboxRow first = batches.get(0).get(0);
        Optional<Subscription> subscription = subscriptions.apply(first.subscriptionId());
        ChannelSender sender = subscription.map(s -> senders.get(s.channel().type())).orElse(null);
        if (sender == null) {
            batches.forEach(rows -> send(rows, outcomes)); // records why, one by one
            return;
        }
        Subscription sub = subscription.get();
        String channel = first.channel();
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("delivery-" + sender.circuitKey(sub), circuitConfig);
        List<List<OutboxRow>> remaining = new ArrayList<>(batches);
        Map<List<OutboxRow>, RuntimeException> lastError = new java.util.IdentityHashMap<>();
        AtomicInteger attempts = new AtomicInteger();
        Supplier<Integer> attempt = () -> {
            attempts.incrementAndGet();
            List<Notification> notifications = remaining.stream().map(rows -> notification(sub, rows)).toList();
            List<RuntimeException> results = sender.sendEach(sub, notifications);
            List<List<OutboxRow>> notAccepted = new ArrayList<>();
            RuntimeException firstError = null;
            for (int i = 0; i < remaining.size(); i++) {
                List<OutboxRow> rows = remaining.get(i);
                List<String> ids = rows.stream().map(OutboxRow::id).toList();
                RuntimeException e = results.get(i);
                if (e == null) {
                    delivered(outcomes, rows, ids, channel, null, attempts.get(), notifications.get(i).deliveryId());
                } else if (e instanceof PermanentDeliveryException p) {
                    outcomes.failed(ids, clock.instant(), p.getMessage(), p.statusCode(), attempts.get(),
                            notifications.get(i).deliveryId());
                    metrics.delivery(channel, "failed", rows.size());
                    log.warn("delivery {} to {} failed for good: {}", notifications.get(i).deliveryId(),
                            sub.channel().target(), p.getMessage());
                } else {
                    notAccepted.add(rows);
                    lastError.put(rows, e);
                    firstError = firstError == null ? e : firstError;
                    lastFailure.put(breaker.getName(), e.getMessage());
                }
            }
            remaining.clear();
            remaining.addAll(notAccepted);
            if (firstError != null) {
                throw new DeliveryException(notAccepted.size() + " of " + notifications.size()
                        + " messages not accepted: " + firstError.getMessage(), true, null, firstError);
            }
            return null;
        };
        try {
            Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, attempt)).get();
        } catch (RuntimeException e) {
            if (givenBackOnShutdown(remaining.stream().flatMap(List::stream).map(OutboxRow::id).toList(), outcomes)) {
                return;
            }
            failedTogether(remaining, lastError, e, sub, sender, breaker, channel, attempts.get(), outcomes);
        }
    }

    private void failedTogether(List<List<OutboxRow>> remaining, Map<List<OutboxRow>, RuntimeException> lastError,
                                RuntimeException failure, Subscription sub, ChannelSender sender,
                                CircuitBreaker breaker, String channel, int attempts, DeliveryStore.Outcomes outcomes) {
        if (failure instanceof CallNotPermittedException e) {
            if (attempts == 0) {
                Instant now = clock.instant();
                List<String> ids = remaining.stream().flatMap(List::stream).map(OutboxRow::id).toList();
                outcomes.reschedule(ids, now, now.plus(settings.circuitOpenDelay()),
                        circuitOpen(breaker, sender.targetName(sub)), null, 0, 0);
                metrics.delivery(channel, "circuit_open", ids.size());
                return;
            }
            for (List<OutboxRow> rows : remaining) {
                RuntimeException why = lastError.get(rows);
                failedRound(outcomes, rows, rows.stream().map(OutboxRow::id).toList(), rows.get(0), sub, channel,
                        Grouping.batchKey(rows.stream().map(OutboxRow::id).toList()), attempts,
                        new DeliveryException(DeliveryFailures.failedThenCircuitOpened(
                                why == null ? null : why.getMessage(), sender.targetName(sub)), true, null, e));
            }
            return;
        }
        for (List<OutboxRow> rows : remaining) {
            RuntimeException why = lastError.getOrDefault(rows, failure);
            failedRound(outcomes, rows, rows.stream().map(OutboxRow::id).toList(), rows.get(0), sub, channel,
                    Grouping.batchKey(rows.stream().map(OutboxRow::id).toList()), attempts, why);
        }
    }

    /**
     * A send that failed after the shutdown's wait ran out failed because its lane was interrupted, not because of
     * its target: its rows are given back (pending, due at once) instead of counting a failed round.
     */
    private boolean givenBackOnShutdown(List<String> ids, DeliveryStore.Outcomes outcomes) {
        if (!lanes.abandoned()) {
            return false;
        }
        outcomes.release(ids, clock.instant());
        return true;
    }

    private Notification notification(Subscription sub, List<OutboxRow> rows) {
        List<String> ids = rows.stream().map(OutboxRow::id).toList();
        List<Alert> alerts = rows.stream().map(r -> Json.read(r.alertJson(), Alert.class)).toList();
        List<Notification.NoLongerMatching> leaving = rows.stream().filter(r -> r.noLongerMatching() != null)
                .map(r -> new Notification.NoLongerMatching(r.alertId(), r.sequence(), r.noLongerMatching()))
                .toList();
        return new Notification(Grouping.batchKey(ids), sub.id(), sub.name(), rows.get(0).groupKey(), sub.mode(),
                clock.instant().atOffset(java.time.ZoneOffset.UTC), alerts, leaving);
    }

    private void delivered(DeliveryStore.Outcomes outcomes, List<OutboxRow> rows, List<String> ids, String channel,
                           Integer status, int attempts, String batchKey) {
        Instant now = clock.instant();
        outcomes.delivered(ids, now, status, attempts, batchKey);
        metrics.delivery(channel, "delivered", rows.size());
        for (OutboxRow r : rows) {
            if (r.receivedAt() != null) {
                metrics.latency(Duration.between(r.receivedAt(), now));
            }
        }
    }

    private void send(List<OutboxRow> rows, DeliveryStore.Outcomes outcomes) {
        OutboxRow first = rows.get(0);
        List<String> ids = rows.stream().map(OutboxRow::id).toList();
        String channel = first.channel();
        Optional<Subscription> subscription = subscriptions.apply(first.subscriptionId());
        if (subscription.isEmpty()) {
            outcomes.failed(ids, clock.instant(), "subscription " + first.subscriptionId() + " was deleted",
                    null, 0, Grouping.batchKey(ids));
            metrics.delivery(channel, "failed", rows.size());
            return;
        }
        Subscription sub = subscription.get();
        ChannelSender sender = senders.get(sub.channel().type());
        if (sender == null) {
            outcomes.failed(ids, clock.instant(), "no sender for channel " + sub.channel().type(), null, 0,
                    Grouping.batchKey(ids));
            metrics.delivery(channel, "failed", rows.size());
            return;
        }
        Notification notification = notification(sub, rows);
        String batchKey = notification.deliveryId();
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("delivery-" + sender.circuitKey(sub), circuitConfig);
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        Supplier<Integer> call = () -> {
            attempts.incrementAndGet();
            try {
                return sender.send(sub, notification);
            } catch (PermanentDeliveryException e) {
                throw e;
            } catch (RuntimeException e) {
                failure.set(e.getMessage());
                lastFailure.put(breaker.getName(), e.getMessage());
                throw e;
            }
        };
        AtomicRateLimiter limiter = sender.rateLimited() ? limiter("delivery-" + sender.circuitKey(sub)) : null;
        Supplier<Integer> limited = limiter != null ? RateLimiter.decorateSupplier(limiter, call) : call;
        Supplier<Integer> decorated = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, limited));
        Instant now;
        RuntimeException error;
        try {
            Integer status = decorated.get();
            delivered(outcomes, rows, ids, channel, status, attempts.get(), batchKey);
            return;
        } catch (PermanentDeliveryException e) {
            outcomes.failed(ids, clock.instant(), e.getMessage(), e.statusCode(), attempts.get(), batchKey);
            metrics.delivery(channel, "failed", rows.size());
            log.warn("delivery {} to {} failed for good: {}", batchKey, sub.channel().target(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            if (givenBackOnShutdown(ids, outcomes)) {
                return;
            }
            error = e;
        }
        if (error instanceof CallNotPermittedException e) {
            if (attempts.get() > 0) {
                // a half-open probe (or an earlier attempt of this round) failed before the circuit closed the door
                failedRound(outcomes, rows, ids, first, sub, channel, batchKey, attempts.get(),
                        new DeliveryException(DeliveryFailures.failedThenCircuitOpened(failure.get(),
                                sender.targetName(sub)), true, null, e));
                return;
            }
            now = clock.instant();
            outcomes.reschedule(ids, now, now.plus(settings.circuitOpenDelay()),
                    circuitOpen(breaker, sender.targetName(sub)), null, attempts.get(), 0);
            metrics.delivery(channel, "circuit_open", rows.size());
        } else if (error instanceof RequestNotPermitted e && limiter != null) {
            if (attempts.get() > 0) {
                // the round's retry found no permit: the round ends with its last failure (else a failing target
                // under a saturated limiter would be tried for ever without ever completing a round)
                failedRound(outcomes, rows, ids, first, sub, channel, batchKey, attempts.get(),
                        new DeliveryException(DeliveryFailures.failedThenRateLimited(failure.get(),
                                sender.targetName(sub)), true, null, e));
                return;
            }
            // no permit now: deferred, not tried — the lease given back, due when the limiter expects a permit, no
            // attempt and no round counted (the limiter sits inside the breaker, which ignores its refusals)
            now = clock.instant();
            outcomes.reschedule(ids, now, nextPermit(limiter, now),
                    DeliveryFailures.rateLimited(sender.targetName(sub), settings.ratePerSecond()), null, 0, 0);
            metrics.delivery(channel, "rate_limited", rows.size());
        } else {
            failedRound(outcomes, rows, ids, first, sub, channel, batchKey, attempts.get(), error);
        }
    }

    private void failedRound(DeliveryStore.Outcomes outcomes, List<OutboxRow> rows, List<String> ids,
                             OutboxRow first, Subscription sub,
                             String channel, String batchKey, int attempts, RuntimeException e) {
        Instant now = clock.instant();
        Integer status = e instanceof DeliveryException d ? d.statusCode() : null;
        int round = first.rounds() + 1;
        if (round >= settings.maxRounds()) {
            String reason = DeliveryFailures.gaveUp(first.attempts() + attempts, round, e.getMessage());
            outcomes.failed(ids, now, reason, status, attempts, batchKey);
            metrics.delivery(channel, "failed", rows.size());
            log.warn("delivery {} to {} FAILED: {}", batchKey, sub.channel().target(), reason);
        } else {
            Duration wait = settings.roundBackoff().multipliedBy(1L << Math.min(round - 1, 16));
            outcomes.reschedule(ids, now, now.plus(wait), e.getMessage(), status, attempts, 1);
            metrics.delivery(channel, "retried", rows.size());
            // one line per failed round (not per attempt), with the same words as the delivery's lastError
            log.warn("delivery {} to {}: round {} of {} failed after {} attempt(s), next round in {}: {}", batchKey,
                    sub.channel().target(), round, settings.maxRounds(), attempts,
                    wait.toString().substring(2).toLowerCase(java.util.Locale.ROOT), e.getMessage());
        }
    }
}
