package org.borderwatch.testkit;

import java.util.List;
import java.util.Map;

/**
 * What a round's service has written to a topic since the round began, as its {@code expectKafka} steps read it;
 * {@link KafkaRoundFeed} reads a real broker.
 */
@FunctionalInterface
public interface RoundFeed {

    /** One record: its key, its headers as UTF-8 text (the last value of each name), its value as UTF-8 text. */
    record Record(String key, Map<String, String> headers, String value) {
    }

    /** Every record on {@code topic} since the round began, in the order read (per partition as written). */
    List<Record> records(String topic);
}
