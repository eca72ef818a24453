package org.borderwatch.ingest.stream;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.ingest.IngestITSupport;
import org.borderwatch.ingest.SlowBrokerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operational settings of the running service that only show when the broker misbehaves. (That readiness gives up on
 * a silent broker within the health timeout is {@link BinderHealthTimeoutTest}.)
 */
class BinderSettingsIT extends IngestITSupport {

    @Autowired
    LoggingSystem logging;

    /**
     * A report is confirmed only once every in-sync replica has it, and a retried send is never written twice: the
     * reports' producer, as the binder really built it, waits for all replicas and is idempotent. What the binder gave
     * the client is read from the producer itself (the test interceptor installed on the normalised binding records
     * it), then completed by the client's own rules ({@link ProducerConfig}), so a client default or a binder default
     * (the binder's {@code required-acks} is 1 unless configured) counts too.
     */
    @Test
    void theReportsProducerWaitsForAllReplicasAndIsIdempotent() {
        // a report through the binding, so its producer exists
        String ref = uniqueRef("producer-config");
        send(Topics.RAW_STATEMENT.name(), statement(ref,
                "On 16 March at 09:35 Armenian units in Digh fired at our positions in Lachin."));
        await().atMost(Duration.ofSeconds(30)).until(() -> NORMALIZED.stream().anyMatch(r -> value(r).contains(ref)));

        assertThat(SlowBrokerInterceptor.configurations()).isNotEmpty().allSatisfy(given -> {
            ProducerConfig effective = new ProducerConfig(Map.copyOf(withoutNulls(given)));
            assertThat(effective.getString(ProducerConfig.ACKS_CONFIG)).as("acks").isIn("all", "-1");
            assertThat(effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).as("enable.idempotence")
                    .isTrue();
        });
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        Map<String, Object> copy = new java.util.HashMap<>(m);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }

    @Test
    void theLagGaugesHighWatermarkWarningIsSilenced() {
        assertThat(logging.getLoggerConfiguration(
                "org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils").getEffectiveLevel())
                .isEqualTo(LogLevel.ERROR);
    }
}
