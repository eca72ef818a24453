package org.borderwatch.alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic jobs' intervals, their batch sizes and the API's page limit are settings (code review F6, F20), and
 * so are the shutdown grace of the delivery lanes, the release look-back and the limits of a silence's
 * {@code mutingNow} (the remaining literals): unset
 * they keep the values the code had, and a bad one stops the start naming its key.
 */
class JobSettingsTest {

    @EnableConfigurationProperties(AlertProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void unsetTheyKeepTheFormerValues() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            AlertProperties properties = context.getBean(AlertProperties.class);
            assertThat(properties.lifecycle().relayInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.lifecycle().expiryInterval()).isEqualTo(Duration.ofHours(1));
            assertThat(properties.store().pageSize()).isEqualTo(100);
            assertThat(properties.stream().batch()).isEqualTo(200);
            assertThat(properties.stream().maxConversations()).isEqualTo(10_000);
            assertThat(properties.api().maxPageSize()).isEqualTo(500);
            assertThat(properties.readinessGauge().interval()).isEqualTo(Duration.ofSeconds(15));
            assertThat(AlertProperties.Api.DEFAULT_MAX_PAGE_SIZE).isEqualTo("500");
            // the literals of the second batch: DeliveryWorker's shutdown grace, the release look-back, the ids a
            // silence's mutingNow lists and the page of its query
            assertThat(properties.delivery().shutdownGrace()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.lifecycle().releaseLookback()).isEqualTo(Duration.ofMinutes(1));
            assertThat(properties.api().mutingNowMaxIds()).isEqualTo(200);
            assertThat(properties.store().mutingPageSize()).isEqualTo(500);
            // the repeat job's bound per pass (the job read one page of alerts per pass before)
            assertThat(properties.lifecycle().repeatMaxPerPass()).isEqualTo(1000);
            assertThat(properties.lifecycle().relayMaxPerPass()).isEqualTo(1000);
            // retention: delivered rows as before, failed and abandoned ones and the audit longer; bulk operations
            assertThat(properties.delivery().retention()).isEqualTo(Duration.ofDays(30));
            assertThat(properties.retention().failedDeliveries()).isEqualTo(Duration.ofDays(90));
            assertThat(properties.retention().audit()).isEqualTo(Duration.ofDays(730));
            assertThat(properties.retention().batchSize()).isEqualTo(1000);
            assertThat(properties.api().bulkMaxRows()).isEqualTo(1000);
            assertThat(properties.api().bulkSample()).isEqualTo(20);
        });
    }

    @Test
    void setTheyAreBound() {
        runner.withPropertyValues("alert.lifecycle.relay-interval=250ms", "alert.lifecycle.expiry-interval=10m",
                "alert.store.page-size=7", "alert.stream.batch=9", "alert.stream.max-conversations=11",
                "alert.api.max-page-size=1000", "alert.delivery.shutdown-grace=500ms",
                "alert.lifecycle.release-lookback=30s", "alert.api.muting-now-max-ids=3",
                "alert.store.muting-page-size=50", "alert.lifecycle.repeat-max-per-pass=12",
                "alert.lifecycle.relay-max-per-pass=7", "alert.retention.audit=3650d",
                "alert.retention.failed-deliveries=0s", "alert.retention.batch-size=10", "alert.api.bulk-max-rows=5",
                "alert.api.bulk-sample=0").run(context -> {
            AlertProperties properties = context.getBean(AlertProperties.class);
            assertThat(properties.lifecycle().relayInterval()).isEqualTo(Duration.ofMillis(250));
            assertThat(properties.lifecycle().expiryInterval()).isEqualTo(Duration.ofMinutes(10));
            assertThat(properties.store().pageSize()).isEqualTo(7);
            assertThat(properties.stream().batch()).isEqualTo(9);
            assertThat(properties.stream().maxConversations()).isEqualTo(11);
            assertThat(properties.api().maxPageSize()).isEqualTo(1000);
            assertThat(properties.delivery().shutdownGrace()).isEqualTo(Duration.ofMillis(500));
            assertThat(properties.lifecycle().releaseLookback()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.api().mutingNowMaxIds()).isEqualTo(3);
            assertThat(properties.store().mutingPageSize()).isEqualTo(50);
            assertThat(properties.lifecycle().repeatMaxPerPass()).isEqualTo(12);
            assertThat(properties.lifecycle().relayMaxPerPass()).isEqualTo(7);
            assertThat(properties.retention().audit()).isEqualTo(Duration.ofDays(3650));
            assertThat(properties.retention().failedDeliveries()).isZero();
            assertThat(properties.retention().batchSize()).isEqualTo(10);
            assertThat(properties.api().bulkMaxRows()).isEqualTo(5);
            assertThat(properties.api().bulkSample()).isZero();
        });
    }

    @ParameterizedTest(name = "alert.{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // accepted: the edges
            "lifecycle.relay-interval     | 1ms     | ",
            "lifecycle.expiry-interval    | 1ms     | ",
            "store.page-size              | 1       | ",
            "store.page-size              | 10000   | ",
            "stream.batch                 | 10000   | ",
            "stream.max-conversations     | 1000000 | ",
            "api.max-page-size            | 10000   | ",
            "delivery.shutdown-grace      | 0s      | ",
            "lifecycle.release-lookback   | 0s      | ",
            "api.muting-now-max-ids       | 1       | ",
            "store.muting-page-size       | 10000   | ",
            "readiness-gauge.interval     | 1ms     | ",
            "lifecycle.repeat-max-per-pass | 1      | ",
            "lifecycle.repeat-max-per-pass | 1000000 | ",
            "lifecycle.relay-max-per-pass  | 1      | ",
            "lifecycle.relay-max-per-pass  | 1000000 | ",
            "retention.audit              | 0s      | ",
            "retention.batch-size         | 100000  | ",
            "api.bulk-max-rows            | 100000  | ",
            "api.bulk-sample              | 0       | ",
            // refused: each names its key
            "lifecycle.relay-interval     | 0s      | alert.lifecycle.relay-interval must be at least 1ms",
            "lifecycle.expiry-interval    | -1h     | alert.lifecycle.expiry-interval must be at least 1ms",
            "store.page-size              | 0       | pageSize",
            "store.page-size              | 10001   | pageSize",
            "stream.batch                 | 0       | batch",
            "stream.max-conversations     | 0       | maxConversations",
            "api.max-page-size            | 0       | maxPageSize",
            "api.max-page-size            | 10001   | maxPageSize",
            "delivery.shutdown-grace      | -1s     | alert.delivery.shutdown-grace must not be negative",
            "lifecycle.release-lookback   | -1m     | alert.lifecycle.release-lookback must not be negative",
            "api.muting-now-max-ids       | 0       | mutingNowMaxIds",
            "store.muting-page-size       | 0       | mutingPageSize",
            "store.muting-page-size       | 10001   | mutingPageSize",
            "readiness-gauge.interval     | 0s      | alert.readiness-gauge.interval must be positive",
            "readiness-gauge.interval     | -15s    | alert.readiness-gauge.interval must be positive",
            "lifecycle.repeat-max-per-pass | 0      | repeatMaxPerPass",
            "lifecycle.repeat-max-per-pass | 1000001 | repeatMaxPerPass",
            "lifecycle.relay-max-per-pass  | 0      | relayMaxPerPass",
            "lifecycle.relay-max-per-pass  | 1000001 | relayMaxPerPass",
            "retention.audit              | -1d     | alert.retention.audit and failed-deliveries must not be negative",
            "retention.failed-deliveries  | -1d     | alert.retention.audit and failed-deliveries must not be negative",
            "retention.batch-size         | 0       | batchSize",
            "retention.batch-size         | 100001  | batchSize",
            "api.bulk-max-rows            | 0       | bulkMaxRows",
            "api.bulk-sample              | 1001    | bulkSample",
    })
    void aBadValueStopsTheStartNamingTheKey(String key, String value, String named) {
        runner.withPropertyValues("alert." + key + "=" + value).run(context -> {
            if (named == null) {
                assertThat(context).hasNotFailed();
                return;
            }
            assertThat(context).hasFailed();
            StringBuilder text = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                text.append(t.getMessage()).append('\n');
            }
            String group = "alert." + key.substring(0, key.indexOf('.'));
            assertThat(text.toString()).contains(group).contains(named);
        });
    }
}
