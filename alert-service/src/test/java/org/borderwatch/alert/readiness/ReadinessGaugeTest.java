package org.borderwatch.alert.readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.alert.AlertMetrics;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The readiness gauge against a stub status: 0 before the first evaluation and for anything but UP (another status,
 * none, a check that throws or hangs past an interval); it follows DOWN and back to UP; a read never runs the check;
 * the schedule survives a failing check and never overlaps a slow one.
 */
class ReadinessGaugeTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StepClock clock = new StepClock(Instant.parse("2026-01-10T08:00:00Z"));
    private final AtomicReference<String> status = new AtomicReference<>("UP");

    private double gauge() {
        Gauge g = meters.find(AlertMetrics.READINESS).gauge();
        assertThat(g).as("borderwatch.readiness is registered").isNotNull();
        return g.value();
    }

    @Test
    void startsAtZeroWithNoTagsAndAReadNeverRunsTheCheck() {
        AtomicInteger checks = new AtomicInteger();
        new ReadinessGauge(() -> {
            checks.incrementAndGet();
            return "UP";
        }, Duration.ofSeconds(15), clock, meters);
        assertThat(gauge()).isZero();
        assertThat(gauge()).isZero();
        assertThat(checks).hasValue(0);
        var id = meters.find(AlertMetrics.READINESS).gauge().getId();
        assertThat(id.getName()).isEqualTo("borderwatch.readiness");
        assertThat(id.getTags()).as("only the configured application tag, added by the registry").isEmpty();
    }

    @Test
    void goesToZeroWhenReadinessIsDownAndBackToOneWhenUp() {
        ReadinessGauge readiness = new ReadinessGauge(status::get, Duration.ofSeconds(15), clock, meters);
        readiness.evaluate();
        assertThat(gauge()).isEqualTo(1);
        status.set("DOWN");
        assertThat(gauge()).as("the stored result stands until the next evaluation").isEqualTo(1);
        readiness.evaluate();
        assertThat(gauge()).isZero();
        status.set("UP");
        readiness.evaluate();
        assertThat(gauge()).isEqualTo(1);
        for (String other : new String[] {"OUT_OF_SERVICE", "UNKNOWN", null}) {
            status.set(other);
            readiness.evaluate();
            assertThat(gauge()).as(String.valueOf(other)).isZero();
            status.set("UP");
            readiness.evaluate();
            assertThat(gauge()).isEqualTo(1);
        }
    }

    @Test
    void aCheckThatThrowsReadsZeroAndEvaluateDoesNotThrow() {
        ReadinessGauge readiness = new ReadinessGauge(() -> {
            throw new IllegalStateException("store did not answer");
        }, Duration.ofSeconds(15), clock, meters);
        readiness.evaluate();
        assertThat(gauge()).isZero();
    }

    @Test
    void aCheckStillRunningAfterAnIntervalReadsZero() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hang = new AtomicBoolean();
        ReadinessGauge readiness = new ReadinessGauge(() -> {
            if (hang.get()) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "UP";
        }, Duration.ofSeconds(15), clock, meters);
        readiness.evaluate();
        hang.set(true);
        Thread slow = new Thread(readiness::evaluate);
        slow.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        clock.advance(Duration.ofSeconds(15));
        assertThat(gauge()).as("within one interval the last result stands").isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(gauge()).as("the check has hung past an interval").isZero();
        release.countDown();
        slow.join(10_000);
        assertThat(gauge()).isEqualTo(1);
    }

    @Test
    void theScheduleOutlivesAFailureAndNeverOverlaps() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ReadinessGauge readiness = new ReadinessGauge(() -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                int call = calls.incrementAndGet();
                if (call == 1) {
                    throw new IllegalStateException("first check fails");
                }
                if (call <= 4) { // slower than the interval
                    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30);
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                }
                return status.get();
            } finally {
                running.decrementAndGet();
            }
        }, Duration.ofMillis(5), Clock.systemUTC(), meters);
        try {
            readiness.start();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(calls.get()).isGreaterThan(5);
                assertThat(gauge()).isEqualTo(1);
            });
            status.set("DOWN");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(gauge()).isZero());
            assertThat(mostAtOnce).hasValue(1);
        } finally {
            readiness.close();
        }
        assertThat(readiness.isRunning()).isFalse();
    }

    @Test
    void registersOnlyTheReadinessGaugeSoNoOtherGaugeIsRegisteredTwice() {
        new AlertMetrics(meters);
        int before = meters.getMeters().size();
        new ReadinessGauge(status::get, Duration.ofSeconds(15), clock, meters);
        assertThat(meters.getMeters()).hasSize(before + 1);
        SimpleMeterRegistry alone = new SimpleMeterRegistry();
        new ReadinessGauge(status::get, Duration.ofSeconds(15), clock, alone);
        assertThat(alone.getMeters()).extracting(m -> m.getId().getName()).containsExactly(AlertMetrics.READINESS);
    }

    @Test
    void startUpIsLoggedAtInfoAndOnlyLosingReadinessAfterUpIsAWarning() {
        var first = ReadinessGauge.logLine(null, false, false, "readiness OUT_OF_SERVICE", false);
        assertThat(first.warn()).as("not ready while starting is normal").isFalse();
        assertThat(first.text()).contains("start-up", "OUT_OF_SERVICE", "not ready yet", "= 0");
        var stillStarting = ReadinessGauge.logLine("readiness OUT_OF_SERVICE", false, false, "readiness DOWN", false);
        assertThat(stillStarting.warn()).isFalse();
        var up = ReadinessGauge.logLine("readiness DOWN", false, false, "readiness UP", true);
        assertThat(up.warn()).isFalse();
        assertThat(up.text()).isEqualTo("readiness UP (borderwatch.readiness = 1)");
        assertThat(ReadinessGauge.logLine("readiness UP", true, true, "readiness UP", true))
                .as("no change, no line").isNull();
        var lost = ReadinessGauge.logLine("readiness UP", true, true, "readiness DOWN", false);
        assertThat(lost.warn()).isTrue();
        assertThat(lost.text()).isEqualTo("readiness lost: readiness DOWN (borderwatch.readiness = 0)");
        var stillLost = ReadinessGauge.logLine("readiness DOWN", false, true, "readiness check failed: boom", false);
        assertThat(stillLost.warn()).isTrue();
        assertThat(stillLost.text()).startsWith("readiness still lost: readiness check failed: boom");
        var back = ReadinessGauge.logLine("readiness DOWN", false, true, "readiness UP", true);
        assertThat(back.warn()).isFalse();
        assertThat(back.text()).isEqualTo("readiness UP again (borderwatch.readiness = 1)");
        var upAtStart = ReadinessGauge.logLine(null, false, false, "readiness UP", true);
        assertThat(upAtStart.warn()).isFalse();
        assertThat(upAtStart.text()).contains("start-up", "UP", "= 1").doesNotContain("not ready");
    }

    @Test
    void refusesANonPositiveInterval() {
        assertThatThrownBy(() -> new ReadinessGauge(status::get, Duration.ZERO, clock, meters))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    private static final class StepClock extends Clock {
        private volatile Instant now;

        StepClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
