package org.borderwatch.alert.it;

import org.borderwatch.testkit.BorderWatchInfrastructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blind contract rounds ({@code api-round-N/cases.json}, written from the READMEs by somebody who never saw the
 * code; see {@code api-round-N/judged.md} for the steps corrected after judging): each round's steps run in order
 * ({@link ApiContractRound}) over real HTTP, and its assessments through a real producer, against the service started
 * for that round with the {@code local} profile — the documented users {@code staff} and {@code admin} — on the
 * testkit's broker and store, in a database, on an assessments topic and in a consumer group of its own (so each
 * round sees a fresh service, as it assumes). Every step is checked and every difference is reported at once.
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
        try (ApiContractRound steps = new ApiContractRound("/" + round + "/cases.json", OwnService.port(context),
                topic)) {
            assertThat(steps.cases()).hasSize(60);
            List<String> differences = steps.run();
            assertThat(differences).as("%s: steps that differ (%d of %d):\n  %s", round, differences.size(),
                    steps.cases().size(), String.join("\n  ", differences)).isEmpty();
        } finally {
            context.close();
        }
    }
}
