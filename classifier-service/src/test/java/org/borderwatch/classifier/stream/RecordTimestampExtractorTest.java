package org.borderwatch.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Code review F21: the extractor takes the record's own timestamp and never reads the value. */
class RecordTimestampExtractorTest {

    private static final String REPORT_OF_2025 = "{\"publishedAt\":\"2025-03-16T10:00:00+04:00\"}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a report: its record timestamp, not its publishedAt         | 1700000000000 | -1            | 1700000000000
            a value that is no JSON: the same                            | 1700000000000 | 1600000000000 | 1700000000000
            no valid timestamp: the partition's time so far              | -1            | 1600000000000 | 1600000000000
            no valid timestamp and no partition time yet: zero, no error | -1            | -1            | 0
            """)
    void takesTheRecordTimestamp(String name, long recordTimestamp, long partitionTime, long expected) {
        byte[] value = (name.startsWith("a value") ? "not json" : REPORT_OF_2025).getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("border.reports.normalized", 0, 0L,
                recordTimestamp, TimestampType.CREATE_TIME, 0, value.length, "SYUNIK_EAST", value, new RecordHeaders(),
                Optional.empty());
        assertThat(new RecordTimestampExtractor().extract(record, partitionTime)).isEqualTo(expected);
    }
}
