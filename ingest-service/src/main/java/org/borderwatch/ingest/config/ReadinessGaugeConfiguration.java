package org.borderwatch.ingest.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.borderwatch.ingest.metrics.IngestMetrics;
import org.borderwatch.support.HealthReadinessGauge;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The {@link IngestMetrics#READINESS} gauge: service-support's gauge over the {@code readiness} health group,
 * evaluated in the background every {@code ingest.readiness-gauge.interval}, started and stopped with the context.
 */
@Configuration(proxyBeanMethods = false)
public class ReadinessGaugeConfiguration {

    @Bean
    HealthReadinessGauge readinessGauge(ObjectProvider<HealthEndpoint> health, IngestProperties properties,
                                        Clock clock, MeterRegistry registry) {
        return new HealthReadinessGauge(IngestMetrics.READINESS, health, properties.readinessGauge().interval(),
                clock, registry);
    }
}
