package org.borderwatch.ingest.metrics;

import io.micrometer.core.instrument.MeterRegistry;
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
 * The {@link IngestMetrics#READINESS} gauge: 1 while the service's readiness group is {@code UP}, 0 otherwise (any
 * other status, no status, a check that failed, or one still running after an interval). The readiness check is never
 * made during a scrape — one against a hung broker takes seconds —: {@link #evaluate()} runs on its own thread every
 * interval, with a fixed delay (a slow check delays the next, never overlaps it), and stores the result that the gauge
 * reads. Before the first evaluation the value is 0.
 */
public final class ReadinessGauge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadinessGauge.class);
    private static final String UP = "UP";

    private final Supplier<String> readinessStatus;
    private final Duration interval;
    private final Clock clock;
    private volatile boolean ready;
    /** When the evaluation now running started; null between evaluations. */
    private final AtomicReference<Instant> runningSince = new AtomicReference<>();
    private volatile String lastOutcome = "not evaluated yet";
    private ScheduledExecutorService schedule;

    /**
     * Registers the gauge (at 0).
     *
     * @param readinessStatus the status code of the readiness group ("UP", "DOWN", …); null when there is none. It may
     *                        block or throw: both count as not ready
     * @param interval        the delay between the end of one evaluation and the start of the next; an evaluation
     *                        still running after it makes the gauge 0
     */
    public ReadinessGauge(Supplier<String> readinessStatus, Duration interval, Clock clock, MeterRegistry registry) {
        this.readinessStatus = Objects.requireNonNull(readinessStatus);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the readiness gauge's interval must be positive, not " + interval);
        }
        this.interval = interval;
        this.clock = clock;
        new IngestMetrics(registry).readiness(this, ReadinessGauge::value);
    }

    /** The gauge's value: the stored result, or 0 while an evaluation has been running for longer than an interval. */
    public double value() {
        Instant since = runningSince.get();
        if (since != null && Duration.between(since, clock.instant()).compareTo(interval) > 0) {
            return 0;
        }
        return ready ? 1 : 0;
    }

    /** Evaluates the readiness group once and stores the result; never throws. */
    public void evaluate() {
        runningSince.set(clock.instant());
        String outcome;
        try {
            String status = readinessStatus.get();
            ready = UP.equals(status);
            outcome = status == null ? "no readiness status" : "readiness " + status;
        } catch (Throwable e) { // the schedule must go on whatever the check does
            ready = false;
            outcome = "readiness check failed: " + e;
        } finally {
            runningSince.set(null);
        }
        if (!outcome.equals(lastOutcome)) {
            if (ready) {
                log.info("{} ({} = 1)", outcome, IngestMetrics.READINESS);
            } else {
                log.warn("{} ({} = 0)", outcome, IngestMetrics.READINESS);
            }
            lastOutcome = outcome;
        }
    }

    /** Starts evaluating at once, then every interval after the end of the previous evaluation. */
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

    /** Stops the schedule (an evaluation under way is interrupted); the gauge stays registered and reads 0. */
    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
        ready = false;
    }
}
