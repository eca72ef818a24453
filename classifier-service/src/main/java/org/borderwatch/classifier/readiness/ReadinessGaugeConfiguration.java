package org.borderwatch.classifier.readiness;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.borderwatch.classifier.config.ClassifierProperties;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
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
        return new ReadinessGauge(registry, () -> answer(health.healthForPath(GROUP)),
                properties.readinessGauge().interval(), clock);
    }

    /** UP, or why not in one line: the group's status and each part that is not UP with its own words. */
    static ReadinessGauge.Answer answer(HealthDescriptor group) {
        if (group == null) {
            return new ReadinessGauge.Answer(false, "no readiness group");
        }
        if (Status.UP.equals(group.getStatus())) {
            return new ReadinessGauge.Answer(true, "");
        }
        List<String> parts = new ArrayList<>();
        notUp("", group, parts);
        return new ReadinessGauge.Answer(false, group.getStatus().getCode()
                + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")"));
    }

    private static void notUp(String path, HealthDescriptor d, List<String> out) {
        if (d instanceof CompositeHealthDescriptor c && c.getComponents() != null) {
            c.getComponents().forEach((name, part) -> {
                if (!Status.UP.equals(part.getStatus())) {
                    notUp(path.isEmpty() ? name : path + "/" + name, part, out);
                }
            });
        } else if (!path.isEmpty()) {
            String details = d instanceof IndicatedHealthDescriptor i && i.getDetails() != null && !i.getDetails()
                    .isEmpty() ? " " + i.getDetails() : "";
            String line = path + " " + d.getStatus().getCode() + details.replaceAll("\\s+", " ");
            out.add(line.length() > 300 ? line.substring(0, 300) + "…" : line);
        }
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
