package org.borderwatch.ingest.stream;

import org.borderwatch.ingest.IngestITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/** Operational settings of the running service that only show when the broker misbehaves. */
class BinderSettingsIT extends IngestITSupport {

    @Autowired
    Environment environment;

    @Autowired
    LoggingSystem logging;

    @Test
    void readinessGivesUpOnASilentBrokerWithinFiveSeconds() {
        // the binder's own properties live in its child context; this is what it binds from
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.health-timeout", Integer.class))
                .isEqualTo(5);
    }

    @Test
    void theLagGaugesHighWatermarkWarningIsSilenced() {
        assertThat(logging.getLoggerConfiguration(
                "org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils").getEffectiveLevel())
                .isEqualTo(LogLevel.ERROR);
    }
}
