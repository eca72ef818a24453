package org.borderwatch.ingest.api;

import org.borderwatch.ingest.IngestApplication;
import org.borderwatch.testkit.BorderWatchInfrastructure;
import org.borderwatch.testkit.ContractRound;
import org.borderwatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A blind contract round ({@code api-round-1/cases.json}, written from the READMEs by somebody who never saw the
 * code; {@code api-round-1/judged.md} says which steps were judged and why): its steps run in order over real HTTP
 * against the whole service started once with the {@code local} profile and the round's two keys (set as the
 * README's "Source trust" documents, replacing the list), on the testkit's broker but on topics and in a consumer
 * group of its own, so the de-duplication memory starts empty as the round assumes. Every difference is reported at
 * once.
 */
@BorderWatchInfrastructure(mongo = false)
class IngestApiContractRoundIT {

    /** The whole service as a process would be started, on topics and in a consumer group of the round's own. */
    private static ConfigurableApplicationContext start() {
        String own = "api-round-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> topics = new LinkedHashMap<>();
        for (String topic : List.of("canonical", "statement", "acled", "normalized", "rejected")) {
            topics.put("ingest.topics." + topic, "border.reports." + topic + "." + own);
        }
        TestInfrastructure.createTopics(3, topics.values().toArray(String[]::new));
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        Map<String, String> properties = new LinkedHashMap<>(topics);
        properties.put("server.port", "0");
        properties.put("spring.kafka.bootstrap-servers", kafka);
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafka);
        for (String binding : List.of("canonicalIn-in-0", "statementIn-in-0", "acledIn-in-0")) {
            properties.put("spring.cloud.stream.bindings." + binding + ".group", "ingest-" + own);
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
        try (ConfigurableApplicationContext service = start()) {
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            // "key": the partner whose X-Api-Key the step sends (the round's "keys"); null: none
            differences = round.run(port, ContractRound.Credentials.apiKey("X-Api-Key"));
        }
        round.writeAnswers(Path.of("target", "api-round-1-answers.txt"));
        assertThat(differences).as(round.report(differences)).isEmpty();
    }
}
