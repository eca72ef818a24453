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
        Answer check() throws Exception;
    }

    /**
     * One answer of the check.
     *
     * @param ready  whether the service is ready
     * @param reason why not, in one line (the status and the failing part's own words); empty when ready
     */
    public record Answer(boolean ready, String reason) {
        public Answer {
            reason = reason == null ? "" : reason;
        }

        public static Answer of(boolean ready) {
            return new Answer(ready, ready ? "" : "not ready");
        }
    }

    private final ReadinessCheck check;
    private final Duration interval;
    private final Clock clock;
    private volatile boolean ready;
    /** The last answer logged about (null before the first evaluation); only the gauge's thread touches it. */
    private Answer logged;
    /** Whether the service has been ready since it started: before that, "not ready" is start-up, not a fault. */
    private boolean wasReady;
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

    /**
     * Runs the check once and stores its answer; never throws (a failed check stores "not ready"). Logs one line when
     * the state changes, never the same state twice and never a stack trace (operator review, findings 6 and 18): the
     * first answer at INFO (start-up: the binder is usually still starting), a change away from UP after the service
     * had been UP as a WARN with the reason, the return to UP at INFO.
     */
    public void evaluate() {
        evaluatingSince = clock.instant();
        Answer answer;
        try {
            answer = check.check();
        } catch (Throwable e) {
            answer = new Answer(false, "the check failed: " + oneLine(e));
        }
        ready = answer.ready();
        evaluatingSince = null;
        logChange(answer);
    }

    private void logChange(Answer answer) {
        Answer before = logged;
        logged = answer;
        if (before == null) {
            log.info("readiness at start-up: {} (borderwatch.readiness = {})",
                    answer.ready() ? "UP" : "not ready yet, " + answer.reason(), answer.ready() ? 1 : 0);
        } else if (answer.ready() && !before.ready()) {
            log.info("readiness UP{} (borderwatch.readiness = 1)", wasReady ? " again" : "");
        } else if (!answer.ready() && before.ready()) {
            log.warn("readiness lost: {} (borderwatch.readiness = 0)", answer.reason());
        }
        wasReady |= answer.ready();
    }

    /** An exception and its causes' messages in one line, no stack trace. */
    static String oneLine(Throwable e) {
        StringBuilder sb = new StringBuilder(e.toString());
        for (Throwable c = e.getCause(); c != null && c != c.getCause() && sb.length() < 500; c = c.getCause()) {
            sb.append("; caused by ").append(c);
        }
        return sb.toString().replaceAll("\\s+", " ");
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
