package org.borderwatch.classifier.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

class ReadinessGaugeTest {

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

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

    /** A health indicator whose status the test switches, as the readiness group would report it. */
    private static final class SwitchedIndicator implements HealthIndicator {
        final AtomicReference<Status> status = new AtomicReference<>(Status.UP);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Health health() {
            calls.incrementAndGet();
            return Health.status(status.get()).build();
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TestClock clock = new TestClock();

    private double meter() {
        Gauge g = registry.find(ClassifierMetrics.READINESS).gauge();
        assertThat(g).as("gauge %s registered", ClassifierMetrics.READINESS).isNotNull();
        assertThat(g.getId().getTags()).isEmpty();
        return g.value();
    }

    @Test
    void zeroBeforeTheFirstEvaluationThenFollowsTheStatusDownAndBackUp() {
        SwitchedIndicator indicator = new SwitchedIndicator();
        ReadinessGauge gauge = new ReadinessGauge(registry,
                () -> Status.UP.equals(indicator.health().getStatus()), Duration.ofSeconds(15), clock);

        assertThat(meter()).isZero();
        assertThat(indicator.calls).as("registering and reading never runs the check").hasValue(0);

        gauge.evaluate();
        assertThat(meter()).isEqualTo(1.0);
        indicator.status.set(Status.DOWN);
        assertThat(meter()).as("a scrape reads the stored value").isEqualTo(1.0);
        gauge.evaluate();
        assertThat(meter()).isZero();
        indicator.status.set(Status.OUT_OF_SERVICE);
        gauge.evaluate();
        assertThat(meter()).isZero();
        indicator.status.set(Status.UNKNOWN);
        gauge.evaluate();
        assertThat(meter()).isZero();
        indicator.status.set(Status.UP);
        gauge.evaluate();
        assertThat(meter()).isEqualTo(1.0);
        assertThat(indicator.calls).hasValue(5);
    }

    @Test
    void aFailingCheckReadsZeroAndDoesNotEscape() {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ReadinessGauge gauge = new ReadinessGauge(registry, () -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            return true;
        }, Duration.ofSeconds(15), clock);
        gauge.evaluate();
        assertThat(meter()).isEqualTo(1.0);
        failure.set(new IllegalStateException("broker hung"));
        gauge.evaluate();
        assertThat(meter()).isZero();
    }

    @Test
    void aCheckRunningLongerThanTheIntervalReadsZeroUntilItFinishes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        ReadinessGauge gauge = new ReadinessGauge(registry, () -> {
            if (calls.incrementAndGet() > 1) {
                release.await(30, TimeUnit.SECONDS);
            }
            return true;
        }, Duration.ofSeconds(15), clock);
        gauge.evaluate();
        assertThat(meter()).isEqualTo(1.0);

        Thread slow = new Thread(gauge::evaluate);
        slow.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 2);
        clock.advance(Duration.ofSeconds(10));
        assertThat(meter()).as("within the interval: the last answer").isEqualTo(1.0);
        clock.advance(Duration.ofSeconds(6));
        assertThat(meter()).as("a check that did not finish within the interval").isZero();
        release.countDown();
        slow.join(5000);
        assertThat(meter()).isEqualTo(1.0);
    }

    @Test
    void theScheduleEvaluatesInTheBackgroundWithoutOverlapAndSurvivesFailures() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        try (ReadinessGauge gauge = new ReadinessGauge(registry, () -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                int n = calls.incrementAndGet();
                if (n % 2 == 0) {
                    throw new IllegalStateException("every other check fails");
                }
                return true;
            } finally {
                running.decrementAndGet();
            }
        }, Duration.ofMillis(20), Clock.systemUTC())) {
            assertThat(meter()).isZero();
            gauge.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() >= 6);
        }
        assertThat(overlaps).hasValue(0);
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> new ReadinessGauge(registry, () -> true, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
