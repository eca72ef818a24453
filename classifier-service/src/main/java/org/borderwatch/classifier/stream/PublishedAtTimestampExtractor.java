package org.borderwatch.classifier.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.borderwatch.common.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Stream time is the publication time of the reports: the record timestamp is {@code publishedAt} from the JSON
 * value. A record without a readable one (no report: the processor skips and counts it) gets the partition's time
 * so far, never its own timestamp: a stray record written with today's wall-clock time must not move stream time,
 * which would close every open incident of a replayed or quiet period at once.
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
                // not a report: keep the partition's time
            }
        }
        return Math.max(partitionTime, 0);
    }
}
