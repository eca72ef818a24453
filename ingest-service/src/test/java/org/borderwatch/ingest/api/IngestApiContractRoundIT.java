package org.borderwatch.ingest.api;

import org.borderwatch.ingest.IngestApplication;
import org.borderwatch.testkit.BorderWatchInfrastructure;
import org.borderwatch.testkit.ContractRound;
import org.borderwatch.testkit.KafkaRoundFeed;
import org.borderwatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A blind contract round ({@code api-round-1/cases.json}, written from the READMEs by somebody who never saw the
 * code; {@code api-round-1/judged.md} says which steps were judged and why): its steps run in order over real HTTP
 * against the whole service started once with the {@code local} profile and the round's two keys (set as the
 * README's "Source trust" documents, replacing the list), on the testkit's broker but on topics and in a consumer
 * group of its own, so the de-duplication memory starts empty as the round assumes. Every difference is reported at
 * once. Round 2 ({@code api-round-2/}) runs the same way and judges what reaches Kafka.
 */
@BorderWatchInfrastructure(mongo = false)
class IngestApiContractRoundIT {

    /** The round's own topics: ingest's name for each (canonical …) → {@code border.reports.<name>.<own>}. */
    private static Map<String, String> ownTopics() {
        String own = "api-round-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> topics = new LinkedHashMap<>();
        for (String topic : List.of("canonical", "statement", "acled", "normalized", "rejected")) {
            topics.put(topic, "border.reports." + topic + "." + own);
        }
        TestInfrastructure.createTopics(3, topics.values().toArray(String[]::new));
        return topics;
    }

    /** The whole service as a process would be started, on {@code topics} and in a consumer group of its own. */
    private static ConfigurableApplicationContext start(Map<String, String> topics) {
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        Map<String, String> properties = new LinkedHashMap<>();
        topics.forEach((name, topic) -> properties.put("ingest.topics." + name, topic));
        properties.put("server.port", "0");
        properties.put("spring.kafka.bootstrap-servers", kafka);
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafka);
        for (String binding : List.of("canonicalIn-in-0", "statementIn-in-0", "acledIn-in-0")) {
            properties.put("spring.cloud.stream.bindings." + binding + ".group", "ingest-" + topics.get("normalized"));
        }
        // the round's keys, as its start.env sets them (a key list replaces the local profile's whole list)
        properties.put("ingest.api.keys[0].partner", "local-dev");
        properties.put("ingest.api.keys[0].key", "local-dev-key");
        properties.put("ingest.api.keys[0].formats", "*");
        properties.put("ingest.api.keys[0].sources", "*");
        properties.put("ingest.api.keys[1].partner", "field-desk");
        properties.put("ingest.api.keys[1].key", "field-desk-key");
        properties.put("ingest.api.keys[1].formats", "statement");
        properties.put("ingest.api.keys[1].sources", "am-mod,az-mod");
        return new SpringApplicationBuilder(IngestApplication.class).profiles("local")
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    @Test
    void everyStepOfTheRoundAnswersAsExpected() throws Exception {
        ContractRound round = ContractRound.load(
                IngestApiContractRoundIT.class.getResourceAsStream("/api-round-1/cases.json"));
        assertThat(round.size()).isEqualTo(57);
        List<String> differences;
        try (ConfigurableApplicationContext service = start(ownTopics())) {
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            // "key": the partner whose X-Api-Key the step sends (the round's "keys"); null: none
            differences = round.run(port, ContractRound.Credentials.apiKey("X-Api-Key"));
        }
        round.writeAnswers(Path.of("target", "api-round-1-answers.txt"));
        assertThat(differences).as(round.report(differences)).isEmpty();
    }

    /**
     * Round 2, about what reaches Kafka ({@code api-round-2/}): the round's raw topics are produced to and its
     * normalised and rejected topics read by a {@link KafkaRoundFeed} made before the first step, each the test's own
     * topic; {@code {rawcanonical}} … are those raw topics' names, which ingest writes as {@code bw-source}.
     */
    @Test
    void everyStepOfRoundTwoFindsOnKafkaWhatItExpects() throws Exception {
        Map<String, String> topics = ownTopics();
        Map<String, String> roundTopics = new LinkedHashMap<>();
        for (String name : List.of("canonical", "statement", "acled")) {
            roundTopics.put("border.reports.raw." + name, topics.get(name));
        }
        roundTopics.put("border.reports.normalized", topics.get("normalized"));
        roundTopics.put("border.reports.rejected", topics.get("rejected"));
        UnaryOperator<String> mapped = topic -> {
            String own = roundTopics.get(topic);
            if (own == null) {
                throw new IllegalArgumentException("no topic " + topic + " in round 2");
            }
            return own;
        };
        List<String> differences;
        try (ConfigurableApplicationContext service = start(topics);
             KafkaRoundFeed feed = new KafkaRoundFeed(TestInfrastructure.kafkaBootstrapServers());
             ContractRound round = ContractRound.load(
                     IngestApiContractRoundIT.class.getResourceAsStream("/api-round-2/cases.json"))) {
            assertThat(round.size()).isEqualTo(55);
            round.kafka(TestInfrastructure.kafkaBootstrapServers(), mapped).feed(feed, mapped)
                    .variable("rawcanonical", topics.get("canonical"))
                    .variable("rawstatement", topics.get("statement"))
                    .variable("rawacled", topics.get("acled"));
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            differences = round.run(port, ContractRound.Credentials.apiKey("X-Api-Key"));
            round.writeAnswers(Path.of("target", "api-round-2-answers.txt"));
            assertThat(differences).as(round.report(differences)).isEmpty();
        }
    }
}
