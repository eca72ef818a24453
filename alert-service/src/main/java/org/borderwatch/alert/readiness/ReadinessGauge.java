package org.borderwatch.alert.readiness;

import io.micrometer.core.instrument.MeterRegistry;
import org.borderwatch.alert.AlertMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The {@link AlertMetrics#READINESS} gauge: 1 while the readiness health group is {@code UP}, 0 otherwise (another
 * status, no status, a failed check, or a check still running after an interval). A scrape never runs the check (one
 * against a hung store or broker takes seconds): {@link #evaluate()} runs on its own thread with a fixed delay between
 * the end of one evaluation and the start of the next (a slow check delays the next, never overlaps it) and stores the
 * result the gauge reads. It reads 0 before the first evaluation.
 */
public final class ReadinessGauge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadinessGauge.class);
    private static final String UP = "UP";

    private final Supplier<String> readinessStatus;
    private final Duration interval;
    private final Clock clock;
    private volatile boolean ready;
    /** Start of the evaluation under way; null between evaluations. */
    private final AtomicReference<Instant> runningSince = new AtomicReference<>();
    private volatile String lastOutcome = "not evaluated yet";
    private ScheduledExecutorService schedule;

    /**
     * Registers the gauge, at 0.
     *
     * @param readinessStatus the readiness group's status code ("UP", "DOWN", …), null when there is none; it may
     *                        block or throw, and both count as not ready
     * @param interval        delay between the end of one evaluation and the start of the next; an evaluation still
     *                        running after it makes the gauge 0
     */
    public ReadinessGauge(Supplier<String> readinessStatus, Duration interval, Clock clock, MeterRegistry registry) {
        this.readinessStatus = Objects.requireNonNull(readinessStatus);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("alert.readiness-gauge.interval must be positive, not " + interval);
        }
        this.interval = interval;
        this.clock = clock;
        new AlertMetrics(registry).readiness(this, ReadinessGauge::value);
    }

    /** The stored result, or 0 while an evaluation has been running longer than an interval. */
    public double value() {
        Instant since = runningSince.get();
        if (since != null && Duration.between(since, clock.instant()).compareTo(interval) > 0) {
            return 0;
        }
        return ready ? 1 : 0;
    }

    /** Evaluates the readiness group once and stores the result; never throws. Logs only a change of outcome. */
    public void evaluate() {
        runningSince.set(clock.instant());
        String outcome;
        try {
            String status = readinessStatus.get();
            ready = UP.equals(status);
            outcome = status == null ? "no readiness status" : "readiness " + status;
        } catch (Throwable e) { // whatever the check does, the schedule goes on
            ready = false;
            outcome = "readiness check failed: " + e;
        } finally {
            runningSince.set(null);
        }
        if (!outcome.equals(lastOutcome)) {
            if (ready) {
                log.info("{} ({} = 1)", outcome, AlertMetrics.READINESS);
            } else {
                log.warn("{} ({} = 0)", outcome, AlertMetrics.READINESS);
            }
            lastOutcome = outcome;
        }
    }

    /** Evaluates at once, then every interval after the previous evaluation ended. */
    public synchronized void start() {
        if (schedule != null) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "readiness-gauge");
            t.setDaemon(true);
            return t;
        });
        schedule.scheduleWithFixedDelay(this::evaluate, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized boolean isRunning() {
        return schedule != null;
    }

    /** Stops the schedule (interrupting an evaluation under way); the gauge stays registered and reads 0. */
    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
        ready = false;
    }
}
