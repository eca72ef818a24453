package org.borderwatch.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gauge over Spring Boot's own health endpoint, in a small context with Boot's health auto-configuration and test
 * health indicators (no broker, no store): the scheduled evaluation starts with the context and follows the readiness
 * group DOWN and back UP; it stops with the context; the reason names each part that is not UP in one line.
 */
class HealthReadinessGaugeTest {

    private static final String METER = "borderwatch.readiness";
    private static final AtomicReference<Status> SWITCH = new AtomicReference<>(Status.UP);

    @Configuration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        /** As a service declares it: its meter name, its interval. */
        @Bean
        HealthReadinessGauge readinessGauge(ObjectProvider<HealthEndpoint> health, MeterRegistry registry) {
            return new HealthReadinessGauge(METER, health, Duration.ofMillis(50), Clock.systemUTC(), registry);
        }

        @Bean
        HealthIndicator switchable() {
            return () -> Health.status(SWITCH.get()).build();
        }

        /** Like the Kafka Streams binder's health while the broker does not answer. */
        @Bean
        HealthContributor binders() {
            return CompositeHealthContributor.fromMap(Map.of("kafkaStreams", (HealthIndicator) () -> Health.down()
                    .withDetail("No topic information available", "Kafka broker is not\nreachable")
                    .withException(new TimeoutException("timed out")).build()));
        }

        @Bean
        HealthIndicator other() {
            return () -> Health.down().build();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
                    HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
                    HealthEndpointAutoConfiguration.class))
            .withUserConfiguration(Wiring.class);

    @Test
    void followsTheReadinessGroupDownAndBackUpAndStopsWithTheContext() {
        SWITCH.set(Status.UP);
        HealthReadinessGauge[] kept = new HealthReadinessGauge[1];
        runner.withPropertyValues("management.endpoint.health.group.readiness.include=switchable").run(context -> {
            assertThat(context).hasNotFailed();
            HealthReadinessGauge bean = context.getBean(HealthReadinessGauge.class);
            kept[0] = bean;
            assertThat(bean.isRunning()).as("started with the context").isTrue();
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            for (Status status : new Status[] {Status.UP, Status.DOWN, Status.UP, Status.OUT_OF_SERVICE, Status.UP}) {
                SWITCH.set(status);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(meters.get(METER).gauge()
                        .value()).as(status.getCode()).isEqualTo(Status.UP.equals(status) ? 1 : 0));
            }
        });
        assertThat(kept[0].isRunning()).as("stopped with the context").isFalse();
        assertThat(kept[0].gauge().value()).isZero();
    }

    @Test
    void theReasonNamesEachPartOfTheGroupThatIsNotUpWithItsDetailsInOneLine() {
        SWITCH.set(Status.UP);
        runner.withPropertyValues("management.endpoint.health.group.readiness.include=switchable,binders")
                .run(context -> {
                    HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
                    ReadinessGauge.Answer down = HealthReadinessGauge.answer(endpoint);
                    assertThat(down.ready()).isFalse();
                    assertThat(down.reason()).startsWith("DOWN (binders/kafkaStreams DOWN {")
                            .contains("No topic information available=Kafka broker is not reachable",
                                    "java.util.concurrent.TimeoutException: timed out")
                            .as("only the group's parts that are not UP").doesNotContain("switchable", "other", "\n");

                    SWITCH.set(Status.OUT_OF_SERVICE);
                    assertThat(HealthReadinessGauge.answer(endpoint).reason())
                            .startsWith("DOWN (binders/kafkaStreams DOWN {").endsWith("}; switchable OUT_OF_SERVICE)");
                });
    }

    @Test
    void withoutTheGroupOrTheEndpointItIsNotReady() {
        SWITCH.set(Status.UP);
        runner.run(context -> assertThat(HealthReadinessGauge.answer(context.getBean(HealthEndpoint.class)))
                .isEqualTo(ReadinessGauge.Answer.notReady("no readiness health group")));
        assertThat(HealthReadinessGauge.answer((HealthEndpoint) null))
                .isEqualTo(ReadinessGauge.Answer.notReady("no health endpoint"));
        runner.withPropertyValues("management.endpoint.health.group.readiness.include=switchable")
                .run(context -> assertThat(HealthReadinessGauge.answer(context.getBean(HealthEndpoint.class)))
                        .isEqualTo(ReadinessGauge.Answer.READY));
    }
}
