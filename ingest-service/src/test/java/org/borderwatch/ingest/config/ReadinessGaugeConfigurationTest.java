package org.borderwatch.ingest.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.ingest.metrics.IngestMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gauge's wiring to Spring Boot's own health endpoint: a test health indicator in the readiness group is switched
 * DOWN and back UP, and the scheduled evaluation (started with the context) follows it through the group. No broker:
 * a small context with the health auto-configuration only.
 */
class ReadinessGaugeConfigurationTest {

    private static final AtomicReference<Status> SWITCH = new AtomicReference<>(Status.UP);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IngestProperties.class)
    static class Wiring {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        HealthIndicator switchable() {
            return () -> Health.status(SWITCH.get()).build();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                    EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
                    HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
            .withUserConfiguration(Wiring.class, ReadinessGaugeConfiguration.class)
            .withPropertyValues("ingest.readiness-gauge.interval=50ms");

    @Test
    void followsTheReadinessGroupDownAndBackUp() {
        SWITCH.set(Status.UP);
        runner.withPropertyValues("management.endpoint.health.group.readiness.include=switchable").run(context -> {
            assertThat(context).hasNotFailed();
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(meters.get(IngestMetrics.READINESS).gauge().value()).isEqualTo(1));
            SWITCH.set(Status.DOWN);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(meters.get(IngestMetrics.READINESS).gauge().value()).isZero());
            SWITCH.set(Status.UP);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(meters.get(IngestMetrics.READINESS).gauge().value()).isEqualTo(1));
            SWITCH.set(Status.OUT_OF_SERVICE);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(meters.get(IngestMetrics.READINESS).gauge().value()).isZero());
        });
    }

    @Test
    void withoutAReadinessGroupThereIsNoStatus() {
        SWITCH.set(Status.UP);
        runner.run(context -> assertThat(ReadinessGaugeConfiguration.readinessStatus(
                context.getBeanProvider(HealthEndpoint.class))).isNull());
    }
}
