package org.borderwatch.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@link TopicReader} against the JVM's real broker, each test on topics of its own. */
@BorderWatchInfrastructure(mongo = false)
class TopicReaderIT {

    private static String topic(int partitions) {
        String name = "testkit.reader-" + UUID.randomUUID();
        TestInfrastructure.createTopics(partitions, name);
        return name;
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, String value, String... headers) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            r.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @SafeVarargs
    private static void send(ProducerRecord<String, byte[]>... records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer(Map.of())) {
            for (ProducerRecord<String, byte[]> r : records) {
                producer.send(r).get();
            }
        }
    }

    private static List<String> texts(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void readsKeysValuesAndHeadersFromTheBeginningOfEveryTopic() throws Exception {
        String first = topic(3);
        String second = topic(1);
        send(record(first, "k-1", "one", "x-source", "a", "x-reason", "late", "x-source", "b"),
                record(first, "k-2", "two"),
                record(second, null, "three"));

        List<ConsumerRecord<String, byte[]>> read = TopicReader.bytes(first, second).read(3);

        assertThat(read).extracting(ConsumerRecord::topic).containsExactlyInAnyOrder(first, first, second);
        assertThat(read).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("k-1", "k-2", null);
        assertThat(texts(read)).containsExactlyInAnyOrder("one", "two", "three");
        ConsumerRecord<String, byte[]> withHeaders = read.stream().filter(r -> "k-1".equals(r.key())).findFirst()
                .orElseThrow();
        assertThat(TopicReader.headerNames(withHeaders)).containsExactly("x-source", "x-reason", "x-source");
        assertThat(TopicReader.header(withHeaders, "x-source")).as("the last value").isEqualTo("b");
        assertThat(TopicReader.header(withHeaders, "x-missing")).isNull();
    }

    @Test
    void stringsDecodesValuesAsUtf8() throws Exception {
        String topic = topic(1);
        send(record(topic, "k", "Տավուշ — Qazax"), record(topic, "tombstone", null));

        List<ConsumerRecord<String, String>> read = TopicReader.strings(topic).read(2);

        assertThat(read).extracting(ConsumerRecord::value).containsExactly("Տավուշ — Qazax", null);
    }

    @Test
    void readCommittedSkipsAbortedTransactionsWhichTheDefaultReaderSees() throws Exception {
        String topic = topic(1);
        try (KafkaProducer<String, byte[]> producer = producer(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "testkit-reader-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(record(topic, "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(record(topic, "k", "committed"));
            producer.commitTransaction();
        }

        assertThat(texts(TopicReader.bytes(topic).readCommitted().read(1))).containsExactly("committed");
        assertThat(texts(TopicReader.bytes(topic).read(2))).containsExactly("aborted", "committed");
    }

    @Test
    void matchingKeepsOnlyTheRecordsItAcceptsAndReadUntilWaitsForItsCondition() throws Exception {
        String topic = topic(2);
        send(record(topic, "mine", "1"), record(topic, "other", "2"), record(topic, "mine", "3"),
                record(topic, "other", "4"));

        TopicReader<byte[]> mine = TopicReader.bytes(topic).matching(r -> "mine".equals(r.key()));

        assertThat(texts(mine.read(2))).containsExactlyInAnyOrder("1", "3");
        assertThat(texts(mine.readUntil(records -> texts(records).contains("3")))).contains("3")
                .doesNotContain("2", "4");
    }

    @Test
    void everyReadStartsAgainFromTheBeginningInAGroupOfItsOwn() throws Exception {
        String topic = topic(1);
        send(record(topic, "k", "a"), record(topic, "k", "b"));
        TopicReader<byte[]> reader = TopicReader.bytes(topic);

        assertThat(texts(reader.read(2))).containsExactly("a", "b");
        assertThat(texts(reader.read(2))).as("nothing was committed by the first read").containsExactly("a", "b");
    }

    @Test
    void failsWithWhatItReadWhenTheRecordsDoNotComeInTime() throws Exception {
        String topic = topic(1);
        send(record(topic, "only-one", "x"));

        assertThatThrownBy(() -> TopicReader.bytes(topic).timeout(Duration.ofSeconds(5)).read(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("at least 2 record(s)").hasMessageContaining(topic)
                .hasMessageContaining("read 1").hasMessageContaining("key=only-one");
    }

    @Test
    void thenQuietForKeepsReadingAfterTheWaitIsOver() throws Exception {
        String topic = topic(1);
        send(record(topic, "k", "already there"));

        // zero records are enough at once; what is on the topic arrives while the reader goes on for the quiet period
        assertThat(texts(TopicReader.bytes(topic).thenQuietFor(Duration.ofSeconds(10)).read(0)))
                .containsExactly("already there");
    }

    @Test
    void openGivesASubscribedConsumerTheTestPollsItself() throws Exception {
        String topic = topic(1);
        send(record(topic, "k", "polled"));

        List<String> polled = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TopicReader.strings(topic).readCommitted().open()) {
            assertThat(consumer.subscription()).containsExactly(topic);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> polled.add(r.value()));
                return !polled.isEmpty();
            });
        }
        assertThat(polled).containsExactly("polled");
    }

    @Test
    void aReaderOfNoTopicIsRefused() {
        assertThatThrownBy(TopicReader::bytes).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicReader.bytes("t").read(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicReader.bytes("t").timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
