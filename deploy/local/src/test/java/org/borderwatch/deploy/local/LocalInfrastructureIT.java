package org.borderwatch.deploy.local;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.borderwatch.common.topic.Topic;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.deploy.local.kafka.TopicCreator;
import org.borderwatch.deploy.local.ports.PortCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The real thing: a broker child JVM and the store, started twice on the same data directory. */
class LocalInfrastructureIT {

    @TempDir
    Path data;

    @TempDir
    Path work;

    @Test
    void startsKafkaAndTheStoreCreatesTopicsOnceAndKeepsDataAcrossARestart() throws Exception {
        LocalInfrastructure.Settings settings = new LocalInfrastructure.Settings(data, "localhost",
                PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(), 2, "512m", null, "borderwatch",
                Duration.ofSeconds(150));
        long brokerPid;
        String clusterId;
        java.util.concurrent.CompletableFuture<Integer> follower;
        java.io.StringWriter followerErr = new java.io.StringWriter();

        try (LocalInfrastructure infra = LocalInfrastructure.start(settings)) {
            brokerPid = infra.broker().pid();
            clusterId = infra.broker().clusterId();
            assertThat(brokerPid).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(infra.environment()).containsExactly(
                    Map.entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + settings.kafkaPort()),
                    Map.entry("SPRING_MONGODB_URI", "mongodb://localhost:" + settings.mongoPort() + "/borderwatch"));
            assertThat(infra.topics()).allMatch(TopicCreator.Outcome::created);

            try (Admin admin = infra.admin()) {
                assertTopics(admin);
            }
            assertTransactionsWork(infra.bootstrapServers());
            assertProduceSendsEachLine(infra.bootstrapServers());
            assertConsumePrintsRecordsWithTheirHeaders(infra.bootstrapServers());

            try (MongoClient mongo = MongoClients.create(infra.mongoUri())) {
                MongoCollection<Document> verdicts = mongo.getDatabase("borderwatch").getCollection("verdicts");
                verdicts.createIndex(Indexes.ascending("incidentId"), new IndexOptions().unique(true));
                verdicts.insertOne(new Document("_id", "v-1").append("incidentId", "i-1").append("verdict", "CONFIRMED"));
            }
            follower = startFollowing(infra.bootstrapServers(), followerErr);
        }
        // the broker is gone: a follower says so and ends instead of waiting silently for ever
        assertThat(follower.get(60, TimeUnit.SECONDS)).as(followerErr.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(followerErr.toString()).contains("stopped answering", "stopped following " + Topics.REJECTED.name());

        assertThat(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        PortCheck ports = new PortCheck("localhost");
        assertThat(ports.isFree(settings.kafkaPort())).isTrue();
        assertThat(ports.isFree(settings.mongoPort())).isTrue();

        try (LocalInfrastructure again = LocalInfrastructure.start(settings)) {
            assertThat(again.broker().clusterId()).isEqualTo(clusterId);
            assertThat(again.topics()).noneMatch(TopicCreator.Outcome::created)
                    .extracting(TopicCreator.Outcome::name)
                    .containsExactlyElementsOf(Topics.all().stream().map(Topic::name).toList());
            try (MongoClient mongo = MongoClients.create(again.mongoUri())) {
                MongoCollection<Document> verdicts = mongo.getDatabase("borderwatch").getCollection("verdicts");
                assertThat(verdicts.find(new Document("_id", "v-1")).first())
                        .isNotNull().containsEntry("verdict", "CONFIRMED");
                assertThatThrownBy(() -> verdicts.insertOne(new Document("_id", "v-2").append("incidentId", "i-1")))
                        .isInstanceOfSatisfying(MongoWriteException.class,
                                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode()))
                                        .isEqualTo(ErrorCategory.DUPLICATE_KEY));
            }
            brokerPid = again.broker().pid();
        }
        assertThat(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    private static void assertTopics(Admin admin) throws Exception {
        Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        assertThat(names).containsAll(Topics.all().stream().map(Topic::name).toList());
        Map<String, TopicDescription> described = admin.describeTopics(List.of(Topics.NORMALIZED.name(),
                Topics.ASSESSMENTS.name(), Topics.REJECTED.name())).allTopicNames().get(30, TimeUnit.SECONDS);
        assertThat(described.get(Topics.NORMALIZED.name()).partitions()).hasSize(2);
        assertThat(described.get(Topics.ASSESSMENTS.name()).partitions()).hasSize(2);
        assertThat(described.get(Topics.REJECTED.name()).partitions()).hasSize(2);
        ConfigResource normalized = new ConfigResource(ConfigResource.Type.TOPIC, Topics.NORMALIZED.name());
        assertThat(admin.describeConfigs(List.of(normalized)).all().get(30, TimeUnit.SECONDS).get(normalized)
                .get("retention.ms").value()).isEqualTo("-1");
    }

    /** The replication-1 settings of the internal topics are what make transactions work on one node. */
    private static void assertTransactionsWork(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "launcher-it");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.ASSESSMENTS.name(), "incident-1", "{\"closed\":false}"));
            producer.commitTransaction();
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "launcher-it");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(Topics.ASSESSMENTS.name()));
            List<String> keys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(r.key());
                }
                assertThat(keys).containsExactly("incident-1");
            });
        }
    }

    /** {@code produce}: each non-blank line after the header is one record (or the header and one row each, with
     * {@code --header-per-record}); a missing file is one clear line. */
    private void assertProduceSendsEachLine(String bootstrap) throws Exception {
        Path rows = work.resolve("rows.csv");
        Files.writeString(rows, "event_id_cnty,notes\nARM1,first\n\nARM2,second\n");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = Launcher.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        assertThat(cli.execute("produce", "--bootstrap", bootstrap, "--topic", Topics.RAW_ACLED.name(),
                "--skip-header", "--input", rows.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Sent 2 record(s) to " + Topics.RAW_ACLED.name());
        Path withHeader = Files.writeString(work.resolve("rows-any-order.csv"), "notes,event_id_cnty\nthird,ARM3\n");
        assertThat(cli.execute("produce", "--bootstrap", bootstrap, "--topic", Topics.RAW_ACLED.name(),
                "--header-per-record", "--input", withHeader.toString())).as(err.toString()).isZero();
        assertThat(cli.execute("produce", "--bootstrap", bootstrap, "--topic", Topics.RAW_ACLED.name(),
                "--input", work.resolve("missing.csv").toString())).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("No such file").doesNotContain("\tat ");

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "launcher-it-produce");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(Topics.RAW_ACLED.name()));
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
                assertThat(values).containsExactlyInAnyOrder("ARM1,first", "ARM2,second", "notes,event_id_cnty\nthird,ARM3");
            });
        }
    }

    /** {@code consume}: what a topic holds now, with headers, in both layouts; an unknown topic is one clear line. */
    /** {@code consume --follow} in the background, caught up (it printed the topic's records) before it returns. */
    private static java.util.concurrent.CompletableFuture<Integer> startFollowing(String bootstrap,
                                                                                 java.io.StringWriter err) {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = Launcher.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        java.util.concurrent.CompletableFuture<Integer> exit = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> cli.execute("consume", "--bootstrap", bootstrap, "--topic", Topics.REJECTED.name(), "--follow",
                        "--timeout", "3s"));
        await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("{\"second\":true}"));
        return exit;
    }

    private void assertConsumePrintsRecordsWithTheirHeaders(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            // both on partition 0, so "the first record" is the same on every run
            ProducerRecord<String, String> bad = new ProducerRecord<>(Topics.REJECTED.name(), 0, null, "this is not json");
            bad.headers().add(Topics.HEADER_REJECT_REASON, "MALFORMED".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bad.headers().add(Topics.HEADER_SOURCE, Topics.RAW_STATEMENT.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            producer.send(bad).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.REJECTED.name(), 0, "k-2", "{\"second\":true}")).get(30, TimeUnit.SECONDS);
        }
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = Launcher.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));

        assertThat(cli.execute("consume", "--bootstrap", bootstrap, "--topic", Topics.REJECTED.name()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("   " + Topics.HEADER_REJECT_REASON + ": MALFORMED",
                "   " + Topics.HEADER_SOURCE + ": " + Topics.RAW_STATEMENT.name(), "this is not json", "key k-2",
                "{\"second\":true}");
        assertThat(err.toString()).contains("Read 2 record(s) from " + Topics.REJECTED.name());

        out.getBuffer().setLength(0);
        assertThat(cli.execute("consume", "--bootstrap", bootstrap, "--topic", Topics.REJECTED.name(), "--json",
                "--max", "1")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(1);
        tools.jackson.databind.JsonNode first = org.borderwatch.common.json.Json.mapper().readTree(lines.get(0));
        assertThat(first.path("topic").asString()).isEqualTo(Topics.REJECTED.name());
        assertThat(first.path("headers").path(Topics.HEADER_REJECT_REASON).asString()).isEqualTo("MALFORMED");
        assertThat(first.path("value").asString()).isEqualTo("this is not json");
        assertThat(first.hasNonNull("key")).as("no key").isFalse();

        out.getBuffer().setLength(0);
        assertThat(cli.execute("consume", "--bootstrap", bootstrap, "--topic", Topics.REJECTED.name(),
                "--from", "end")).isZero();
        assertThat(out.toString()).isEmpty();

        assertThat(cli.execute("consume", "--bootstrap", bootstrap, "--topic", "border.reports.rejectd",
                "--timeout", "5s")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("No topic 'border.reports.rejectd'", Topics.REJECTED.name())
                .doesNotContain("\tat ");
    }
}
