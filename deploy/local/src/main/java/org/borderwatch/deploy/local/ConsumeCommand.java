package org.borderwatch.deploy.local;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.topic.Topic;
import org.borderwatch.common.topic.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code consume}: prints the records of a topic with their headers — e.g. why ingest refused a record
 * ({@code bw-reject-reason} on {@code border.reports.rejected}) — without installing Kafka's console tools.
 * It joins no consumer group and commits nothing, so it never takes records away from a service.
 */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Prints the records of a topic with key, headers and value, e.g. the reasons ingest gives on "
                + "border.reports.rejected. Reads every partition without a consumer group (nothing is committed, "
                + "no service loses a record). Without --follow it stops at the end of what the topic holds now. "
                + "The broker is the one the launcher using --data runs, unless --bootstrap names one.")
public final class ConsumeCommand implements Callable<Integer> {

    /** Where to start reading. */
    public enum From { beginning, end }

    /** How long a follower waits, idle, before it checks that the broker still answers (capped by --timeout). */
    static final Duration MAX_LIVENESS_CHECK = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Topic to read.")
    String topic;

    @Option(names = "--from", paramLabel = "beginning|end", defaultValue = "beginning",
            description = "Start at the oldest record or only print new ones (default: ${DEFAULT-VALUE}).")
    From from;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records (default: no limit).")
    Integer max;

    @Option(names = "--follow", description = "Keep waiting for new records until Ctrl-C (or --max). While idle it "
            + "asks the broker every --timeout (at most every 10 s) whether it is still there, and stops with exit "
            + "code 1 when it no longer answers (e.g. the launcher was stopped).")
    boolean follow;

    @Option(names = "--json", description = "One JSON object per record (topic, partition, offset, timestamp, key, "
            + "headers, value) instead of the readable layout.")
    boolean json;

    @Mixin
    BrokerOptions broker = new BrokerOptions();

    /** The client's SASL and TLS settings from {@code --kafka-sasl-scram} and {@code --kafka-tls}, none without. */
    private Map<String, String> security = Map.of();

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
            description = "How long to wait for the broker (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (max != null && max < 1) {
            err.println("--max must be at least 1, got " + max + ".");
            return ExitCodes.USAGE;
        }
        try {
            security = broker.clientSecurity();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        Optional<String> servers = broker.resolve(err);
        if (servers.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        int printed = 0;
        boolean following = false;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(servers.get()))) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                err.println("No topic '" + topic + "' at " + servers.get() + ". The catalogue's topics: "
                        + Topics.all().stream().map(Topic::name).collect(Collectors.joining(", ")) + ".");
                return ExitCodes.FAILURE;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
            if (from == From.end) {
                consumer.seekToEnd(assigned);
            } else {
                consumer.seekToBeginning(assigned);
            }
            Map<TopicPartition, Long> position = new HashMap<>();
            for (TopicPartition tp : assigned) {
                position.put(tp, consumer.position(tp, timeout));
            }
            following = follow;
            Duration checkEvery = timeout.compareTo(MAX_LIVENESS_CHECK) < 0 ? timeout : MAX_LIVENESS_CHECK;
            long lastContact = System.nanoTime();
            while (max == null || printed < max) {
                if (!follow && caughtUp(position, end)) {
                    break;
                }
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    lastContact = System.nanoTime();
                } else if (follow && System.nanoTime() - lastContact >= checkEvery.toNanos()) {
                    // a consumer whose broker is gone polls empty forever: ask the broker for something
                    consumer.endOffsets(assigned, timeout);
                    lastContact = System.nanoTime();
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    out.println(json ? asJson(r) : readable(r));
                    position.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
                    printed++;
                    if (max != null && printed >= max) {
                        break;
                    }
                }
                if (!follow) {
                    // transaction markers and aborted records move the position without a record to print
                    for (TopicPartition tp : assigned) {
                        position.put(tp, consumer.position(tp, timeout));
                    }
                }
                out.flush();
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            if (following) {
                out.flush();
                err.println("The broker at " + servers.get() + " stopped answering (nothing within "
                        + timeout.toSeconds() + " s); stopped following " + topic + " after " + printed
                        + " record(s).");
                return ExitCodes.FAILURE;
            }
            err.println("The broker at " + servers.get() + " did not answer within " + timeout.toSeconds() + " s.");
            return ExitCodes.FAILURE;
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        } catch (org.apache.kafka.common.KafkaException e) {
            err.println("Cannot read " + topic + " at " + servers.get() + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        out.flush();
        err.println("Read " + printed + " record(s) from " + topic + ".");
        err.flush();
        return ExitCodes.OK;
    }

    private static boolean caughtUp(Map<TopicPartition, Long> position, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> position.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private static String readable(ConsumerRecord<byte[], byte[]> r) {
        StringBuilder b = new StringBuilder();
        b.append("── ").append(r.topic()).append("  partition ").append(r.partition()).append("  offset ")
                .append(r.offset()).append("  ").append(Instant.ofEpochMilli(r.timestamp()))
                .append("  key ").append(r.key() == null ? "(none)" : text(r.key())).append('\n');
        for (Header h : r.headers()) {
            b.append("   ").append(h.key()).append(": ").append(h.value() == null ? "" : text(h.value())).append('\n');
        }
        b.append(r.value() == null ? "(no value: a tombstone)" : text(r.value()));
        return b.toString();
    }

    private static String asJson(ConsumerRecord<byte[], byte[]> r) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : text(h.value()));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("topic", r.topic());
        line.put("partition", r.partition());
        line.put("offset", r.offset());
        line.put("timestamp", Instant.ofEpochMilli(r.timestamp()).toString());
        line.put("key", r.key() == null ? null : text(r.key()));
        line.put("headers", headers);
        line.put("value", r.value() == null ? null : text(r.value()));
        return Json.mapper().writeValueAsString(line);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private Properties config(String servers) {
        Properties p = new Properties();
        p.putAll(security);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(timeout.toMillis(), 30_000)));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }
}
