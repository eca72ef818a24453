package org.borderwatch.classifier.readiness;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.borderwatch.classifier.config.ClassifierProperties;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.support.HealthReadinessGauge;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link ClassifierMetrics#READINESS} gauge: service-support's gauge over the {@code readiness} health group (as
 * the probe sees it), evaluated in the background every {@code classifier.readiness-gauge.interval}, started with the
 * other lifecycle beans (the binder among them) and stopped before them.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessGaugeConfiguration {

    @Bean
    HealthReadinessGauge readinessGauge(ObjectProvider<HealthEndpoint> health, ClassifierProperties properties,
                                        Clock clock, MeterRegistry registry) {
        return new HealthReadinessGauge(ClassifierMetrics.READINESS, health, properties.readinessGauge().interval(),
                clock, registry);
    }
}
