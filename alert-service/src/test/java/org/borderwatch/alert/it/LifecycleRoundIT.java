package org.borderwatch.alert.it;

import com.mongodb.client.MongoClient;
import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.LifecycleRound;
import org.borderwatch.alert.delivery.stream.AlertStreamHub;
import org.borderwatch.alert.secrets.SecretCipher;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round a1 of alert-lifecycle scenarios ({@code rounds/round-a1.json}) as a regression test: one dynamic test per
 * scenario, played by {@link LifecycleRound} through the real dispatcher on the testkit's store (a database of its
 * own per scenario, the scenario's clock and lifecycle settings, inside the shared cached context). A failure shows,
 * per subscription, the messages expected and the messages the outbox holds for it.
 */
class LifecycleRoundIT extends AlertServiceITSupport {

    @Autowired
    MongoClient mongo;
    @Autowired
    SecretCipher cipher;
    @Autowired
    AlertStreamHub hub;
    @Autowired
    AlertProperties properties;

    @TestFactory
    Stream<DynamicTest> roundA1() {
        List<LifecycleRound.Scenario> scenarios = LifecycleRound.load("/rounds/round-a1.json");
        assertThat(scenarios).hasSize(15);
        LifecycleRound.Beans beans = new LifecycleRound.Beans(mongo, cipher, hub,
                // a registry of its own: the round's counts do not add to the shared context's meters
                new AlertMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), properties);
        return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> {
            Map<String, List<String>> sent = LifecycleRound.run(s, beans);
            assertThat(render(sent)).as(s.id() + ": what each subscription is sent (expected vs actual)")
                    .isEqualTo(render(LifecycleRound.expected(s)));
        }));
    }

    /** One block per subscription, one line per message: a readable diff. */
    private static String render(Map<String, List<String>> bySubscription) {
        StringBuilder b = new StringBuilder();
        bySubscription.forEach((name, lines) -> {
            b.append(name).append(":\n");
            lines.forEach(l -> b.append("  ").append(l).append('\n'));
        });
        return b.toString();
    }
}
