package org.borderwatch.alert;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery pool's size and the shutdown wait are checked when the service starts, like every other setting. */
class DeliverySettingsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static AlertProperties.Delivery delivery(int concurrentTargets, Duration shutdownWait) {
        return new AlertProperties.Delivery(Duration.ofMillis(500), Duration.ofSeconds(60), 50, 3,
                Duration.ofMillis(500), 2.0, 0.5, 5, Duration.ofSeconds(30), Duration.ofSeconds(10), 50, 4,
                Duration.ofSeconds(30), 20, Duration.ofSeconds(5), Duration.ofDays(30), true, concurrentTargets,
                shutdownWait);
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
}
