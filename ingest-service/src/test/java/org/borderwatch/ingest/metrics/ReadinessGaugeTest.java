package org.borderwatch.ingest.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The readiness gauge against a stub readiness status: it follows the stored result of the last evaluation, is 0
 * before the first and for anything but UP (a failed check, no status, a check that hangs past an interval), and its
 * schedule neither stops on a failing check nor overlaps a slow one.
 */
class ReadinessGaugeTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-20T00:00:00Z"));
    private final AtomicReference<String> status = new AtomicReference<>("UP");

    private double gauge() {
        Gauge g = meters.find(IngestMetrics.READINESS).gauge();
        assertThat(g).as("the readiness gauge is registered").isNotNull();
        return g.value();
    }

    @Test
    void isRegisteredAtZeroWithoutTagsAndNeverEvaluatesOnARead() {
        AtomicInteger checks = new AtomicInteger();
        new ReadinessGauge(() -> {
            checks.incrementAndGet();
            return "UP";
        }, Duration.ofSeconds(15), clock, meters);
        assertThat(gauge()).as("before the first evaluation").isZero();
        assertThat(gauge()).isZero();
        assertThat(checks).hasValue(0);
        Meter.Id id = meters.find(IngestMetrics.READINESS).gauge().getId();
        assertThat(id.getName()).isEqualTo("borderwatch.readiness");
        assertThat(id.getTags()).as("the application tag comes from configuration; no other").isEmpty();
    }

    @Test
    void followsTheReadinessStatusDownAndBackUp() {
        ReadinessGauge readiness = new ReadinessGauge(status::get, Duration.ofSeconds(15), clock, meters);
        readiness.evaluate();
        assertThat(gauge()).isEqualTo(1);
        status.set("DOWN");
        assertThat(gauge()).as("the stored value until the next evaluation").isEqualTo(1);
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
    }

    @Test
    void aFailingCheckIsZeroAndDoesNotThrow() {
        ReadinessGauge readiness = new ReadinessGauge(status::get, Duration.ofSeconds(15), clock, meters);
        readiness.evaluate();
        ReadinessGauge failing = new ReadinessGauge(() -> {
            throw new IllegalStateException("broker metadata timed out");
        }, Duration.ofSeconds(15), clock, new SimpleMeterRegistry());
        failing.evaluate();
        assertThat(failing.value()).isZero();
        assertThat(gauge()).isEqualTo(1);
    }

    @Test
    void aCheckStillRunningAfterAnIntervalIsZero() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Boolean> hang = new AtomicReference<>(false);
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
        assertThat(gauge()).as("within the interval the last result stands").isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(gauge()).as("a check that did not finish within an interval").isZero();
        release.countDown();
        slow.join(10_000);
        assertThat(gauge()).as("the check finished UP").isEqualTo(1);
    }

    @Test
    void theScheduleGoesOnAfterAFailureAndNeverOverlaps() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ReadinessGauge readiness = new ReadinessGauge(() -> {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                int call = calls.incrementAndGet();
                if (call == 1) {
                    throw new IllegalStateException("first check fails");
                }
                if (call > 4) {
                    return status.get();
                }
                // checks 2 to 4 are slower than the interval: the next one waits for them
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30);
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
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
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> new ReadinessGauge(status::get, Duration.ZERO, clock, meters))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
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
