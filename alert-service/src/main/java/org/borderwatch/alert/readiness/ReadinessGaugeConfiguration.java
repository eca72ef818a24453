package org.borderwatch.alert.readiness;

import io.micrometer.core.instrument.MeterRegistry;
import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.support.HealthReadinessGauge;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The {@link AlertMetrics#READINESS} gauge: service-support's gauge over the {@code readiness} health group (the
 * store and the binders), evaluated in the background every {@code alert.readiness-gauge.interval} from the moment
 * every bean exists until the context stops.
 */
@Configuration(proxyBeanMethods = false)
public class ReadinessGaugeConfiguration {

    @Bean
    HealthReadinessGauge readinessGauge(ObjectProvider<HealthEndpoint> health, AlertProperties properties,
                                        Clock clock, MeterRegistry registry) {
        return new HealthReadinessGauge(AlertMetrics.READINESS, health, properties.readinessGauge().interval(),
                clock, registry);
    }
}
