package org.borderwatch.support;

import io.micrometer.core.instrument.Gauge;
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

/**
 * The readiness gauge ({@code borderwatch.readiness}): 1 while the service is ready, 0 otherwise. The check behind it
 * (a health check that can take seconds when the broker or the store hangs) never runs during a scrape: one background
 * thread runs it every {@code interval}, with a fixed delay between the end of one run and the start of the next (a
 * slow check delays the next, two never overlap), and stores the answer; the gauge reads the stored answer. It reads 0
 * before the first evaluation, after a check that failed or threw, while a check has been running for longer than the
 * interval (it did not finish), and once the schedule is stopped.
 *
 * <p>Logs one line per change of state (ready / not ready), never the same state twice and never a stack trace: the
 * first answer at INFO (not ready while the service starts is normal), readiness lost after it was UP as one WARN with
 * the reason, the return to UP at INFO. Plain Java and Micrometer; {@link HealthReadinessGauge} feeds it from Spring
 * Boot's health endpoint and starts and stops it with the application context.
 */
public final class ReadinessGauge implements AutoCloseable {

    /** The default of each service's {@code <prefix>.readiness-gauge.interval}. */
    public static final String DEFAULT_INTERVAL = "PT15S";

    private static final Logger log = LoggerFactory.getLogger(ReadinessGauge.class);
    /** How long {@link #stop()} waits for a check under way to honour its interruption; it never waits longer. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(1);
    /** A logged reason is cut after this many characters. */
    private static final int MAX_REASON = 1000;

    /** The readiness of the service: a check that may block, fail or throw (all of which read as not ready). */
    @FunctionalInterface
    public interface Check {
        Answer check() throws Exception;
    }

    /**
     * One answer of the check.
     *
     * @param ready  whether the service is ready
     * @param reason why not, in the failing part's own words; empty when ready
     */
    public record Answer(boolean ready, String reason) {
        public static final Answer READY = new Answer(true, "");

        public Answer {
            reason = reason == null ? "" : reason;
        }

        public static Answer notReady(String reason) {
            return new Answer(false, reason);
        }
    }

    private final String meterName;
    private final Check check;
    private final Duration interval;
    private final Clock clock;
    private volatile boolean ready;
    /** When the check in progress started; null when none is. */
    private volatile Instant evaluatingSince;
    /** The state last logged (null before the first evaluation) and whether it was ever ready; guarded by this. */
    private Boolean loggedReady;
    private boolean everReady;
    /** The running schedule; null when stopped. Guarded by this. */
    private ScheduledExecutorService schedule;

    /**
     * Registers the gauge (at 0). Nothing runs until {@link #start()}.
     *
     * @param meterName the meter's name: the constant in the service's metrics class
     * @param interval  the delay between the end of one evaluation and the start of the next; a check still running
     *                  after it reads 0. Positive
     */
    public ReadinessGauge(String meterName, Check check, Duration interval, Clock clock, MeterRegistry registry) {
        this.meterName = Objects.requireNonNull(meterName);
        this.check = Objects.requireNonNull(check);
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the readiness gauge's interval must be positive, not " + interval);
        }
        this.interval = interval;
        this.clock = Objects.requireNonNull(clock);
        Gauge.builder(meterName, this, ReadinessGauge::value)
                .description("1 when the readiness health group is UP, else 0 (evaluated in the background)")
                .strongReference(true).register(registry);
    }

    /** The stored answer, 1 or 0; 0 while a check has been running for longer than the interval. Never runs it. */
    public double value() {
        Instant since = evaluatingSince;
        if (since != null && Duration.between(since, clock.instant()).compareTo(interval) > 0) {
            return 0;
        }
        return ready ? 1 : 0;
    }

    /** Runs the check once and stores its answer; never throws. The schedule calls it; a test may call it directly. */
    public void evaluate() {
        store(ask());
    }

    private Answer ask() {
        evaluatingSince = clock.instant();
        try {
            Answer answer = check.check();
            return answer == null ? Answer.notReady("the check gave no answer") : answer;
        } catch (Throwable e) { // whatever the check does, the schedule goes on
            return Answer.notReady("the check failed: " + oneLine(e));
        } finally {
            evaluatingSince = null;
        }
    }

    /** One run of the schedule {@code by}: an answer that arrives after that schedule was stopped is dropped. */
    private void scheduled(ScheduledExecutorService by) {
        Answer answer = ask();
        synchronized (this) {
            if (schedule == by) {
                store(answer);
            }
        }
    }

    private synchronized void store(Answer answer) {
        ready = answer.ready();
        Boolean before = loggedReady;
        loggedReady = answer.ready();
        String value = " (" + meterName + " = " + (answer.ready() ? 1 : 0) + ")";
        if (before == null) {
            log.info("readiness at start-up: {}{}", answer.ready() ? "UP" : "not ready yet, " + reason(answer), value);
        } else if (answer.ready() && !before) {
            log.info("readiness UP{}{}", everReady ? " again" : "", value);
        } else if (!answer.ready() && before) {
            log.warn("readiness lost: {}{}", reason(answer), value);
        }
        everReady |= answer.ready();
    }

    private static String reason(Answer answer) {
        String text = answer.reason().isBlank() ? "not ready" : answer.reason().strip().replaceAll("\\s+", " ");
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
    }

    /** An exception and its causes in one line (each one's class and message), no stack trace. */
    static String oneLine(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e));
        for (Throwable c = e.getCause(); c != null && c != c.getCause() && sb.length() < MAX_REASON; c = c.getCause()) {
            sb.append("; caused by ").append(c);
        }
        return sb.toString().replaceAll("\\s+", " ");
    }

    /** Starts the background evaluations: the first one now, then one interval after each has finished. */
    public synchronized void start() {
        if (schedule != null) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "readiness-gauge");
            t.setDaemon(true);
            return t;
        });
        schedule = started;
        started.scheduleWithFixedDelay(() -> scheduled(started), 0, nanos(interval), TimeUnit.NANOSECONDS);
    }

    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    public synchronized boolean isRunning() {
        return schedule != null;
    }

    /**
     * Stops the schedule: the gauge reads 0 from now on (it stays registered), a check under way is interrupted and
     * its answer dropped. Waits at most a second for that check to end; one that ignores the interruption ends on its
     * own daemon thread and changes nothing. {@link #start()} may start it again.
     */
    public void stop() {
        ScheduledExecutorService stopped;
        synchronized (this) {
            stopped = schedule;
            schedule = null;
            ready = false;
        }
        if (stopped != null) {
            stopped.shutdownNow();
            try {
                stopped.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
