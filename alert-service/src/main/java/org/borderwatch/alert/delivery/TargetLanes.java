package org.borderwatch.alert.delivery;

import org.borderwatch.alert.delivery.webhook.WebhookClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One lane per delivery target, on a bounded pool: each target's notifications are sent one after the other (so one
 * subscription's notifications keep their order), different targets at the same time, at most {@code size} of them
 * at once. A slow or hanging target holds its own lane, never another's. A lane is started only when a pool thread
 * is free, so work never waits in a queue after its rows were claimed (the claim's lease starts when its sends can).
 * Plain Java: the worker decides what a lane does.
 */
public final class TargetLanes {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TargetLanes.class);
    private final int size;
    private final ExecutorService pool;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private volatile boolean abandoned;

    public TargetLanes(int size, String threadNamePrefix) {
        if (size < 1) {
            throw new IllegalArgumentException("at least one lane is needed, got " + size);
        }
        this.size = size;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, threadNamePrefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The lane of a delivery target: a webhook's {@code host:port} (the scheme's port when the URL names none), the
     * mail server for every e-mail (the service has one), a Kafka topic (the {@code border.alerts} feed and each
     * partner topic its own). The lane is as wide as the target's circuit breaker and rate limiter or wider, so one
     * limiter is never used by two lanes at once.
     */
    public static String laneOf(String channel, String target) {
        String type = channel == null ? "" : channel;
        return switch (type) {
            case "WEBHOOK" -> {
                try {
                    URI uri = URI.create(target);
                    yield uri.getHost() == null ? "webhook " + target : "webhook " + WebhookClient.target(uri);
                } catch (IllegalArgumentException | NullPointerException e) {
                    yield "webhook " + target;
                }
            }
            case "EMAIL" -> "email";
            case "KAFKA" -> "kafka " + target;
            default -> type.toLowerCase(java.util.Locale.ROOT) + " " + target;
        };
    }

    /**
     * Which lanes a pass starts, with their batches: the due batches (oldest first, as {@link Grouping#dueBatches}
     * orders them) split by lane, each lane's batches in the order given — so one subscription's batches, which are
     * all in one lane, keep their order — lanes already busy left out, and at most {@code free} lanes, those with
     * the oldest batch first.
     *
     * @param laneOf the lane of a batch
     */
    public static <B> Map<String, List<B>> assign(List<B> batches, Function<B, String> laneOf,
                                                  Predicate<String> busy, int free) {
        Map<String, List<B>> lanes = new LinkedHashMap<>();
        for (B batch : batches) {
            String lane = laneOf.apply(batch);
            if (busy.test(lane)) {
                continue;
            }
            List<B> own = lanes.get(lane);
            if (own == null) {
                if (lanes.size() >= free) {
                    continue;
                }
                own = new ArrayList<>();
                lanes.put(lane, own);
            }
            own.add(batch);
        }
        return lanes;
    }

    /**
     * The latest moment a send of a claim may start: half its lease after the claim, so that the send with its
     * retries (shorter than half the lease) ends before the lease does and no other worker can claim the rows
     * meanwhile.
     */
    public static Instant sendBy(Instant claimedAt, Duration lease) {
        return claimedAt.plus(lease.dividedBy(2));
    }

    /**
     * Sends the batches one after the other, in order, while the next one may still start ({@code mayStart}: before
     * {@link #sendBy}, not stopping); returns the batches not sent, which the caller gives back.
     */
    public static <B> List<B> sendInOrder(List<B> batches, BooleanSupplier mayStart, Consumer<B> send) {
        for (int i = 0; i < batches.size(); i++) {
            if (!mayStart.getAsBoolean()) {
                return List.copyOf(batches.subList(i, batches.size()));
            }
            send.accept(batches.get(i));
        }
        return List.of();
    }

    /** The most lanes that run at once. */
    public int size() {
        return size;
    }

    /** Lanes running now. */
    public int active() {
        return busy.size();
    }

    /** How many more lanes may start now (none once stopping). */
    public int free() {
        return stopping ? 0 : Math.max(0, size - busy.size());
    }

    public boolean isBusy(String lane) {
        return busy.contains(lane);
    }

    /** Whether {@link #shutdown} has begun: lanes finish the send in hand and give the rest back. */
    public boolean stopping() {
        return stopping;
    }

    /**
     * Whether the shutdown's wait ran out and the lanes were interrupted: a send failing now failed because of that,
     * not because of its target, and its rows are given back rather than counted as a failed round.
     */
    public boolean abandoned() {
        return abandoned;
    }

    /**
     * Starts the lane's work on a pool thread unless the lane is busy, no thread is free or the lanes are stopping.
     * The lane is free again when the work ends, whatever way it ends.
     *
     * @return whether the work was started
     */
    public synchronized boolean start(String lane, Runnable work) {
        if (stopping || busy.size() >= size || !busy.add(lane)) {
            return false;
        }
        try {
            pool.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    // the lane's rows keep what it recorded; the others stay claimed until their lease ends
                    log.error("delivery lane {} failed", lane, e);
                } finally {
                    busy.remove(lane);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            busy.remove(lane);
            return false;
        }
    }

    /**
     * Stops starting lanes and waits up to {@code wait} for the running ones (they finish the send in hand and give
     * their other rows back); lanes still running then are interrupted ({@link #abandoned()}) and given
     * {@code grace} to record that.
     *
     * @return whether every lane had ended
     */
    public boolean shutdown(Duration wait, Duration grace) {
        synchronized (this) {
            stopping = true;
            pool.shutdown();
        }
        try {
            if (pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            abandoned = true;
            pool.shutdownNow();
            return pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            abandoned = true;
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
