package org.borderwatch.alert.delivery.kafka;

import org.borderwatch.alert.delivery.DeliveryFailures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code review F16: the feed producer's timeouts are computed once — the delivery timeout the producer is configured
 * with is the one the failure text names, and the wait for acknowledgements is that plus one request timeout.
 */
class FeedPublisherTimeoutsTest {

    @ParameterizedTest(name = "alert.delivery.timeout {0}")
    @CsvSource({
            // setting, request.timeout.ms, delivery.timeout.ms, wait, words of the failure
            "5s,     5000, 10000, 15000, 10s",
            "2s,     2000,  4000,  6000, 4s",
            "300ms,  1000,  2000,  3000, 2s",
            "1500ms, 1500,  3000,  4500, 3s",
    })
    void derivedFromTheDeliveryTimeoutOnce(String setting, long requestMs, long deliveryMs, long waitMs,
                                           String words) {
        FeedPublisher.Timeouts t = FeedPublisher.Timeouts.of(
                org.springframework.boot.convert.DurationStyle.detectAndParse(setting));

        assertThat(t.request()).isEqualTo(Duration.ofMillis(requestMs));
        assertThat(t.delivery()).isEqualTo(Duration.ofMillis(deliveryMs));
        assertThat(t.ackWait()).isEqualTo(Duration.ofMillis(waitMs));
        // the producer refuses a delivery timeout below request timeout + linger
        assertThat(t.delivery().toMillis()).isGreaterThanOrEqualTo(requestMs + FeedPublisher.Timeouts.LINGER_MS);
        assertThat(DeliveryFailures.seconds(t.delivery())).isEqualTo(words);
    }
}
