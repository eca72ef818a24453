package org.borderwatch.classifier.readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readiness gauge ({@link ClassifierMetrics#READINESS}): 1 while the service's readiness check says ready, 0
 * otherwise. The check (a health check that can take seconds when the broker hangs) is never run during a scrape: one
 * background thread evaluates it every {@code interval}, with a fixed delay between the end of one evaluation and the
 * start of the next (a slow check delays the next one, two never overlap), and stores the answer; the gauge reads the
 * stored answer. Before the first evaluation, when a check fails, and while a check has been running for longer than
 * the interval (it did not finish), the gauge reads 0.
 */
public final class ReadinessGauge implements AutoCloseable {

    /** Default of {@code classifier.readiness-gauge.interval}. */
    public static final String DEFAULT_INTERVAL = "PT15S";

    private static final Logger log = LoggerFactory.getLogger(ReadinessGauge.class);

    /** The readiness of the service, as a check that may block, fail, or throw. */
    @FunctionalInterface
    public interface ReadinessCheck {
        boolean ready() throws Exception;
    }

    private final ReadinessCheck check;
    private final Duration interval;
    private final Clock clock;
    private volatile boolean ready;
    /** When the evaluation in progress started; null when none is. */
    private volatile Instant evaluatingSince;
    private ScheduledExecutorService scheduler;

    public ReadinessGauge(MeterRegistry registry, ReadinessCheck check, Duration interval, Clock clock) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the readiness gauge's interval must be positive: " + interval);
        }
        this.check = check;
        this.interval = interval;
        this.clock = clock;
        Gauge.builder(ClassifierMetrics.READINESS, this, ReadinessGauge::value)
                .description("1 when the readiness health group is UP, 0 otherwise (evaluated in the background)")
                .register(registry);
    }

    /** The stored answer: 1 or 0. Never runs the check. */
    public double value() {
        Instant since = evaluatingSince;
        if (since != null && Duration.between(since, clock.instant()).compareTo(interval) > 0) {
            return 0;
        }
        return ready ? 1 : 0;
    }

    /** Runs the check once and stores its answer; never throws (a failed check stores "not ready"). */
    public void evaluate() {
        evaluatingSince = clock.instant();
        boolean answer;
        try {
            answer = check.ready();
        } catch (Throwable e) {
            log.warn("readiness check failed; the readiness gauge reads 0: {}", e.toString());
            answer = false;
        }
        ready = answer;
        evaluatingSince = null;
    }

    /** Starts the background evaluations: the first one now, then one {@code interval} after each has finished. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "readiness-gauge");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::evaluate, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
