package org.borderwatch.classifier.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Gives a record its own timestamp (ingest's producer time) and never reads its value: the report's JSON is read once,
 * by {@link ClassifierProcessor} (code review F21 — the extractor used to parse every value into a tree for its
 * {@code publishedAt}, and the processor parsed it again). Kafka's stream time is therefore not the publication time
 * and no rule looks at it: the engine keeps its own clock, the reports' {@code publishedAt}, and the processor steps
 * it (see {@code ClassifierProcessor#step}). A record without a valid timestamp (negative: a producer of an old
 * message format) gets the partition's time so far instead of failing the stream.
 */
public final class RecordTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long own = record.timestamp();
        return own >= 0 ? own : Math.max(partitionTime, 0);
    }
}
