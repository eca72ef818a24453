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
    /** The previous evaluation's outcome (null before the first) and readiness; only the schedule's thread writes. */
    private volatile String lastOutcome;
    private volatile boolean lastReady;
    private volatile boolean everReady;
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
        AlertMetrics.readiness(registry, this, ReadinessGauge::value);
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
        LogLine line = logLine(lastOutcome, lastReady, everReady, outcome, ready);
        if (line != null) {
            if (line.warn()) {
                log.warn(line.text());
            } else {
                log.info(line.text());
            }
        }
        lastOutcome = outcome;
        lastReady = ready;
        everReady |= ready;
    }

    /** A line to log: {@code warn} or INFO, and its text. */
    record LogLine(boolean warn, String text) {
    }

    /**
     * What an evaluation logs, nothing when its outcome did not change. The first outcome is INFO whatever it is (not
     * ready while the context starts is normal); so is every change before the service was first ready, and every
     * change to ready. Only readiness lost after it was UP, and a changed reason while it stays lost, are WARN.
     *
     * @param previous      the previous outcome, null before the first evaluation
     * @param previousReady whether the previous outcome was ready
     * @param everReady     whether any previous outcome was ready
     */
    static LogLine logLine(String previous, boolean previousReady, boolean everReady, String outcome, boolean ready) {
        if (outcome.equals(previous)) {
            return null;
        }
        String value = " (" + AlertMetrics.READINESS + " = " + (ready ? 1 : 0) + ")";
        if (previous == null) {
            return new LogLine(false, "at start-up: " + (ready ? outcome : outcome + ", not ready yet") + value);
        }
        if (ready) {
            return new LogLine(false, outcome + (everReady ? " again" : "") + value);
        }
        if (!everReady) {
            return new LogLine(false, outcome + ", not ready yet" + value);
        }
        return new LogLine(true, (previousReady ? "readiness lost: " : "readiness still lost: ") + outcome + value);
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
