package org.borderwatch.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads what is on Kafka topics, from the beginning, as a test checks what the code under test wrote: String keys,
 * {@code byte[]} ({@link #bytes}) or UTF-8 {@code String} ({@link #strings}) values, headers as sent. Every read is
 * a new consumer in a group of its own (nothing is committed, so reads never disturb each other or the services'
 * groups), closed before the read returns.
 * <p>
 * A reader is immutable: {@link #readCommitted}, {@link #timeout}, {@link #matching}, {@link #thenQuietFor} and
 * {@link #bootstrapServers} answer a changed copy. Without {@code bootstrapServers} it reads the testkit's broker
 * ({@link TestInfrastructure#kafkaBootstrapServers()}, taken when a read starts).
 */
public final class TopicReader<V> {

    /** How long a read waits for its records unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(200);

    private final List<String> topics;
    private final Supplier<Deserializer<V>> values;
    private final Supplier<String> bootstrapServers;
    private final boolean readCommitted;
    private final Duration timeout;
    private final Duration quiet;
    private final Predicate<? super ConsumerRecord<String, V>> filter;

    private TopicReader(List<String> topics, Supplier<Deserializer<V>> values, Supplier<String> bootstrapServers,
                        boolean readCommitted, Duration timeout, Duration quiet,
                        Predicate<? super ConsumerRecord<String, V>> filter) {
        this.topics = topics;
        this.values = values;
        this.bootstrapServers = bootstrapServers;
        this.readCommitted = readCommitted;
        this.timeout = timeout;
        this.quiet = quiet;
        this.filter = filter;
    }

    /** A reader of these topics with raw {@code byte[]} values. */
    public static TopicReader<byte[]> bytes(String... topics) {
        return create(topics, ByteArrayDeserializer::new);
    }

    /** A reader of these topics with values decoded as UTF-8 text. */
    public static TopicReader<String> strings(String... topics) {
        return create(topics, StringDeserializer::new);
    }

    private static <V> TopicReader<V> create(String[] topics, Supplier<Deserializer<V>> values) {
        if (topics.length == 0) {
            throw new IllegalArgumentException("no topic to read");
        }
        return new TopicReader<>(List.of(topics), values, TestInfrastructure::kafkaBootstrapServers, false,
                DEFAULT_TIMEOUT, Duration.ZERO, r -> true);
    }

    /** Reads another broker than the testkit's (a launcher's, a started system's). */
    public TopicReader<V> bootstrapServers(String servers) {
        Objects.requireNonNull(servers);
        return new TopicReader<>(topics, values, () -> servers, readCommitted, timeout, quiet, filter);
    }

    /** Reads with {@code isolation.level=read_committed}: records of aborted or open transactions are never seen. */
    public TopicReader<V> readCommitted() {
        return new TopicReader<>(topics, values, bootstrapServers, true, timeout, quiet, filter);
    }

    /** How long {@link #read} and {@link #readUntil} wait before failing (default {@link #DEFAULT_TIMEOUT}). */
    public TopicReader<V> timeout(Duration timeout) {
        requirePositive(timeout, "timeout");
        return new TopicReader<>(topics, values, bootstrapServers, readCommitted, timeout, quiet, filter);
    }

    /** Keeps only the records this accepts (the others are read and dropped); e.g. one incident's key. */
    public TopicReader<V> matching(Predicate<? super ConsumerRecord<String, V>> filter) {
        Objects.requireNonNull(filter);
        return new TopicReader<>(topics, values, bootstrapServers, readCommitted, timeout, quiet, filter);
    }

    /**
     * Once a read has what it waited for, goes on reading for this long and keeps what else arrives, so that the
     * test can assert that nothing more came.
     */
    public TopicReader<V> thenQuietFor(Duration quiet) {
        requirePositive(quiet, "quiet period");
        return new TopicReader<>(topics, values, bootstrapServers, readCommitted, timeout, quiet, filter);
    }

    /**
     * The (matching) records from the beginning of the topics, once there are at least {@code atLeast} of them; all
     * that the last poll brought are kept, so there may be more. Fails with an {@link AssertionError} listing what
     * was read when the timeout passes first.
     */
    public List<ConsumerRecord<String, V>> read(int atLeast) {
        if (atLeast < 0) {
            throw new IllegalArgumentException("atLeast < 0: " + atLeast);
        }
        return readUntil(records -> records.size() >= atLeast, "at least " + atLeast + " record(s)");
    }

    /** Like {@link #read} but waits until {@code done} accepts the (matching) records read so far. */
    public List<ConsumerRecord<String, V>> readUntil(Predicate<? super List<ConsumerRecord<String, V>>> done) {
        return readUntil(done, "the condition");
    }

    private List<ConsumerRecord<String, V>> readUntil(Predicate<? super List<ConsumerRecord<String, V>>> done,
                                                      String waitingFor) {
        Objects.requireNonNull(done);
        List<ConsumerRecord<String, V>> read = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = open()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            do {
                pollInto(consumer, read);
                if (done.test(read)) {
                    long quietUntil = System.nanoTime() + quiet.toNanos();
                    while (System.nanoTime() - quietUntil < 0) {
                        pollInto(consumer, read);
                    }
                    return read;
                }
            } while (System.nanoTime() - deadline < 0);
        }
        throw new AssertionError("waited " + timeout + " for " + waitingFor + " on " + topics + "; read "
                + read.size() + ": " + read.stream().map(r -> r.topic() + "-" + r.partition() + "@" + r.offset()
                + " key=" + r.key()).toList());
    }

    private void pollInto(KafkaConsumer<String, V> consumer, List<ConsumerRecord<String, V>> read) {
        for (ConsumerRecord<String, V> r : consumer.poll(POLL)) {
            if (filter.test(r)) {
                read.add(r);
            }
        }
    }

    /**
     * The consumer a read uses, subscribed and not yet polled, for a test that keeps one open and polls it itself
     * (e.g. across a service restart); the caller closes it. Its group is new, its offsets start at the earliest,
     * nothing is committed. {@link #timeout}, {@link #matching} and {@link #thenQuietFor} do not apply to it.
     */
    public KafkaConsumer<String, V> open() {
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.get(),
                ConsumerConfig.GROUP_ID_CONFIG, "testkit-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted"),
                new StringDeserializer(), values.get());
        consumer.subscribe(topics);
        return consumer;
    }

    /** The last value of a record's header as UTF-8 text; {@code null} when it has no such header or a null value. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The names of a record's headers, in order (repeated names repeated). */
    public static List<String> headerNames(ConsumerRecord<?, ?> record) {
        List<String> names = new ArrayList<>();
        record.headers().forEach(h -> names.add(h.key()));
        return names;
    }

    private static void requirePositive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }
}
