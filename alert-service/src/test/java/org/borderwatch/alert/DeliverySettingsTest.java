package org.borderwatch.alert;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery pool's size, the shutdown wait and what Resilience4j refuses (code review F13) are checked when the
 * settings are bound, like every other setting: a bad value stops the start with its key, not a stack trace later.
 */
class DeliverySettingsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static AlertProperties.Delivery delivery(int concurrentTargets, Duration shutdownWait) {
        return new AlertProperties.Delivery(Duration.ofMillis(500), Duration.ofSeconds(60), 50, 3,
                Duration.ofMillis(500), 2.0, 0.5, 5, Duration.ofSeconds(30), Duration.ofSeconds(10), 50, 4,
                Duration.ofSeconds(30), 20, Duration.ofSeconds(5), Duration.ofDays(30), true, concurrentTargets,
                shutdownWait, Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "concurrent-targets {0}, shutdown-wait {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "8   | PT10S  | ",
            "1   | PT0S   | ",
            "256 | PT1M   | ",
            "0   | PT10S  | concurrentTargets",
            "-3  | PT10S  | concurrentTargets",
            "257 | PT10S  | concurrentTargets",
            "8   | PT-1S  | shutdownWaitValid",
    })
    void thePoolSizeAndTheShutdownWaitAreValidated(int concurrentTargets, String shutdownWait, String refused) {
        Set<ConstraintViolation<AlertProperties.Delivery>> problems =
                VALIDATOR.validate(delivery(concurrentTargets, Duration.parse(shutdownWait)));
        if (refused == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).extracting(p -> p.getPropertyPath().toString()).containsExactly(refused);
        }
    }

    @EnableConfigurationProperties(AlertProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @ParameterizedTest(name = "alert.delivery.{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // accepted: the defaults' neighbours and the edges Resilience4j allows
            "backoff-multiplier    | 1.0    | ",
            "jitter                | 0      | ",
            "jitter                | 0.99   | ",
            "circuit-failure-rate  | 100    | ",
            "circuit-failure-rate  | 0.5    | ",
            "initial-backoff       | 1ms    | ",
            "circuit-open-duration | 1ms    | ",
            "poll-interval         | 1ms    | ",
            "timeout               | 1ms    | ",
            // refused: each names its key
            "backoff-multiplier    | 0.9    | backoffMultiplier",
            "jitter                | 1      | jitter",
            "jitter                | 1.5    | jitter",
            "jitter                | -0.1   | jitter",
            "circuit-failure-rate  | 0      | circuitFailureRate",
            "circuit-failure-rate  | 100.5  | circuitFailureRate",
            "circuit-failure-rate  | -5     | circuitFailureRate",
            "initial-backoff       | 0ms    | alert.delivery.initial-backoff must be at least 1ms",
            "circuit-open-duration | 0s     | alert.delivery.circuit-open-duration must be at least 1ms",
            "poll-interval         | 0s     | alert.delivery.poll-interval must be positive",
            "timeout               | -1s    | alert.delivery.timeout must be positive",
    })
    void whatResilience4jRefusesStopsTheStartNamingTheKey(String key, String value, String named) {
        runner.withPropertyValues("alert.delivery." + key + "=" + value).run(context -> {
            if (named == null) {
                assertThat(context).hasNotFailed();
                return;
            }
            assertThat(context).hasFailed();
            StringBuilder text = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                text.append(t.getMessage()).append('\n');
            }
            assertThat(text.toString()).contains("alert.delivery").contains(named);
        });
    }
}
