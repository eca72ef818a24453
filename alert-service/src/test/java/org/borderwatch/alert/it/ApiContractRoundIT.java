package org.borderwatch.alert.it;

import org.borderwatch.testkit.BorderWatchInfrastructure;
import org.borderwatch.testkit.ContractRound;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A blind contract round ({@code api-round-1/cases.json}, written from the READMEs by somebody who never saw the
 * code; see {@code api-round-1/judged.md} for the steps corrected after judging): its steps run in order over real
 * HTTP against the service started once with the {@code local} profile — the documented users {@code staff} and
 * {@code admin} — on the testkit's broker and store, in a database and on a topic of its own (so the round sees a
 * fresh service, as it assumes). Every step is checked and every difference is reported at once.
 */
@BorderWatchInfrastructure
class ApiContractRoundIT {

    private static ConfigurableApplicationContext context;
    private static int port;

    @BeforeAll
    static void start() {
        String own = UUID.randomUUID().toString().substring(0, 8);
        // the local profile as documented (its users, its webhook rules), on a store and topic of the round's own
        context = OwnService.start("local", OwnService.onTestkit("api-round-" + own,
                "border.assessments.api-round-" + own, "alert-api-round-" + own));
        port = OwnService.port(context);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void everyStepOfTheRoundAnswersAsExpected() throws Exception {
        ContractRound round = ContractRound.load(
                ApiContractRoundIT.class.getResourceAsStream("/api-round-1/cases.json"));
        assertThat(round.size()).isEqualTo(60);
        // "user": the documented user (the round's "users") whose Basic credentials the step sends; null: none
        List<String> differences = round.run(port, (cases, step) -> {
            if (!step.path("user").isString()) {
                return Map.of();
            }
            String name = step.get("user").asString();
            String password = cases.get("users").get(name).get("password").asString();
            return Map.of("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(differences).as(round.report(differences)).isEmpty();
    }
}
