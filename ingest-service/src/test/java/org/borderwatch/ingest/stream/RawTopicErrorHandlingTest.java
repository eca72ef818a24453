package org.borderwatch.ingest.stream;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class RawTopicErrorHandlingTest {

    @Test
    void aFailedPublishIsParkedAsPublishFailedWithTheClientsWordsAndNoClassName() {
        Exception failure = new MessagingException("handler failed", new PublishFailedException("the send failed",
                new ExecutionException(new InvalidTopicException("Invalid topics: [no such topic!]"))));
        assertThat(RawTopicErrorHandling.rejection(failure)).isEqualTo(RejectReason.PUBLISH_FAILED);
        assertThat(RawTopicErrorHandling.detail(failure)).isEqualTo("its reports could not be published after every "
                + "attempt: the send failed (Invalid topics: [no such topic!]); replay the record to its raw topic "
                + "once that is fixed");
    }

    @Test
    void aTimedOutPublishSaysSo() {
        Exception failure = new PublishFailedException("the broker did not confirm the send within PT10S",
                new TimeoutException());
        assertThat(RawTopicErrorHandling.detail(failure))
                .startsWith("its reports could not be published after every attempt: the broker did not confirm the "
                        + "send within PT10S;");
    }

    @Test
    void anyOtherFailureIsAProcessingErrorWhoseDetailPointsToTheLog() {
        Exception failure = new IllegalStateException("org.example.Internal broke at line 42");
        assertThat(RawTopicErrorHandling.rejection(failure)).isEqualTo(RejectReason.PROCESSING_ERROR);
        assertThat(RawTopicErrorHandling.detail(failure)).doesNotContain("org.example")
                .contains("the log has the details");
    }

    @Test
    void theValueIsTheRecordsBytesAndATombstoneHasNone() {
        byte[] bytes = {1, 2, 3};
        assertThat(RawTopicBindings.value(bytes)).isSameAs(bytes);
        assertThat(RawTopicBindings.value(KafkaNull.INSTANCE)).isNull();
        assertThat(RawTopicBindings.value(null)).isNull();
        assertThat(RawTopicBindings.value("{}")).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whereNamesKeyPartitionAndOffsetAndCutsALongKey() {
        assertThat(RawTopicBindings.where(new MessageHeaders(Map.of(KafkaHeaders.RECEIVED_KEY,
                "partner-7".getBytes(StandardCharsets.UTF_8), KafkaHeaders.RECEIVED_PARTITION, 2,
                KafkaHeaders.OFFSET, 41L)))).isEqualTo("key partner-7, partition 2, offset 41");
        assertThat(RawTopicBindings.where(new MessageHeaders(Map.of(KafkaHeaders.RECEIVED_PARTITION, 0,
                KafkaHeaders.OFFSET, 1L)))).isEqualTo("no key, partition 0, offset 1");
        String longKey = "k".repeat(1000);
        assertThat(RawTopicBindings.where(new MessageHeaders(Map.of(KafkaHeaders.RECEIVED_KEY, longKey))))
                .contains("k".repeat(RawTopicBindings.MAX_KEY_IN_DETAIL) + "…,");
    }
}
