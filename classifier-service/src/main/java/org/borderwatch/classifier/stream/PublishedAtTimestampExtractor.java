package org.borderwatch.classifier.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.borderwatch.common.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Stream time is the publication time of the reports: the record timestamp is {@code publishedAt} from the JSON
 * value; a record without one keeps its own timestamp (the stream then fails softly in the processor).
 */
public final class PublishedAtTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof byte[] bytes) {
            try {
                JsonNode published = Json.tree(bytes).get("publishedAt");
                if (published != null && published.isString()) {
                    return java.time.OffsetDateTime.parse(published.asString()).toInstant().toEpochMilli();
                }
            } catch (RuntimeException e) {
                // not a report: fall through to the record's own timestamp
            }
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
