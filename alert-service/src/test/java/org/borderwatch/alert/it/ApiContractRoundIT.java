package org.borderwatch.alert.it;

import org.borderwatch.testkit.BorderWatchInfrastructure;
import org.borderwatch.testkit.ContractRound;
import org.borderwatch.testkit.TestInfrastructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blind contract rounds ({@code api-round-N/cases.json}, written from the READMEs by somebody who never saw the
 * code; see {@code api-round-N/judged.md} for the steps corrected after judging): each round's steps run in order
 * (the testkit's {@link ContractRound}, shared with ingest-service's round) over real HTTP, and its assessments
 * through a real producer, against the service started for that round with the {@code local} profile — the
 * documented users {@code staff} and {@code admin}, sent as HTTP Basic — on the testkit's broker and store, in a
 * database, on an assessments topic and in a consumer group of its own (so each round sees a fresh service, as it
 * assumes). Every step is checked and every difference is reported at once.
 */
@BorderWatchInfrastructure
class ApiContractRoundIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"api-round-1", "api-round-2"})
    void everyStepOfTheRoundAnswersAsExpected(String round) throws Exception {
        String own = round + "-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = "border.assessments." + own;
        // the local profile as documented (its users, its webhook rules), on a store and topic of the round's own
        ConfigurableApplicationContext context = OwnService.start("local",
                OwnService.onTestkit(own, topic, "alert-" + own));
        // the rounds' conventions: a body without headers is JSON; the round's topic is the service's own one
        try (ContractRound steps = ContractRound.load(ApiContractRoundIT.class.getResourceAsStream(
                "/" + round + "/cases.json")).defaultContentType("application/json")
                .kafka(TestInfrastructure.kafkaBootstrapServers(), roundTopic -> topic)) {
            assertThat(steps.size()).isEqualTo(60);
            List<String> differences = steps.run(OwnService.port(context), ContractRound.Credentials.basic());
            steps.writeAnswers(Path.of("target", round + "-answers.txt"));
            assertThat(differences).as("%s: %s", round, steps.report(differences)).isEmpty();
        } finally {
            context.close();
        }
    }
}
