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
                () -> ReadinessGauge.Answer.of(Status.UP.equals(indicator.health().getStatus())), Duration.ofSeconds(15), clock);

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
            return ReadinessGauge.Answer.of(true);
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
            return ReadinessGauge.Answer.of(true);
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
                return ReadinessGauge.Answer.of(true);
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
        assertThatThrownBy(() -> new ReadinessGauge(registry, () -> ReadinessGauge.Answer.of(true), Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Operator review, findings 6 and 18: one line per change of state, never a stack trace. The start-up state at
     * INFO (not ready while the binder starts is no fault), the first UP at INFO, a loss of readiness after UP as one
     * WARN with the reason, the same state again nothing, the return at INFO. Each row: the answers in turn ("up",
     * "down:<reason>", "throw:<message>") and the lines logged, in order (separated by "//").
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            normal start-up                  | down:OUT_OF_SERVICE, down:OUT_OF_SERVICE, up, up | INFO readiness at start-up: not ready yet, OUT_OF_SERVICE // INFO readiness UP (
            up from the start                | up, up                                           | INFO readiness at start-up: UP (
            broker hangs and comes back      | up, down:DOWN (binders DOWN), down:DOWN (binders DOWN), throw:timed out, up | INFO readiness at start-up: UP ( // WARN readiness lost: DOWN (binders DOWN) ( // INFO readiness UP again (
            a failed check after UP          | up, throw:broker hung, up                        | INFO readiness at start-up: UP ( // WARN readiness lost: the check failed: java.lang.IllegalStateException: broker hung; caused by java.util.concurrent.TimeoutException: inner ( // INFO readiness UP again (
            never ready                      | down:DOWN, throw:x, down:DOWN                    | INFO readiness at start-up: not ready yet, DOWN (""")
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void logsOneLinePerChangeOfStateAndNoStackTrace(String name, String answers, String expected,
                                                     org.springframework.boot.test.system.CapturedOutput output) {
        java.util.Iterator<String> next = java.util.Arrays.stream(answers.split(",\\s*")).iterator();
        ReadinessGauge gauge = new ReadinessGauge(registry, () -> {
            String a = next.next();
            if (a.startsWith("throw:")) {
                throw new IllegalStateException(a.substring(6), new java.util.concurrent.TimeoutException("inner"));
            }
            return a.equals("up") ? ReadinessGauge.Answer.of(true) : new ReadinessGauge.Answer(false, a.substring(5));
        }, Duration.ofSeconds(15), clock);
        int before = output.getOut().length();
        while (next.hasNext()) {
            gauge.evaluate();
        }
        java.util.List<String> lines = output.getOut().substring(before).lines()
                .filter(l -> l.contains(ReadinessGauge.class.getSimpleName())).toList();
        java.util.List<String> wanted = java.util.Arrays.stream(expected.split("\\s*//\\s*")).toList();
        assertThat(lines).as(name).hasSize(wanted.size());
        for (int i = 0; i < wanted.size(); i++) {
            String level = wanted.get(i).substring(0, wanted.get(i).indexOf(' '));
            String text = wanted.get(i).substring(level.length() + 1);
            assertThat(lines.get(i)).as(name).contains(level, text);
        }
        assertThat(output.getOut().substring(before)).as(name + ": no stack trace").doesNotContain("\tat ");
    }

    /**
     * The reason the gauge logs is read from Spring Boot's own health endpoint, as the service builds it: the readiness
     * group's status and each part that is not UP with its details (the binder's "Kafka broker is not reachable"), in
     * one line — the details show although the group hides them from HTTP callers ({@code healthForPath} shows all).
     */
    @Test
    void theReasonNamesEachPartThatIsNotUpWithItsDetailsInOneLine() {
        var registry = new org.springframework.boot.health.registry.DefaultHealthContributorRegistry();
        SwitchedIndicator readinessState = new SwitchedIndicator();
        HealthIndicator streams = () -> Health.down().withDetail("No topic information available",
                "Kafka broker is not reachable").withException(new java.util.concurrent.TimeoutException("timed out"))
                .build();
        registry.registerContributor("readinessState", readinessState);
        registry.registerContributor("binders", org.springframework.boot.health.contributor.CompositeHealthContributor
                .fromMap(java.util.Map.of("kafkaStreams", streams)));
        registry.registerContributor("other", (HealthIndicator) () -> Health.down().build());
        var group = new org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup() {
            @Override
            public boolean isMember(String name) {
                return name.equals("readinessState") || name.equals("binders") || name.startsWith("binders/");
            }

            @Override
            public boolean showComponents(org.springframework.boot.actuate.endpoint.SecurityContext c) {
                return true;
            }

            @Override
            public boolean showDetails(org.springframework.boot.actuate.endpoint.SecurityContext c) {
                return false;
            }

            @Override
            public org.springframework.boot.health.actuate.endpoint.StatusAggregator getStatusAggregator() {
                return org.springframework.boot.health.actuate.endpoint.StatusAggregator.getDefault();
            }

            @Override
            public org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper getHttpCodeStatusMapper() {
                return org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper.DEFAULT;
            }

            @Override
            public org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath getAdditionalPath() {
                return null;
            }
        };
        var endpoint = new org.springframework.boot.health.actuate.endpoint.HealthEndpoint(registry, null,
                org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups.of(group,
                        java.util.Map.of(ReadinessGaugeConfiguration.GROUP, group)), null);

        ReadinessGauge.Answer down = ReadinessGaugeConfiguration.answer(
                endpoint.healthForPath(ReadinessGaugeConfiguration.GROUP));
        assertThat(down.ready()).isFalse();
        assertThat(down.reason()).startsWith("DOWN (binders/kafkaStreams DOWN {")
                .contains("No topic information available=Kafka broker is not reachable",
                        "java.util.concurrent.TimeoutException: timed out")
                .doesNotContain("readinessState", "other", "\n");

        readinessState.status.set(Status.OUT_OF_SERVICE);
        assertThat(ReadinessGaugeConfiguration.answer(endpoint.healthForPath(ReadinessGaugeConfiguration.GROUP))
                .reason()).startsWith("DOWN (binders/kafkaStreams DOWN {").endsWith("}; readinessState OUT_OF_SERVICE)");
        assertThat(ReadinessGaugeConfiguration.answer(null)).isEqualTo(new ReadinessGauge.Answer(false,
                "no readiness group"));
    }
}
