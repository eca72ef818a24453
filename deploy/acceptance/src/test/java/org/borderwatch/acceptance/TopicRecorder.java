package org.borderwatch.acceptance;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Reads the system's public topics from the beginning, as a partner or an operator would, and keeps every record:
 * one consumer without a group (assigned to every partition), {@code read_committed} like every consumer of the
 * classifier's exactly-once output, polled on its own thread.
 */
final class TopicRecorder implements AutoCloseable {

    /** One record as read. */
    record Recorded(String topic, String key, byte[] value, List<Header> headers) {

        String header(String name) {
            return headers.stream().filter(h -> h.key().equals(name)).reduce((a, b) -> b)
                    .map(h -> new String(h.value(), StandardCharsets.UTF_8)).orElse(null);
        }

        String text() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Recorded> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    TopicRecorder(String bootstrapServers, List<String> topics) {
        this(bootstrapServers, Map.of(), topics);
    }

    /** @param security the client's SASL settings when the broker asks for them (none: an empty map) */
    TopicRecorder(String bootstrapServers, Map<String, String> security, List<String> topics) {
        Properties props = new Properties();
        props.putAll(security);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "acceptance-recorder");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = new Thread(this::poll, "topic-recorder");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new Recorded(r.topic(), r.key(), r.value(), List.of(r.headers().toArray())));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    List<Recorded> records(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /**
     * Writes what was read to {@code dir/<topic>.txt} — one record per line: key, headers, value — so a failed run
     * can be read afterwards.
     */
    void dump(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, List<Recorded>> byTopic = new TreeMap<>();
        records.forEach(r -> byTopic.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<Recorded>> e : byTopic.entrySet()) {
            List<String> lines = e.getValue().stream().map(r -> "key=" + r.key() + " headers={"
                    + r.headers().stream().map(h -> h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining(", ")) + "} " + r.text().replace('\n', ' ')).toList();
            Files.write(dir.resolve(e.getKey() + ".txt"), lines, StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(10_000);
    }
}
