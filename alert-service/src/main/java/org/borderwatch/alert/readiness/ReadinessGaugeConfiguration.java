package org.borderwatch.alert.readiness;

import io.micrometer.core.instrument.MeterRegistry;
import org.borderwatch.alert.AlertProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The {@code borderwatch.readiness} gauge, fed by Spring Boot's own evaluation of the {@code readiness} health group
 * (what {@code /actuator/health/readiness} answers). Registered with the context; evaluated once every bean exists,
 * until the context stops.
 */
@Configuration(proxyBeanMethods = false)
public class ReadinessGaugeConfiguration {

    static final String READINESS_GROUP = "readiness";

    @Bean
    ReadinessGauge readinessGauge(ObjectProvider<HealthEndpoint> health, AlertProperties properties, Clock clock,
                                  MeterRegistry registry) {
        return new ReadinessGauge(() -> readinessStatus(health), properties.readinessGauge().interval(), clock,
                registry);
    }

    /** The readiness group's status code; null without a health endpoint or such a group. */
    static String readinessStatus(ObjectProvider<HealthEndpoint> health) {
        HealthEndpoint endpoint = health.getIfAvailable();
        HealthDescriptor descriptor = endpoint == null ? null : endpoint.healthForPath(READINESS_GROUP);
        return descriptor == null || descriptor.getStatus() == null ? null : descriptor.getStatus().getCode();
    }

    @Bean
    SmartLifecycle readinessGaugeSchedule(ReadinessGauge gauge) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                gauge.start();
            }

            @Override
            public void stop() {
                gauge.close();
            }

            @Override
            public boolean isRunning() {
                return gauge.isRunning();
            }
        };
    }
}
