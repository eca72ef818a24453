package org.borderwatch.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.support.ReadinessGauge.Answer;
import org.borderwatch.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The readiness gauge against a stub check: 0 before the first evaluation and for anything but ready (another status,
 * a check that throws, answers nothing or hangs past an interval); it follows DOWN and back to UP; a read never runs
 * the check; the schedule survives failures, never overlaps a slow check, and drops what a check still under way
 * answers after the schedule stopped; one log line per change of state, never a stack trace.
 */
class ReadinessGaugeTest {

    private static final String METER = "borderwatch.readiness";
    private static final Duration INTERVAL = Duration.ofSeconds(15);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T08:00:00Z"));
    /** The stub's status, as a health group reports it; ready only when "UP". */
    private final AtomicReference<String> status = new AtomicReference<>("UP");
    private final AtomicInteger checks = new AtomicInteger();
    private final ReadinessGauge.Check byStatus = () -> {
        checks.incrementAndGet();
        String s = status.get();
        return "UP".equals(s) ? Answer.READY : Answer.notReady(s);
    };

    /** What the gauge logs while {@code steps} run. */
    private static List<ILoggingEvent> logged(Runnable steps) {
        Logger logger = (Logger) LoggerFactory.getLogger(ReadinessGauge.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            steps.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list;
    }

    private double gauge() {
        Gauge g = meters.find(METER).gauge();
        assertThat(g).as("%s is registered", METER).isNotNull();
        return g.value();
    }

    private ReadinessGauge gauge(ReadinessGauge.Check check) {
        return new ReadinessGauge(METER, check, INTERVAL, clock, meters);
    }

    @Test
    void isRegisteredAtZeroUnderTheGivenNameWithoutTagsAndAReadNeverRunsTheCheck() {
        List<ILoggingEvent> logs = logged(() -> {
            gauge(byStatus);
            assertThat(gauge()).as("before the first evaluation").isZero();
            assertThat(gauge()).isZero();
        });
        assertThat(checks).hasValue(0);
        Gauge g = meters.find(METER).gauge();
        assertThat(g.getId().getTags()).as("the application tag is the registry's; no other").isEmpty();
        assertThat(meters.getMeters()).as("no meter but its own").hasSize(1);
        assertThat(logs).as("nothing is logged before the first evaluation").isEmpty();
    }

    @Test
    void followsTheStatusDownAndBackUp() {
        ReadinessGauge readiness = gauge(byStatus);
        readiness.evaluate();
        assertThat(gauge()).isEqualTo(1);
        status.set("DOWN");
        assertThat(gauge()).as("a scrape reads the stored answer until the next evaluation").isEqualTo(1);
        readiness.evaluate();
        assertThat(gauge()).isZero();
        status.set("UP");
        readiness.evaluate();
        assertThat(gauge()).isEqualTo(1);
        for (String notUp : new String[] {"OUT_OF_SERVICE", "UNKNOWN", null}) {
            status.set(notUp);
            readiness.evaluate();
            assertThat(gauge()).as(String.valueOf(notUp)).isZero();
            status.set("UP");
            readiness.evaluate();
            assertThat(gauge()).isEqualTo(1);
        }
        assertThat(checks).as("one check per evaluation, none per read").hasValue(9);
    }

    @Test
    void aCheckThatThrowsOrAnswersNothingReadsZeroAndEvaluateDoesNotThrow() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Answer> answer = new AtomicReference<>(Answer.READY);
        ReadinessGauge readiness = gauge(() -> {
            Throwable t = failure.get();
            if (t instanceof Exception e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            return answer.get();
        });
        readiness.evaluate();
        assertThat(gauge()).isEqualTo(1);
        failure.set(new TimeoutException("broker metadata timed out"));
        readiness.evaluate();
        assertThat(gauge()).isZero();
        failure.set(null);
        readiness.evaluate();
        assertThat(gauge()).isEqualTo(1);
        failure.set(new StackOverflowError());
        readiness.evaluate();
        assertThat(gauge()).as("even an Error").isZero();
        failure.set(null);
        answer.set(null);
        readiness.evaluate();
        assertThat(gauge()).as("no answer").isZero();
    }

    @Test
    void aCheckStillRunningAfterAnIntervalReadsZeroUntilItFinishes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ReadinessGauge readiness = gauge(() -> {
            if (checks.incrementAndGet() > 1) {
                entered.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            return Answer.READY;
        });
        readiness.evaluate();
        Thread slow = new Thread(readiness::evaluate);
        slow.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        clock.advance(INTERVAL);
        assertThat(gauge()).as("within one interval the last answer stands").isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(gauge()).as("a check that did not finish within an interval").isZero();
        release.countDown();
        slow.join(10_000);
        assertThat(gauge()).as("the check finished UP").isEqualTo(1);
    }

    @Test
    void theScheduleRunsInTheBackgroundOutlivesFailuresAndNeverOverlaps() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ReadinessGauge readiness = new ReadinessGauge(METER, () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                int call = calls.incrementAndGet();
                if (call == 1) {
                    throw new IllegalStateException("the first check fails");
                }
                if (call <= 4) { // slower than the interval: the next one waits for it
                    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30);
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                }
                return byStatus.check();
            } finally {
                running.decrementAndGet();
            }
        }, Duration.ofMillis(5), Clock.systemUTC(), meters);
        try {
            readiness.start();
            readiness.start(); // a second start changes nothing
            assertThat(readiness.isRunning()).isTrue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(calls.get()).isGreaterThan(5);
                assertThat(gauge()).isEqualTo(1);
            });
            status.set("DOWN");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(gauge()).isZero());
            status.set("UP");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(gauge()).isEqualTo(1));
            assertThat(mostAtOnce).as("two checks never ran at once").hasValue(1);
        } finally {
            readiness.close();
        }
        assertThat(readiness.isRunning()).isFalse();
        assertThat(gauge()).as("stopped: not ready").isZero();
        int after = calls.get();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> calls.get() == after);
    }

    @Test
    void stopInterruptsACheckUnderWayDropsItsAnswerAndStartRunsAgain() {
        CountDownLatch entered = new CountDownLatch(1);
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        AtomicReference<Boolean> hang = new AtomicReference<>(true);
        ReadinessGauge readiness = gauge(() -> {
            checks.incrementAndGet();
            if (hang.get()) {
                entered.countDown();
                try {
                    new CountDownLatch(1).await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
            }
            return Answer.READY; // what the hung check answers once interrupted: it must not count
        });
        readiness.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> entered.getCount() == 0);
        readiness.stop();
        assertThat(interrupted.get()).as("the check under way was interrupted, and stop waited for it").isTrue();
        assertThat(readiness.isRunning()).isFalse();
        assertThat(gauge()).as("its late answer is dropped").isZero();

        hang.set(false);
        readiness.start();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(gauge()).isEqualTo(1));
        readiness.close();
        readiness.close(); // twice is harmless
        assertThat(gauge()).isZero();
    }

    @Test
    void theIntervalMustBePositive() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-5), null}) {
            assertThatThrownBy(() -> new ReadinessGauge(METER, byStatus, bad, clock, meters)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        }
        assertThat(meters.getMeters()).as("a refused gauge is not registered").isEmpty();
    }

    @Test
    void aTinyIntervalStillSchedules() {
        ReadinessGauge readiness = new ReadinessGauge(METER, byStatus, Duration.ofNanos(500_000), Clock.systemUTC(),
                meters);
        try {
            readiness.start();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(gauge()).isEqualTo(1));
        } finally {
            readiness.close();
        }
    }

    /**
     * One line per change of state, never a stack trace: the start-up state at INFO (not ready while the binders
     * start is no fault), the first UP at INFO, a loss of readiness after UP as one WARN with the reason, the same
     * state again nothing (whatever its reason), the return at INFO. Each row: the answers in turn ("up",
     * "down:reason", "throw:message") and the lines logged, in order (separated by "//").
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            normal start-up             | down:OUT_OF_SERVICE, down:OUT_OF_SERVICE, down:DOWN, up, up | INFO readiness at start-up: not ready yet, OUT_OF_SERVICE (borderwatch.readiness = 0) // INFO readiness UP (borderwatch.readiness = 1)
            up from the start           | up, up                                                      | INFO readiness at start-up: UP (borderwatch.readiness = 1)
            broker hangs and comes back | up, down:DOWN (binders DOWN), down:DOWN (other), throw:timed out, up | INFO readiness at start-up: UP ( // WARN readiness lost: DOWN (binders DOWN) (borderwatch.readiness = 0) // INFO readiness UP again (borderwatch.readiness = 1)
            a failed check after UP     | up, throw:broker hung, up                                   | INFO readiness at start-up: UP ( // WARN readiness lost: the check failed: java.lang.IllegalStateException: broker hung; caused by java.util.concurrent.TimeoutException: inner (borderwatch.readiness = 0) // INFO readiness UP again (
            never ready                 | down:DOWN, throw:x, down:DOWN                               | INFO readiness at start-up: not ready yet, DOWN (
            a reason on several lines   | up, down:DOWN\\n  binders   DOWN                             | INFO readiness at start-up: UP ( // WARN readiness lost: DOWN binders DOWN (
            """)
    void logsOneLinePerChangeOfStateAndNoStackTrace(String name, String answers, String expected) {
        Iterator<String> next = Arrays.stream(answers.split(",\\s*")).iterator();
        ReadinessGauge readiness = gauge(() -> {
            String a = next.next().replace("\\n", "\n");
            if (a.startsWith("throw:")) {
                throw new IllegalStateException(a.substring(6), new TimeoutException("inner"));
            }
            return a.equals("up") ? Answer.READY : Answer.notReady(a.substring(5));
        });
        List<ILoggingEvent> logs = logged(() -> {
            while (next.hasNext()) {
                readiness.evaluate();
            }
        });
        List<String> wanted = Arrays.stream(expected.split("\\s*//\\s*")).toList();
        assertThat(logs).as(name).hasSize(wanted.size());
        for (int i = 0; i < wanted.size(); i++) {
            ILoggingEvent event = logs.get(i);
            String level = wanted.get(i).substring(0, wanted.get(i).indexOf(' '));
            assertThat(event.getLevel()).as(name).isEqualTo(Level.toLevel(level));
            assertThat(event.getFormattedMessage()).as(name).startsWith(wanted.get(i).substring(level.length() + 1))
                    .doesNotContain("\n");
            assertThat(event.getThrowableProxy()).as(name + ": no stack trace").isNull();
        }
    }

    @Test
    void anExceptionIsOneLineWithItsCausesAndBounded() {
        Exception e = new IllegalStateException("outer\nsecond line", new TimeoutException("inner"));
        assertThat(ReadinessGauge.oneLine(e)).isEqualTo("java.lang.IllegalStateException: outer second line; "
                + "caused by java.util.concurrent.TimeoutException: inner");
        Exception deep = new RuntimeException("x".repeat(400));
        for (int i = 0; i < 50; i++) {
            deep = new RuntimeException("y".repeat(400), deep);
        }
        assertThat(ReadinessGauge.oneLine(deep).length()).isLessThan(2000);
    }
}
