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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Moves the outbox to the channels. Each pass finds due rows, groups them ({@link Grouping}), claims them a few
 * batches at a time (up to max-batch rows per claim, one {@code updateMany} and one read) under a lease, sends each
 * batch through Resilience4j and stores the outcomes of the claim together (one bulk write). Resilience4j gives
 * a rate limiter, a circuit breaker per target host and a retry with exponential backoff and jitter. A round that fails is rescheduled with a growing delay; after the last
 * round the rows are FAILED with the reason. An open circuit only postpones (it is not the target's answer). Any
 * instance may run a worker: claims are atomic, so a row is sent by one worker at a time, and a worker that dies
 * leaves its rows to others when the lease ends (delivery is at-least-once; receivers dedupe on the delivery id).
 */
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** The {@code border.alerts} feed's pseudo-subscription, whose messages of a claim are sent together. */
    private static final String FEED = org.borderwatch.alert.dispatch.AlertDispatcher.FEED_SUBSCRIPTION;

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
        this.circuitConfig = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.circuitFailureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(settings.circuitMinimumCalls(), 10))
                .minimumNumberOfCalls(settings.circuitMinimumCalls())
                .waitDurationInOpenState(settings.circuitOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .ignoreExceptions(PermanentDeliveryException.class)
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
                .timeoutDuration(settings.timeout())
                .build();
    }

    public String owner() {
        return owner;
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

    /** One pass; returns the number of rows that reached a final or rescheduled state. */
    public synchronized int runOnce() {
        Instant now = clock.instant();
        List<OutboxRow> due = store.findDue(now, settings.maxBatch() * 10);
        List<Grouping.Pending> pending = due.stream()
                .map(r -> new Grouping.Pending(r.id(), batchGroup(r), r.notBefore(), r.createdAt())).toList();
        List<List<Grouping.Pending>> batches = Grouping.dueBatches(pending, now, settings.maxBatch());
        int handled = 0;
        int next = 0;
        while (next < batches.size()) {
            // consecutive batches are claimed together, up to max-batch rows per claim (two store round trips)
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
            // the sends of one chunk wait for rate limiters and retries: once half the lease is used, the rows not
            // yet sent are given back rather than sent under a lease that may run out (another worker's claim)
            Instant sendBy = claimedAt.plus(settings.lease().dividedBy(2));
            // the outcomes of the chunk's notifications are stored together, in one bulk write
            DeliveryStore.Outcomes outcomes = store.outcomes(owner);
            try {
                // the Kafka rows of the claim first, each subscription's together — the border.alerts feed's, then
                // each partner topic's: all sent, one wait for the broker's acknowledgements (each its own message,
                // marked delivered only once acknowledged; only those not acknowledged are tried again)
                Map<String, List<List<OutboxRow>>> together = new LinkedHashMap<>();
                together.put(FEED, new ArrayList<>());
                for (List<Grouping.Pending> batch : chunk) {
                    OutboxRow first = batch.isEmpty() ? null : claimed.get(batch.get(0).id());
                    if (first != null && sendsTogether(first)) {
                        List<OutboxRow> rows = batch.stream().map(p -> claimed.remove(p.id()))
                                .filter(Objects::nonNull).toList();
                        together.computeIfAbsent(first.subscriptionId(), k -> new ArrayList<>()).add(rows);
                    }
                }
                for (Map.Entry<String, List<List<OutboxRow>>> e : together.entrySet()) {
                    if (e.getValue().isEmpty()) {
                        continue;
                    }
                    if (!FEED.equals(e.getKey()) && clock.instant().isAfter(sendBy)) {
                        outcomes.release(e.getValue().stream().flatMap(List::stream).map(OutboxRow::id).toList(),
                                clock.instant());
                        continue;
                    }
                    sendTogether(e.getValue(), outcomes);
                    handled += e.getValue().stream().mapToInt(List::size).sum();
                }
                for (List<Grouping.Pending> batch : chunk) {
                    List<OutboxRow> rows = batch.stream().map(p -> claimed.remove(p.id())).filter(Objects::nonNull)
                            .toList();
                    if (rows.isEmpty()) {
                        continue;
                    }
                    if (clock.instant().isAfter(sendBy)) {
                        List<String> unsent = new ArrayList<>(rows.stream().map(OutboxRow::id).toList());
                        unsent.addAll(claimed.keySet());
                        outcomes.release(unsent, clock.instant());
                        claimed.clear();
                        break;
                    }
                    send(rows, outcomes);
                    handled += rows.size();
                }
            } finally {
                store.write(outcomes);
            }
        }
        metrics.backlog(store.backlog());
        return handled;
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
        } catch (CallNotPermittedException e) {
            if (attempts.get() == 0) {
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
                        Grouping.batchKey(rows.stream().map(OutboxRow::id).toList()), attempts.get(),
                        new DeliveryException(DeliveryFailures.failedThenCircuitOpened(
                                why == null ? null : why.getMessage(), sender.targetName(sub)), true, null, e));
            }
        } catch (RuntimeException e) {
            for (List<OutboxRow> rows : remaining) {
                RuntimeException why = lastError.getOrDefault(rows, e);
                failedRound(outcomes, rows, rows.stream().map(OutboxRow::id).toList(), rows.get(0), sub, channel,
                        Grouping.batchKey(rows.stream().map(OutboxRow::id).toList()), attempts.get(), why);
            }
        }
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
        Supplier<Integer> limited = sender.rateLimited()
                ? RateLimiter.decorateSupplier(rateLimiters.rateLimiter("delivery-" + sender.circuitKey(sub),
                rateConfig), call)
                : call;
        Supplier<Integer> decorated = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, limited));
        Instant now;
        try {
            Integer status = decorated.get();
            delivered(outcomes, rows, ids, channel, status, attempts.get(), batchKey);
        } catch (CallNotPermittedException e) {
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
        } catch (RequestNotPermitted e) {
            now = clock.instant();
            outcomes.reschedule(ids, now, now.plusSeconds(1),
                    DeliveryFailures.rateLimited(sender.targetName(sub), settings.ratePerSecond()), null,
                    attempts.get(), 0);
            metrics.delivery(channel, "rate_limited", rows.size());
        } catch (PermanentDeliveryException e) {
            outcomes.failed(ids, clock.instant(), e.getMessage(), e.statusCode(), attempts.get(), batchKey);
            metrics.delivery(channel, "failed", rows.size());
            log.warn("delivery {} to {} failed for good: {}", batchKey, sub.channel().target(), e.getMessage());
        } catch (RuntimeException e) {
            failedRound(outcomes, rows, ids, first, sub, channel, batchKey, attempts.get(), e);
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
