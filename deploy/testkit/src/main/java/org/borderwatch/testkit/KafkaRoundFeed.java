package org.borderwatch.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RoundFeed} on a real broker: one {@code read_committed} consumer per topic, assigned every partition
 * (no group, nothing committed) from the beginning, keeping the records written since the feed was made (by their
 * timestamps). Read from the round's thread only; {@link #close()} closes the consumers.
 */
public final class KafkaRoundFeed implements RoundFeed, AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;
    private final long since = Instant.now().minusSeconds(1).toEpochMilli();
    private final Map<String, KafkaConsumer<String, String>> consumers = new HashMap<>();
    private final Map<String, List<Record>> read = new HashMap<>();

    public KafkaRoundFeed(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public List<Record> records(String topic) {
        KafkaConsumer<String, String> consumer = consumers.computeIfAbsent(topic, t -> open());
        List<Record> records = read.computeIfAbsent(topic, t -> new ArrayList<>());
        if (consumer.assignment().isEmpty()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return List.copyOf(records);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        // everything there is now: poll until a poll brings nothing
        while (true) {
            int before = records.size();
            var polled = consumer.poll(POLL);
            for (ConsumerRecord<String, String> r : polled) {
                if (r.timestamp() >= since) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    r.headers().forEach(h -> headers.put(h.key(), TopicReader.header(r, h.key())));
                    records.add(new Record(r.key(), headers, r.value()));
                }
            }
            if (polled.isEmpty() && records.size() == before) {
                return List.copyOf(records);
            }
        }
    }

    private KafkaConsumer<String, String> open() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
    }

    @Override
    public void close() {
        consumers.values().forEach(KafkaConsumer::close);
    }
}
