package org.borderwatch.classifier.readiness;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.borderwatch.classifier.config.ClassifierProperties;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The readiness gauge over Spring Boot's own health endpoint: the {@code readiness} group, as the probe sees it. */
@Configuration(proxyBeanMethods = false)
class ReadinessGaugeConfiguration {

    static final String GROUP = "readiness";

    @Bean(destroyMethod = "close")
    ReadinessGauge readinessGauge(MeterRegistry registry, HealthEndpoint health, ClassifierProperties properties,
                                  Clock clock) {
        return new ReadinessGauge(registry, () -> {
            HealthDescriptor group = health.healthForPath(GROUP);
            return group != null && Status.UP.equals(group.getStatus());
        }, properties.readinessGauge().interval(), clock);
    }

    /** Starts the evaluations with the other lifecycle beans (the binder among them), stops them first. */
    @Bean
    SmartLifecycle readinessGaugeLifecycle(ReadinessGauge gauge) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                gauge.start();
                running = true;
            }

            @Override
            public void stop() {
                gauge.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
