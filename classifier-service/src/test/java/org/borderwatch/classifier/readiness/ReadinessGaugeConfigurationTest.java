package org.borderwatch.classifier.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.borderwatch.classifier.config.ClassifierProperties;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.support.HealthReadinessGauge;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/**
 * The service's declaration of the shared readiness gauge: its meter name, {@code classifier.readiness-gauge.interval}
 * (default 15 s; zero or negative stops the start naming it). The gauge itself is tested in deploy/service-support.
 */
class ReadinessGaugeConfigurationTest {

    @EnableConfigurationProperties(ClassifierProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new).withBean(Clock.class, Clock::systemUTC)
            .withUserConfiguration(Settings.class, ReadinessGaugeConfiguration.class);

    @Test
    void declaresTheGaugeUnderTheServicesMeterNameWithTheDefaultInterval() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(HealthReadinessGauge.class);
            assertThat(context.getBean(ClassifierProperties.class).readinessGauge().interval())
                    .isEqualTo(Duration.ofSeconds(15));
            assertThat(context.getBean(MeterRegistry.class).find(ClassifierMetrics.READINESS).gauge()).isNotNull();
        });
    }

    @Test
    void aNonPositiveIntervalStopsTheStartNamingTheKey() {
        for (String bad : new String[] {"0s", "-5s"}) {
            runner.withPropertyValues("classifier.readiness-gauge.interval=" + bad).run(context -> assertThat(context)
                    .as(bad).hasFailed().getFailure().rootCause().hasMessageContaining("classifier.readiness-gauge.interval must be positive"));
        }
        runner.withPropertyValues("classifier.readiness-gauge.interval=PT0.5S")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
